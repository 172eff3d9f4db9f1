package render

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
	"reflect"
	"slices"
	"time"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// sum hashes v, a view, by a deterministic walk over every exported field
// it reaches, through pointers, slices, maps and interfaces: a field is in
// the hash because it is in the view, so no list of what a template shows
// is kept by hand. Fields tagged key:"global" (inputs of every page,
// hashed once for the whole build) and key:"body" (the page's Markdown,
// hashed as its source) are left to the page key. A view must hold values
// only: a function, a channel or a page of the model in it panics.
func (vh *viewHasher) sum(v any) (sum [sha256.Size]byte) {
	w := viewWalk{h: sha256.New(), vh: vh}
	w.value(reflect.ValueOf(v))
	w.h.Sum(sum[:0])
	return sum
}

type viewWalk struct {
	h   hash.Hash
	vh  *viewHasher
	buf [binary.MaxVarintLen64 + 1]byte
}

var (
	timeType      = reflect.TypeFor[time.Time]()
	modelPageType = reflect.TypeFor[site.Page]()
)

// The tags that start each kind of value, so that values of different
// shapes never hash alike.
const (
	tagInvalid byte = iota
	tagBool
	tagInt
	tagUint
	tagFloat
	tagString
	tagNil
	tagPointer
	tagInterface
	tagList
	tagMap
	tagTime
	tagStruct
)

func (w *viewWalk) tag(t byte) { w.h.Write([]byte{t}) }

func (w *viewWalk) int(t byte, n int64) {
	w.buf[0] = t
	w.h.Write(binary.AppendVarint(w.buf[:1], n))
}

func (w *viewWalk) str(s string) {
	w.int(tagString, int64(len(s)))
	w.h.Write([]byte(s))
}

func (w *viewWalk) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		w.tag(tagInvalid)
	case reflect.Bool:
		n := int64(0)
		if v.Bool() {
			n = 1
		}
		w.int(tagBool, n)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.int(tagInt, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.int(tagUint, int64(v.Uint()))
	case reflect.Float32, reflect.Float64:
		w.int(tagFloat, int64(math.Float64bits(v.Float())))
	case reflect.String:
		w.str(v.String())
	case reflect.Pointer:
		if v.IsNil() {
			w.tag(tagNil)
			return
		}
		sum := w.vh.pointer(v)
		w.tag(tagPointer)
		w.h.Write(sum[:])
	case reflect.Interface:
		if v.IsNil() {
			w.tag(tagNil)
			return
		}
		w.tag(tagInterface)
		w.str(v.Elem().Type().String())
		w.value(v.Elem())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			w.tag(tagNil)
			return
		}
		w.int(tagList, int64(v.Len()))
		for i := range v.Len() {
			w.value(v.Index(i))
		}
	case reflect.Map:
		w.mapValue(v)
	case reflect.Struct:
		w.structValue(v)
	default:
		panic("render: a view holds a " + v.Type().String() + ", which has no value to hash")
	}
}

func (w *viewWalk) structValue(v reflect.Value) {
	t := v.Type()
	if t == timeType {
		b, _ := v.Interface().(time.Time).MarshalBinary()
		w.int(tagTime, int64(len(b)))
		w.h.Write(b)
		return
	}
	if t == modelPageType {
		panic("render: a view holds a page of the model; give it a Ref")
	}
	w.int(tagStruct, int64(t.NumField()))
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Tag.Get("key") != "" {
			continue
		}
		w.int(tagStruct, int64(i))
		w.value(v.Field(i))
	}
}

// mapValue hashes a map's entries in an order that does not depend on the
// map's: each entry is hashed alone, and the entries' hashes sorted.
func (w *viewWalk) mapValue(v reflect.Value) {
	if v.IsNil() {
		w.tag(tagNil)
		return
	}
	entries := make([][sha256.Size]byte, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		e := viewWalk{h: sha256.New(), vh: w.vh}
		e.value(it.Key())
		e.value(it.Value())
		var sum [sha256.Size]byte
		e.h.Sum(sum[:0])
		entries = append(entries, sum)
	}
	slices.SortFunc(entries, func(a, b [sha256.Size]byte) int { return cmp.Compare(string(a[:]), string(b[:])) })
	w.int(tagMap, int64(len(entries)))
	for _, e := range entries {
		w.h.Write(e[:])
	}
}

// sharedViews are the types of the values that many pages' views point
// to, whose hashes are kept for the build; a value of another type is
// hashed where it is met (the same either way: this is for speed).
var sharedViews = map[reflect.Type]bool{
	reflect.TypeFor[Ref]():               true,
	reflect.TypeFor[IndexView]():         true,
	reflect.TypeFor[FacetView]():         true,
	reflect.TypeFor[FacetValueView]():    true,
	reflect.TypeFor[schema.Term]():       true,
	reflect.TypeFor[schema.Practice]():   true,
	reflect.TypeFor[schema.Commitment](): true,
	reflect.TypeFor[config.Language]():   true,
}

// pointer returns the hash of what p points to; that of a shared view is
// made once per build.
func (vh *viewHasher) pointer(p reflect.Value) (sum [sha256.Size]byte) {
	shared := sharedViews[p.Type().Elem()]
	var key any
	if shared {
		key = p.Interface()
		if sum, ok := vh.memo.Load(key); ok {
			return sum.([sha256.Size]byte)
		}
	}
	w := viewWalk{h: sha256.New(), vh: vh}
	w.value(p.Elem())
	w.h.Sum(sum[:0])
	if shared {
		vh.memo.Store(key, sum)
	}
	return sum
}
