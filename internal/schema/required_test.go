package schema

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/decode"
)

// decoded are the types whose front matter or configuration decode.Into
// fills; every struct reachable from them is checked too.
var decoded = []any{
	&content.Front{}, &Practice{}, &Commitment{}, &Accessibility{}, &Vocabularies{}, &config.Config{},
}

// requiredFields lists, for t and every struct type reachable from it, the
// names of its required fields.
func requiredFields(t reflect.Type, seen map[reflect.Type][]string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t.PkgPath() == "time" {
		return
	}
	if _, ok := seen[t]; ok {
		return
	}
	seen[t] = []string{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			tag, ok := f.Tag.Lookup("fm")
			if f.Anonymous && !ok {
				walk(f.Type)
				continue
			}
			if !ok {
				continue
			}
			name, opt, _ := strings.Cut(tag, ",")
			if opt == "required" {
				seen[t] = append(seen[t], name)
			}
			requiredFields(f.Type, seen)
		}
	}
	walk(t)
}

func TestEveryRequiredFieldMustNotBeEmpty(t *testing.T) {
	seen := map[reflect.Type][]string{}
	for _, v := range decoded {
		requiredFields(reflect.TypeOf(v), seen)
	}
	checked := 0
	for typ, names := range seen {
		for _, name := range names {
			for _, value := range []string{"", "~", "null", `""`, `"  "`, "[]", "{}"} {
				src := fmt.Sprintf("other: 1\n%s: %s\n", name, value)
				n, errs := decode.ParseYAML([]byte(src), "x.md", 2)
				if errs != nil {
					t.Fatal(errs)
				}
				ptr := reflect.New(typ).Interface()
				errs = decode.Into(n, ptr, "x.md", decode.Options{})
				want := fmt.Sprintf("x.md:3:1: field %q is required but empty", name)
				if !strings.Contains(errs.Error(), want) {
					t.Errorf("%s.%s: %s: errors %v, want %q", typ.Name(), name, value, errs, want)
				}
				checked++
			}
		}
	}
	if len(seen) < 10 || checked < 200 {
		t.Errorf("only %d types and %d cases checked", len(seen), checked)
	}
}

func TestEmptyTitleInContent(t *testing.T) {
	for _, src := range []string{
		"---\ntitle:\nsummary: s\n---\nBody\n",
		"---\ntitle: ~\nsummary: s\n---\nBody\n",
		"---\ntitle: \"\"\nsummary: s\n---\nBody\n",
		"+++\ntitle = \"\"\nsummary = \"s\"\n+++\nBody\n",
	} {
		_, errs := content.Load(fstest.MapFS{"content/x.en.md": md(src)}, []string{"en"})
		if want := `content/x.en.md:2:1: field "title" is required but empty`; !strings.Contains(errs.Error(), want) {
			t.Errorf("%q: errors %v, want %q", src, errs, want)
		}
	}
}
