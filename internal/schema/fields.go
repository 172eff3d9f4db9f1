package schema

import (
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Field is one front-matter field of a content type, as its struct's tags
// declare it. Every stage that lists fields (the decoder, the scaffold,
// the export and its JSON Schema, the CMS) reads these, so a field is
// described once, beside its Go type:
//
//	fm:"name,required"   the front-matter key; required: it must be there and not empty
//	vocab:"themes"       its values are ids of that vocabulary
//	lang:"shared"        a fact, the same in every language (the CMS fills it once)
//	doc:"..."            what it holds: the JSON Schema's description, the scaffold's comment
//	itemdoc:"..."        the description of each item of a list, in the JSON Schema
//	pattern:"^...$"      a regular expression the value matches (CMS, JSON Schema)
//	format:"uri"         an absolute http(s) URL (CMS, JSON Schema)
//	range:"1900,2100"    the smallest and largest whole number allowed
//	widget:"text"        the CMS edits it as several lines ("hidden": not shown)
//	options:"a,b"        the only values allowed, when there is no vocabulary
//	relation:"commitment" its values name pages of that content type (resolved by Relate)
//	filter:"theme"       the search filter (and search page URL parameter) of its values
//	export:"-"           not in the open data; export:"omitempty": left out of the JSON when empty
//	csv:"url"            a table's (or list of tables') CSV cell is this field of it
//
// and a field tagged term:"themes" (a *Term or []*Term, not front matter)
// receives the terms that the values of fm field themes name.
type Field struct {
	Name     string
	Required bool
	Type     reflect.Type
	Index    []int
	Vocab    string
	Shared   bool
	Doc      string
	ItemDoc  string
	Pattern  string
	Format   string
	Widget   string
	Options  []string
	Relation string
	Filter   string
	Export   string // "", "-" or "omitempty"
	CSV      string
	// Range is the smallest and largest whole number allowed; HasRange
	// says whether the field has one.
	Range    [2]int
	HasRange bool
	// Fields are the fields of a table, or of each table of a list.
	Fields []Field
}

var timeType = reflect.TypeFor[time.Time]()

// FieldsOf lists the front-matter fields of struct type t (or a pointer
// to one) in their order; fields without an fm tag are not front matter.
func FieldsOf(t reflect.Type) []Field {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, ok := sf.Tag.Lookup("fm")
		if !ok || tag == "-" {
			continue
		}
		name, opt, _ := strings.Cut(tag, ",")
		f := Field{
			Name: name, Required: opt == "required", Type: sf.Type, Index: sf.Index,
			Vocab: sf.Tag.Get("vocab"), Shared: sf.Tag.Get("lang") == "shared",
			Doc: sf.Tag.Get("doc"), ItemDoc: sf.Tag.Get("itemdoc"), Pattern: sf.Tag.Get("pattern"),
			Format: sf.Tag.Get("format"), Widget: sf.Tag.Get("widget"), Relation: sf.Tag.Get("relation"),
			Filter: sf.Tag.Get("filter"), Export: sf.Tag.Get("export"), CSV: sf.Tag.Get("csv"),
		}
		if o := sf.Tag.Get("options"); o != "" {
			f.Options = strings.Split(o, ",")
		}
		if r := sf.Tag.Get("range"); r != "" {
			lo, hi, _ := strings.Cut(r, ",")
			a, err1 := strconv.Atoi(lo)
			b, err2 := strconv.Atoi(hi)
			if err1 != nil || err2 != nil {
				panic("schema: bad range tag " + strconv.Quote(r) + " on " + t.String() + "." + sf.Name)
			}
			f.Range, f.HasRange = [2]int{a, b}, true
		}
		if elem := StructElem(sf.Type); elem != nil {
			f.Fields = FieldsOf(elem)
		}
		out = append(out, f)
	}
	return out
}

// StructElem returns the struct type a field holds (itself, through a
// pointer, or as the element of a slice), or nil; time.Time is a value.
func StructElem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct && t != timeType {
		return t
	}
	return nil
}

// IsList reports whether the field holds a list.
func (f Field) IsList() bool { return f.Type.Kind() == reflect.Slice }

// termField is a field that receives the terms of a vocabulary field.
type termField struct {
	index  []int // of the *Term or []*Term field
	source Field // the fm field whose ids it resolves
}

// termIndex returns the index of the field of terms that resolves fm
// field name, or false when terms has none for it.
func termIndex(terms []termField, name string) ([]int, bool) {
	for _, tf := range terms {
		if tf.source.Name == name {
			return tf.index, true
		}
	}
	return nil, false
}

// termFieldsOf pairs each term-tagged field of struct type t with the
// vocabulary field it resolves.
func termFieldsOf(t reflect.Type) []termField {
	fields := FieldsOf(t)
	var out []termField
	for i := range t.NumField() {
		sf := t.Field(i)
		name, ok := sf.Tag.Lookup("term")
		if !ok {
			continue
		}
		found := false
		for _, f := range fields {
			if f.Name == name && f.Vocab != "" {
				out = append(out, termField{index: sf.Index, source: f})
				found = true
			}
		}
		if !found {
			panic("schema: " + t.String() + "." + sf.Name + ` names no vocabulary field: term:"` + name + `"`)
		}
	}
	return out
}

// appendTermIDs appends the ids of the terms that v, a *Term or []*Term
// field, holds (through reflect, as boxing a slice would allocate); known
// is false when one of them is unknown.
func appendTermIDs(ids []string, v reflect.Value) (_ []string, known bool) {
	known = true
	add := func(t *Term) {
		if t != nil {
			ids = append(ids, t.ID)
			known = known && t.Known()
		}
	}
	if v.Kind() == reflect.Pointer {
		add(v.Interface().(*Term))
		return ids, known
	}
	for i := range v.Len() {
		add(v.Index(i).Interface().(*Term))
	}
	return ids, known
}
