package cms

import (
	"fmt"
	"reflect"
	"time"

	"github.com/opengov-fi/opengov/internal/schema"
)

// fieldsOf lists the front-matter fields of the struct types, in order.
// The fields without an fm tag (such as resolved vocabulary terms) are
// not front matter and are left out.
func fieldsOf(types ...reflect.Type) []schema.Field {
	var out []schema.Field
	for _, t := range types {
		out = append(out, schema.FieldsOf(t)...)
	}
	return out
}

var timeType = reflect.TypeFor[time.Time]()

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
	case t.Kind() == reflect.Slice && schema.StructElem(t) != nil:
		return kindObjects, nil
	}
	return 0, fmt.Errorf("no CMS widget for Go type %s", t)
}
