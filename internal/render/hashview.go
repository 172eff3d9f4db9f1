package render

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
	"reflect"
	"slices"
	"sync"
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
func (vh *viewHasher) sum(v any) [sha256.Size]byte {
	spare, _ := vh.spares.Get().(*[][]byte)
	if spare == nil {
		spare = new([][]byte)
	}
	w := (&viewWalk{vh: vh, spare: spare}).nested()
	w.value(reflect.ValueOf(v))
	sum := w.sum()
	w.done()
	vh.spares.Put(spare)
	return sum
}

// viewWalk hashes one value: it gathers what it hashes in b and hands it
// to the hash in large writes. The walks of one view, one inside another
// for each pointer and map entry, take their buffers from spare and give
// them back when done, so that the buffers are made once and not grown
// again for every value.
type viewWalk struct {
	h     hash.Hash
	vh    *viewHasher
	b     []byte
	spare *[][]byte
}

// nested returns a walk for a value inside w's, with a spare buffer.
func (w *viewWalk) nested() viewWalk {
	e := viewWalk{vh: w.vh, spare: w.spare}
	if n := len(*w.spare); n > 0 {
		e.b = (*w.spare)[n-1][:0]
		*w.spare = (*w.spare)[:n-1]
	} else {
		e.b = make([]byte, 0, walkBuffer)
	}
	return e
}

// walkBuffer is the size a walk's buffer starts at: most walks hash less.
const walkBuffer = 1024

// done gives w's buffer back for the next walk; w is not used after.
func (w *viewWalk) done() {
	if w.b != nil {
		*w.spare = append(*w.spare, w.b)
		w.b = nil
	}
}

func (w *viewWalk) flush() {
	if w.h == nil {
		w.h = sha256.New()
	}
	w.h.Write(w.b)
	w.b = w.b[:0]
}

func (w *viewWalk) sum() (sum [sha256.Size]byte) {
	if w.h == nil && len(w.b) < 1024 {
		return sha256.Sum256(w.b)
	}
	w.flush()
	w.h.Sum(sum[:0])
	return sum
}

func (w *viewWalk) write(b []byte) {
	w.b = append(w.b, b...)
	if len(w.b) > 4096 {
		w.flush()
	}
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

func (w *viewWalk) tag(t byte) { w.b = append(w.b, t) }

func (w *viewWalk) int(t byte, n int64) {
	w.b = binary.AppendVarint(append(w.b, t), n)
}

func (w *viewWalk) str(s string) {
	w.int(tagString, int64(len(s)))
	w.b = append(w.b, s...)
	if len(w.b) > 4096 {
		w.flush()
	}
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
		sum := w.pointer(v)
		w.tag(tagPointer)
		w.write(sum[:])
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
		tm := v.Interface().(time.Time)
		_, offset := tm.Zone()
		w.int(tagTime, tm.Unix())
		w.int(tagTime, int64(tm.Nanosecond()))
		w.int(tagTime, int64(offset))
		return
	}
	if t == modelPageType {
		panic("render: a view holds a page of the model; give it a Ref")
	}
	fields := hashedFields(t)
	w.int(tagStruct, int64(t.NumField()))
	for _, i := range fields {
		w.int(tagStruct, int64(i))
		w.value(v.Field(i))
	}
}

// fieldPlans holds, by struct type, the fields a view's hash walks.
var fieldPlans sync.Map // reflect.Type -> []int

// hashedFields returns the indexes of t's exported fields without a key
// tag.
func hashedFields(t reflect.Type) []int {
	if plan, ok := fieldPlans.Load(t); ok {
		return plan.([]int)
	}
	var plan []int
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() && f.Tag.Get("key") == "" {
			plan = append(plan, i)
		}
	}
	fieldPlans.Store(t, plan)
	return plan
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
		e := w.nested()
		e.value(it.Key())
		e.value(it.Value())
		entries = append(entries, e.sum())
		e.done()
	}
	slices.SortFunc(entries, func(a, b [sha256.Size]byte) int { return cmp.Compare(string(a[:]), string(b[:])) })
	w.int(tagMap, int64(len(entries)))
	for _, e := range entries {
		w.write(e[:])
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
	reflect.TypeFor[ListingRef]():        true,
	reflect.TypeFor[FacetRef]():          true,
	reflect.TypeFor[FacetValueRef]():     true,
	reflect.TypeFor[schema.Term]():       true,
	reflect.TypeFor[schema.Practice]():   true,
	reflect.TypeFor[schema.Commitment](): true,
	reflect.TypeFor[config.Language]():   true,
}

// pointer returns the hash of what p points to; that of a shared view is
// made once per build.
func (w *viewWalk) pointer(p reflect.Value) (sum [sha256.Size]byte) {
	vh := w.vh
	shared := sharedViews[p.Type().Elem()]
	var key any
	if shared {
		key = p.Interface()
		if sum, ok := vh.memo.Load(key); ok {
			return sum.([sha256.Size]byte)
		}
	}
	e := w.nested()
	e.value(p.Elem())
	sum = e.sum()
	e.done()
	if shared {
		vh.memo.Store(key, sum)
	}
	return sum
}
