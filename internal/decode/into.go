package decode

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/opengov-fi/opengov/internal/diag"
)

// Options tune Into.
type Options struct {
	// Rest, when not nil, receives the fields of the top-level map that the
	// struct does not know, instead of reporting them: a later stage decodes
	// them into a section's own type.
	Rest *[]Field
	// AlsoKnown names fields that a later stage accepts, so suggestions for a
	// misspelt field consider them too.
	AlsoKnown []string
}

var (
	timeType = reflect.TypeFor[time.Time]()
	nodeType = reflect.TypeFor[*Node]()
)

// Into fills the struct that ptr points to from n, by the `fm:"name"` tags of
// its fields (",required" marks a field that must be present; an embedded
// struct's fields count as the outer struct's own). A field of type *Node
// receives the raw subtree. Every problem found is returned; fields that
// decoded cleanly keep their values.
func Into(n *Node, ptr any, file string, opts Options) diag.List {
	d := decoder{file: file, opts: opts}
	if n.Kind == Null { // a document of only ~ or null says nothing: required fields are missing
		n = &Node{Kind: Map, Line: n.Line, Col: n.Col}
	}
	d.value(n, reflect.ValueOf(ptr).Elem(), "", true)
	return d.errs
}

type decoder struct {
	file string
	opts Options
	errs diag.List
}

func (d *decoder) errorf(line, col int, format string, args ...any) *diag.Error {
	return d.errs.Add(diag.Pos{File: d.file, Line: line, Col: col}, format, args...)
}

func label(path string) string {
	if path == "" {
		return "front matter"
	}
	return "field " + path
}

func (d *decoder) wrongKind(n *Node, path, want string) {
	e := d.errorf(n.Line, n.Col, "%s must be %s, not %s", label(path), want, n.Kind)
	e.Code = diag.CodeWrongType
	if want == "text" && (n.Kind == Float || n.Kind == Int || n.Kind == Bool || n.Kind == Time) {
		e.Hint = "put the value in quotes"
	}
	if strings.HasPrefix(want, "a list") && n.Kind != Map {
		e.Hint = "write it as a list: [value]"
	}
}

func (d *decoder) value(n *Node, v reflect.Value, path string, top bool) {
	if v.Type() == nodeType {
		v.Set(reflect.ValueOf(n))
		return
	}
	if n.Kind == Null {
		v.SetZero()
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, v.Elem(), path, top)
	case reflect.Struct:
		if v.Type() == timeType {
			d.time(n, v, path)
			return
		}
		d.structure(n, v, path, top)
	case reflect.String:
		if n.Kind != String {
			d.wrongKind(n, path, "text")
			return
		}
		v.SetString(n.Str)
	case reflect.Bool:
		if n.Kind != Bool {
			d.wrongKind(n, path, "true or false")
			return
		}
		v.SetBool(n.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.Kind != Int {
			d.wrongKind(n, path, "a whole number")
			return
		}
		if v.OverflowInt(n.Int()) {
			d.errorf(n.Line, n.Col, "%s: %d is too large", label(path), n.Int())
			return
		}
		v.SetInt(n.Int())
	case reflect.Float32, reflect.Float64:
		switch n.Kind {
		case Int:
			v.SetFloat(float64(n.Int()))
		case Float:
			v.SetFloat(n.Float())
		default:
			d.wrongKind(n, path, "a number")
		}
	case reflect.Slice:
		if n.Kind != List {
			d.wrongKind(n, path, "a list of "+elemName(v.Type().Elem()))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Items), len(n.Items))
		for i, item := range n.Items {
			d.value(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i), false)
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != Map {
			d.wrongKind(n, path, "a table of fields")
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Fields))
		for _, f := range n.Fields {
			elem := reflect.New(v.Type().Elem()).Elem()
			d.value(f.Value, elem, join(path, f.Key), false)
			m.SetMapIndex(reflect.ValueOf(f.Key).Convert(v.Type().Key()), elem)
		}
		v.Set(m)
	default:
		panic(fmt.Sprintf("decode: unsupported field type %s", v.Type()))
	}
}

func elemName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Struct, reflect.Pointer, reflect.Map:
		return "tables"
	}
	return "values"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (d *decoder) time(n *Node, v reflect.Value, path string) {
	switch n.Kind {
	case Time:
		v.Set(reflect.ValueOf(n.Time()))
	case String:
		t, err := time.Parse(time.DateOnly, n.Str)
		if err != nil {
			msg, hint := dateProblem(n.Str)
			e := d.errorf(n.Line, n.Col, "%s: %s", label(path), msg)
			e.Hint, e.Code = hint, diag.CodeBadDate
			return
		}
		v.Set(reflect.ValueOf(t))
	default:
		d.wrongKind(n, path, "a date (YYYY-MM-DD)")
	}
}

// structField is a tagged field of a struct, found through embedded structs.
type structField struct {
	name     string
	index    []int
	required bool
}

func fieldsOf(t reflect.Type) []structField {
	var out []structField
	for i := range t.NumField() {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("fm")
		if f.Anonymous && !ok {
			for _, inner := range fieldsOf(f.Type) {
				inner.index = append([]int{i}, inner.index...)
				out = append(out, inner)
			}
			continue
		}
		if !ok || tag == "-" {
			continue
		}
		name, opt, _ := strings.Cut(tag, ",")
		out = append(out, structField{name: name, index: []int{i}, required: opt == "required"})
	}
	return out
}

func (d *decoder) structure(n *Node, v reflect.Value, path string, top bool) {
	if n.Kind != Map {
		d.wrongKind(n, path, "a table of fields")
		return
	}
	fields := fieldsOf(v.Type())
	seen := map[string]bool{}
	for _, f := range n.Fields {
		i := slices.IndexFunc(fields, func(sf structField) bool { return sf.name == f.Key })
		if i < 0 {
			if top && d.opts.Rest != nil {
				*d.opts.Rest = append(*d.opts.Rest, f)
				continue
			}
			d.unknown(f, fields, path, top)
			continue
		}
		seen[f.Key] = true
		if fields[i].required && empty(f.Value) {
			d.errorf(f.Line, f.Col, "field %q is required but empty", join(path, f.Key)).Hint = "give it a value"
			continue
		}
		d.value(f.Value, v.FieldByIndex(fields[i].index), join(path, f.Key), false)
	}
	for _, sf := range fields {
		if sf.required && !seen[sf.name] {
			d.errorf(n.Line, n.Col, "%s: required field %q is missing", label(path), join(path, sf.name)).Code = diag.CodeMissingField
		}
	}
}

// empty reports whether n says nothing: null (title: or title: ~), blank
// text, or an empty list or table.
func empty(n *Node) bool {
	switch n.Kind {
	case Null:
		return true
	case String:
		return strings.TrimSpace(n.Str) == ""
	case List:
		return len(n.Items) == 0
	case Map:
		return len(n.Fields) == 0
	}
	return false
}

func (d *decoder) unknown(f Field, fields []structField, path string, top bool) {
	var names []string
	for _, sf := range fields {
		names = append(names, sf.name)
	}
	if top {
		names = append(names, d.opts.AlsoKnown...)
	}
	slices.Sort(names)
	e := d.errorf(f.Line, f.Col, "unknown field %q", join(path, f.Key))
	e.Code = diag.CodeUnknownField
	if s := diag.Suggest(f.Key, names); s != "" {
		e.Hint = fmt.Sprintf("did you mean %q?", s)
	} else {
		e.Hint = "known fields: " + strings.Join(names, ", ")
	}
}
