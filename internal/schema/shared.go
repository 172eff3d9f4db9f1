package schema

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// checkSharedFields reports a translation whose field tagged lang:"shared"
// (a fact, not a text) says something else than the same field of the
// page's first language version, at the translation's field, naming both
// files. Each field is written in every language's file, so each file is
// complete on its own for an editor (and for the CMS); the build makes
// sure they agree. A practice's id is left to checkPracticeIDs, which
// names both ids. The relations of a page are rels[page].
func checkSharedFields(pages []*site.Page, rels map[*site.Page]*Relations, ds declarations) diag.List {
	var errs diag.List
	for _, p := range pages {
		first := p.Translations()[0]
		if first == p || p.Fields == nil || first.Fields == nil || reflect.TypeOf(first.Fields) != reflect.TypeOf(p.Fields) {
			continue // a translation of another type is reported by site.New
		}
		d := ds.of(p.Type, p.Fields)
		for _, f := range d.shared {
			if f.Name == "id" && PracticeOf(p) != nil {
				continue
			}
			if d.sameInOrder(p, rels[p], first, rels[first], f) {
				continue // the same values in the same order: the same set
			}
			mine, ok := d.sharedValue(p, rels[p], f)
			theirs, ok2 := d.sharedValue(first, rels[first], f)
			if !ok || !ok2 || mine == theirs {
				continue
			}
			show := func(v string) string {
				if v == "" || v == "0" {
					return "nothing"
				}
				return v
			}
			e := errs.Add(p.FieldPos(f.Name), "%s is %s here but %s in %s", f.Name, show(mine), show(theirs), first.File.Path)
			e.Hint = f.Name + " states a fact, the same in every language: make the two files agree"
			e.Code = diag.CodeTranslationsDisagree
		}
	}
	return errs
}

// sharedValue returns shared field f of p, whose relations are r, as a
// comparable string, or false where it is not to be compared: a
// vocabulary field with an unknown term, or a relation field with a value
// that named no page (both reported already), so that one mistake gives
// one error. A vocabulary field is its term ids and a relation field its
// pages' content keys, each as a sorted set.
func (d *declared) sharedValue(p *site.Page, r *Relations, f Field) (string, bool) {
	switch {
	case f.Relation != "":
		if r == nil {
			return "", false
		}
		pages := r.Related[f.Name]
		if len(pages) != len(writtenValues(p.Fields, f)) {
			return "", false
		}
		keys := make([]string, len(pages))
		for i, t := range pages {
			keys[i] = t.SourceKey()
		}
		return sortedSet(keys), true
	case f.Vocab != "":
		if index, ok := termIndex(d.terms, f.Name); ok {
			return termSet(reflect.ValueOf(p.Fields).Elem().FieldByIndex(index))
		}
		return sortedSet(writtenValues(p.Fields, f)), true
	}
	return factString(reflect.ValueOf(p.Fields).Elem().FieldByIndex(f.Index)), true
}

// sameInOrder reports whether shared field f holds the same values in p
// (whose relations are r) and in q (rq), in the same order. Then their
// sharedValue sets are equal too, and need not be made: it is the check's
// common case. False says nothing: the sets may still be equal.
func (d *declared) sameInOrder(p *site.Page, r *Relations, q *site.Page, rq *Relations, f Field) bool {
	switch {
	case f.Relation != "":
		if r == nil || rq == nil {
			return false
		}
		a, b := r.Related[f.Name], rq.Related[f.Name]
		return slices.EqualFunc(a, b, func(x, y *site.Page) bool { return x.Dir == y.Dir && x.Name == y.Name })
	case f.Vocab != "":
		if index, ok := termIndex(d.terms, f.Name); ok {
			var bufA, bufB [8]string
			a, _ := appendTermIDs(bufA[:0], reflect.ValueOf(p.Fields).Elem().FieldByIndex(index))
			b, _ := appendTermIDs(bufB[:0], reflect.ValueOf(q.Fields).Elem().FieldByIndex(index))
			return slices.Equal(a, b)
		}
		return slices.Equal(writtenValues(p.Fields, f), writtenValues(q.Fields, f))
	}
	a, b := reflect.ValueOf(p.Fields).Elem().FieldByIndex(f.Index), reflect.ValueOf(q.Fields).Elem().FieldByIndex(f.Index)
	return a.Comparable() && a.Equal(b)
}

// termSet returns the ids of a *Term or []*Term as a sorted set, or false
// when one of them is unknown.
func termSet(v reflect.Value) (string, bool) {
	var buf [8]string
	ids, known := appendTermIDs(buf[:0], v)
	if !known {
		return "", false
	}
	return sortedSet(ids), true
}

// factString writes a field's value as a message shows it: a date as
// 2006-01-02, a list in its order; "" or "0" when empty.
func factString(v reflect.Value) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Slice:
		items := make([]string, v.Len())
		for i := range v.Len() {
			items[i] = factString(v.Index(i))
		}
		return strings.Join(items, ", ")
	}
	if t, ok := v.Interface().(time.Time); ok {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	return fmt.Sprint(v.Interface())
}

// sortedSet joins values sorted and without duplicates, copying them
// only when they are not so already (they may be decoded fields, which
// are never written to).
func sortedSet(values []string) string {
	for i := 1; i < len(values); i++ {
		if values[i-1] >= values[i] {
			v := slices.Clone(values)
			slices.Sort(v)
			values = slices.Compact(v)
			break
		}
	}
	return strings.Join(values, ", ")
}
