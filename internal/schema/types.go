package schema

import (
	"reflect"
	"slices"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/decode"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// Type declares a content type once: the configuration, the site model,
// the scaffold, the export with its JSON Schema and the CMS read it. The
// fields are declared by the tags of Struct (see Field).
type Type struct {
	// Name is the type site.toml gives a section (type = "practice"), and
	// the kind `opengov new` makes; for a Layout type, the layout its pages
	// name (layout: accessibility).
	Name   string
	Layout bool
	// Struct is the front matter beyond the common fields (content.Front).
	Struct reflect.Type
	// Check checks what the tags cannot say, after decoding and before the
	// vocabulary values are looked up; a vocabulary field it reports an
	// error at is not looked up, so one mistake gives one error.
	Check func(f *content.File, params any, errs *diag.List)
	// Required names the common fields the type requires although every
	// page need not have them (a practice's summary); Check reports them,
	// the CMS marks them.
	Required []string
	// MaxSummary is the longest summary allowed, in characters; 0: no limit.
	MaxSummary int
	// Scaffold is the text/template of a new entry (`opengov new`), with
	// "draft" the draft lines and ids the ids of a vocabulary; empty: made
	// from the fields. A Layout type has none.
	Scaffold string
	// Export is the type's open data; nil: none.
	Export *Export
	// CMS is how the browser CMS lists the entries.
	CMS CMS

	terms []termField
}

// CMS is what the CMS's collection of a type's entries needs beyond the
// fields.
type CMS struct {
	// Slug names an entry's files: Decap's template, such as
	// "{{fields.id}}"; empty: "{{slug}}".
	Slug     string
	Sortable []string // fields the list can be sorted by; empty: title
	// Folder names a field all entries of a folder share (a
	// commitment's action_plan): the folder's collection lists only the
	// entries with its value, and a new entry gets it.
	Folder string
	// Label names an entry in the menu of a relation field to the type;
	// nil: its title. Order orders that menu; nil: by content path.
	Label func(p *site.Page) string
	Order func(a, b *site.Page) int
}

// Types are the content types of a site, in the order the CMS lists them.
type Types []*Type

// Builtin returns the site's own content types: good practices,
// commitments and the accessibility statement.
func Builtin() Types {
	return Types{Declare(practiceType()), Declare(commitmentType()), Declare(accessibilityType())}
}

// Declare completes a type's declaration from its struct's tags; it
// panics on a tag that names no field, or a relation field that is not
// text, mistakes of the declaration.
func Declare(t *Type) *Type {
	t.terms = termFieldsOf(t.Struct)
	for _, f := range t.Fields() {
		if k := f.Type.Kind(); f.Relation != "" && k != reflect.String && (k != reflect.Slice || f.Type.Elem().Kind() != reflect.String) {
			panic("schema: " + t.Struct.String() + " field " + f.Name + ` is tagged relation:"` + f.Relation + `" but holds no content paths (string or []string)`)
		}
	}
	return t
}

// Get returns the type called name, or nil.
func (ts Types) Get(name string) *Type {
	i := slices.IndexFunc(ts, func(t *Type) bool { return t.Name == name })
	if i < 0 {
		return nil
	}
	return ts[i]
}

// Sections lists the names of the types a section may have in site.toml.
func (ts Types) Sections() []string {
	var out []string
	for _, t := range ts {
		if !t.Layout {
			out = append(out, t.Name)
		}
	}
	return out
}

// In returns the types a site uses: those site.toml gives a section, and
// the Layout types, which any page may use.
func (ts Types) In(cfg *config.Config) Types {
	var out Types
	for _, t := range ts {
		used := t.Layout
		for _, s := range cfg.Sections {
			used = used || s.Type == t.Name
		}
		if used {
			out = append(out, t)
		}
	}
	return out
}

// Vocabularies lists the vocabularies the types' fields draw from, each
// once, in the order the types first name them.
func (ts Types) Vocabularies() []string {
	var out []string
	for _, t := range ts {
		for _, tf := range t.terms {
			if !slices.Contains(out, tf.source.Vocab) {
				out = append(out, tf.source.Vocab)
			}
		}
	}
	return out
}

// Schemas returns the decoders of the types' front matter, by section
// type or layout, for site.New.
func (ts Types) Schemas(v *Vocabularies) map[string]site.Schema {
	out := make(map[string]site.Schema, len(ts))
	for _, t := range ts {
		out[t.Name] = site.Schema{Decode: func(f *content.File) (any, diag.List) { return t.decode(v, f) }}
	}
	return out
}

// Fields lists the type's own front-matter fields.
func (t *Type) Fields() []Field { return FieldsOf(t.Struct) }

// decode decodes and checks a page's own fields, and looks up the values
// of its vocabulary fields.
func (t *Type) decode(v *Vocabularies, f *content.File) (any, diag.List) {
	ptr := reflect.New(t.Struct)
	rest := &decode.Node{Kind: decode.Map, Fields: f.Rest, Line: f.Meta.Line}
	errs := decode.Into(rest, ptr.Interface(), f.Path, decode.Options{AlsoKnown: site.FrontFields()})
	checked := len(errs)
	if t.Check != nil {
		t.Check(f, ptr.Interface(), &errs)
	}
	var reported map[diag.Pos]bool
	for _, e := range errs[checked:] {
		if reported == nil {
			reported = map[diag.Pos]bool{}
		}
		reported[e.Pos] = true
	}
	field := func(key string) *decode.Node {
		if n := f.Meta.Get(key); n != nil {
			return n
		}
		return rest
	}
	s := ptr.Elem()
	for _, tf := range t.terms {
		src := tf.source
		if reported != nil && reported[f.FieldPos(src.Name)] {
			continue
		}
		// Through pointers, as boxing a slice would allocate.
		value, out := s.FieldByIndex(src.Index).Addr().Interface(), s.FieldByIndex(tf.index).Addr().Interface()
		switch value := value.(type) {
		case *string:
			if *value != "" {
				*out.(**Term) = v.lookup(src, *value, field(src.Name), f.Path, &errs)
			}
		case *[]string:
			*out.(*[]*Term) = v.terms(src, *value, field(src.Name), f.Path, &errs)
		}
	}
	return ptr.Interface(), errs
}

// appendTermIDsOf appends to out the ids of the terms of vocabulary name
// that decoded front matter (a pointer to the struct of terms) holds.
func appendTermIDsOf(out []string, terms []termField, params any, name string) []string {
	s := reflect.ValueOf(params).Elem()
	for _, tf := range terms {
		if tf.source.Vocab != name {
			continue
		}
		out, _ = appendTermIDs(out, s.FieldByIndex(tf.index))
	}
	return out
}

// Has reports whether p is an entry of the type: its Fields are the
// type's decoded front matter.
func (t *Type) Has(p *site.Page) bool {
	return p.Fields != nil && reflect.TypeOf(p.Fields) == reflect.PointerTo(t.Struct)
}
