package cms

import (
	"fmt"
	"reflect"
	"strings"
	"time"
)

// A schemaField is one front-matter field of a content type, read from
// its struct's fm tag: the name, whether the build requires it, its Go
// type and, for objects and lists of objects, its own fields.
type schemaField struct {
	Name     string
	Required bool
	Type     reflect.Type
	Fields   []schemaField
}

var timeType = reflect.TypeFor[time.Time]()

// fieldsOf lists the fm-tagged fields of the struct types, in order. The
// fields without a tag (such as resolved vocabulary terms) are not front
// matter and are left out.
func fieldsOf(types ...reflect.Type) []schemaField {
	var out []schemaField
	for _, t := range types {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		for i := range t.NumField() {
			sf := t.Field(i)
			tag, ok := sf.Tag.Lookup("fm")
			if !ok {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			f := schemaField{Name: name, Required: strings.Contains(","+opts+",", ",required,"), Type: sf.Type}
			if elem := structElem(sf.Type); elem != nil {
				f.Fields = fieldsOf(elem)
			}
			out = append(out, f)
		}
	}
	return out
}

// structElem returns the struct type a field holds (itself, through a
// pointer, or as the element of a slice), or nil; time.Time is a value.
func structElem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct && t != timeType {
		return t
	}
	return nil
}

// kind names how a field's Go type is edited.
type kind int

const (
	kindString kind = iota
	kindStrings
	kindInt
	kindBool
	kindDate
	kindObject
	kindObjects
)

func kindOf(t reflect.Type) (kind, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == timeType:
		return kindDate, nil
	case t.Kind() == reflect.String:
		return kindString, nil
	case t.Kind() == reflect.Bool:
		return kindBool, nil
	case t.Kind() == reflect.Int:
		return kindInt, nil
	case t.Kind() == reflect.Struct:
		return kindObject, nil
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return kindStrings, nil
	case t.Kind() == reflect.Slice && structElem(t) != nil:
		return kindObjects, nil
	}
	return 0, fmt.Errorf("no CMS widget for Go type %s", t)
}
