package scaffold

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/opengov-fi/opengov/internal/schema"
)

// fromFields makes the scaffold of a type that declares none: the common
// fields, then each of its own with an empty value and a comment saying
// what it takes. An optional field that has no empty value (a number, a
// date, a table) is a comment to uncomment.
func fromFields(t *schema.Type) string {
	var b strings.Builder
	b.WriteString("---\n# A new " + t.Name + ". Every field is checked on build; see README.md.\n")
	b.WriteString(`{{ template "draft" . -}}` + "\n")
	line(&b, "", `title: ""`, "its name in this language")
	line(&b, "", `summary: ""`, "one or two plain sentences")
	line(&b, "", "slug: {{ .ID }}", "the URL segment in this language: lowercase a-z, digits, hyphens")
	writeFields(&b, "", t.Fields())
	line(&b, "", "published: {{ .Today }}", "when the entry was published on this site")
	line(&b, "", "updated: {{ .Today }}", "when it was last changed")
	b.WriteString("---\n")
	return b.String()
}

// line writes text with its comment at column 34, as the declared
// scaffolds align them.
func line(b *strings.Builder, indent, text, comment string) {
	s := indent + text
	if comment != "" {
		s = fmt.Sprintf("%-32s # %s", s, comment)
	}
	b.WriteString(s + "\n")
}

func writeFields(b *strings.Builder, indent string, fields []schema.Field) {
	for _, f := range fields {
		var notes []string
		if f.Doc != "" {
			notes = append(notes, strings.TrimSuffix(f.Doc, "."))
		}
		if f.Vocab != "" {
			notes = append(notes, `{{ ids "`+f.Vocab+`" }}`)
		}
		if len(f.Options) > 0 {
			notes = append(notes, strings.Join(f.Options, " | "))
		}
		if f.Relation != "" {
			notes = append(notes, "content paths of "+f.Relation+" pages")
		}
		if f.HasRange {
			notes = append(notes, fmt.Sprintf("%d to %d", f.Range[0], f.Range[1]))
		}
		if f.Required {
			notes = append(notes, "required")
		}
		comment := strings.Join(notes, "; ")
		elem := f.Type
		for elem.Kind() == reflect.Pointer {
			elem = elem.Elem()
		}
		switch {
		case f.IsList():
			line(b, indent, f.Name+": []", comment)
		case elem.Kind() == reflect.String:
			line(b, indent, f.Name+`: ""`, comment)
		case elem.Kind() == reflect.Bool:
			line(b, indent, f.Name+": false", comment)
		case !f.Required:
			line(b, indent, "# "+f.Name+":", comment)
		case f.Fields != nil:
			line(b, indent, f.Name+":", comment)
			writeFields(b, indent+"  ", f.Fields)
		case elem == reflect.TypeFor[time.Time]():
			line(b, indent, f.Name+": {{ .Today }}", comment)
		default:
			line(b, indent, f.Name+": 0", comment)
		}
	}
}
