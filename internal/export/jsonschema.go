package export

import (
	"reflect"
	"time"

	"github.com/opengov-fi/opengov/internal/schema"
)

// Schema returns the JSON Schema (draft 2020-12) of the export of type t,
// whose records are its columns: the common ones, the front matter of its
// fields, described by their tags, and the computed ones. Vocabulary
// fields list their allowed ids, taken from the vocabularies the build
// checks against.
func Schema(baseURL string, v *schema.Vocabularies, t *schema.Type) ([]byte, error) {
	x := t.Export
	fields := t.Fields()
	properties := map[string]any{}
	required := []string{}
	for _, name := range x.Columns {
		var prop map[string]any
		omit := false
		switch {
		case computed(x, name) != nil:
			c := computed(x, name)
			prop, omit = c.Schema, c.OmitEmpty
		case field(fields, name) != nil:
			f := field(fields, name)
			prop, omit = fieldSchema(v, *f), f.Export == "omitempty"
		default:
			prop, omit = commonSchema(t, name), name == "updated"
		}
		properties[name] = prop
		if !omit {
			required = append(required, name)
		}
	}
	record := map[string]any{"type": "object", "additionalProperties": false, "required": required, "properties": properties}
	doc := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         baseURL + Dir + "/" + x.Schema,
		"title":       x.Title,
		"description": x.Description + " Licence: " + Licence + ".",
		"type":        "object",
		"required":    []string{"language", "source", "licence", "licence_url", x.Key},
		"properties": map[string]any{
			"language":    text("Language of the export."),
			"source":      urlSchema(),
			"licence":     map[string]any{"const": Licence},
			"licence_url": map[string]any{"const": LicenceURL},
			x.Key:         map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/" + t.Name}},
		},
		"$defs": map[string]any{t.Name: record},
	}
	return marshal(doc)
}

func computed(x *schema.Export, name string) *schema.Column {
	for i := range x.Computed {
		if x.Computed[i].Name == name {
			return &x.Computed[i]
		}
	}
	return nil
}

func field(fields []schema.Field, name string) *schema.Field {
	for i := range fields {
		if fields[i].Name == name {
			return &fields[i]
		}
	}
	return nil
}

func text(description string) map[string]any {
	return map[string]any{"type": "string", "description": description}
}

func urlSchema() map[string]any {
	return map[string]any{"type": "string", "format": "uri", "pattern": "^https?://"}
}

func dateSchema() map[string]any {
	return map[string]any{"type": "string", "format": "date", "pattern": `^\d{4}-\d{2}-\d{2}$`}
}

// commonSchema is the schema of a common column of type t.
func commonSchema(t *schema.Type, name string) map[string]any {
	switch name {
	case "language":
		return text("Language of this record's text (BCP 47).")
	case "title":
		return text("Name of the " + t.Export.Noun + ".")
	case "summary":
		s := text("Plain-language summary.")
		if t.MaxSummary > 0 {
			s["maxLength"] = t.MaxSummary
		}
		return s
	case "url":
		return urlSchema()
	case "published", "updated":
		return dateSchema()
	}
	return map[string]any{"type": "object", "additionalProperties": urlSchema(), // translations
		"description": "URL of the " + t.Export.Noun + " in each language it exists in."}
}

// fieldSchema is the schema of a field, from its Go type and its tags.
func fieldSchema(v *schema.Vocabularies, f schema.Field) map[string]any {
	typ := f.Type
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	var s map[string]any
	switch {
	case typ == reflect.TypeFor[time.Time]():
		s = dateSchema()
	case f.Format == "uri":
		s = urlSchema()
	case typ.Kind() == reflect.String:
		s = map[string]any{"type": "string"}
		if f.Pattern != "" {
			s["pattern"] = f.Pattern
		}
		if f.Vocab != "" {
			s["enum"] = ids(v.ByName(f.Vocab))
		} else if f.Options != nil {
			s["enum"] = f.Options
		}
	case typ.Kind() == reflect.Int:
		s = map[string]any{"type": "integer"}
		if f.HasRange {
			s["minimum"], s["maximum"] = f.Range[0], f.Range[1]
		}
	case typ.Kind() == reflect.Bool:
		s = map[string]any{"type": "boolean"}
	case typ.Kind() == reflect.Slice:
		item := f
		item.Type, item.Doc, item.ItemDoc, item.Required = typ.Elem(), f.ItemDoc, "", false
		s = map[string]any{"type": "array", "items": fieldSchema(v, item)}
		if f.Required {
			s["minItems"] = 1
		}
	case typ.Kind() == reflect.Struct:
		props := map[string]any{}
		required := []string{}
		for _, sub := range f.Fields {
			props[sub.Name] = fieldSchema(v, sub)
			if sub.Required {
				required = append(required, sub.Name)
			}
		}
		s = map[string]any{"type": "object", "additionalProperties": false, "required": required, "properties": props}
	}
	if f.Doc != "" {
		s["description"] = f.Doc
	}
	return s
}

func ids(terms []*schema.Term) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.ID
	}
	return out
}
