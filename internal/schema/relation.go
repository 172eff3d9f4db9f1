package schema

import (
	"fmt"
	"path"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// Relations are the pages a typed page is related to by the fields its
// type tags relation:"<type>": those its own fields name, and those whose
// fields name it. Relate makes them new in every build, beside the
// decoded fields.
type Relations struct {
	// Related are the pages each relation field names, by the field's
	// name, in the order written: each in the page's language where it
	// exists, else in the first language that has it. A value that names
	// no page of the field's type is reported, and left out.
	Related map[string][]*site.Page
	// NamedBy are the pages whose relation field names this page, by
	// their type and field ("practice.related_commitments"), as the first
	// language version of each names it: one page a translation group, in
	// this page's language where it exists, ordered by title.
	NamedBy map[string][]*site.Page
}

func (r *Relations) relations() *Relations { return r }

// related is the Params of a page that can take part in relations.
type related interface{ relations() *Relations }

// relationsOf returns the relations of p, or nil for a page that takes
// part in none.
func relationsOf(p *site.Page) *Relations {
	if r, ok := p.Params.(related); ok {
		return r.relations()
	}
	return nil
}

// Entry is the Params of a page of a declared type that has no Params of
// its own (as a practice and a commitment have) and takes part in a
// relation: its type declares a relation field or is named by one.
type Entry struct {
	Fields any // the decoded front matter, as site.Page.Fields
	Relations
}

// declared is what Relate reads of a type's front-matter struct: its
// fields tagged lang:"shared" and relation:"...", and its term fields.
type declared struct {
	shared, relations []Field
	namedBy           []string // of each relation field: "type.field", its key in NamedBy
	terms             []termField
}

// declarations reads each type's struct once in a build, by type name.
// relationTypes reads every type with front matter, before the passes
// that read it from several goroutines.
type declarations map[string]*declared

// of returns the declaration of type typ; fields is the decoded front
// matter of one of its pages (a pointer to its struct).
func (ds declarations) of(typ string, fields any) *declared {
	if d := ds[typ]; d != nil {
		return d
	}
	t := reflect.TypeOf(fields).Elem()
	d := &declared{terms: termFieldsOf(t)}
	for _, f := range FieldsOf(t) {
		if f.Shared {
			d.shared = append(d.shared, f)
		}
		if f.Relation != "" {
			d.relations = append(d.relations, f)
			d.namedBy = append(d.namedBy, typ+"."+f.Name)
		}
	}
	ds[typ] = d
	return d
}

// relationTypes returns the types that take part in a relation: those
// that declare a relation field and those a relation field names.
func (ds declarations) relationTypes(s *site.Site) map[string]bool {
	in := map[string]bool{}
	for _, p := range s.Pages {
		if p.Fields == nil {
			continue
		}
		for _, f := range ds.of(p.Type, p.Fields).relations {
			in[p.Type], in[f.Relation] = true, true
		}
	}
	return in
}

// writtenValues returns the values of a string or []string field of
// decoded front matter.
func writtenValues(fields any, f Field) []string {
	// Through a pointer, as boxing a slice would allocate.
	switch v := reflect.ValueOf(fields).Elem().FieldByIndex(f.Index).Addr().Interface().(type) {
	case *[]string:
		return *v
	case *string:
		if *v != "" {
			return []string{*v}
		}
	}
	return nil
}

// namedKey identifies the pages a relation field of one type names one
// page by: its content key and type, and the naming "type.field".
type namedKey struct{ source, typ, by string }

// relateFields resolves every value of every relation field: as a body
// link is, relative to its file, or as a content path (relationKey), to a
// page of the field's type in any language. It fills the Relations of
// both ends, and reports a value that names no such page at the value.
func relateFields(s *site.Site, ds declarations) diag.List {
	pages := s.Pages
	// A naming is one relation value of a first language version: the
	// page at index page names target.
	type naming struct {
		page int
		key  namedKey
		typ  string // the named type
	}
	namings := make([][]naming, chunks(len(pages)))
	// The values are resolved in chunks at once: each writes only its
	// pages' Related. ds has every type already (relationTypes).
	errs := inChunks(len(pages), func(chunk, lo, hi int) diag.List {
		var errs diag.List
		keys := map[string][]string{} // by type: its pages' content keys, listed when a value does not resolve
		for i := lo; i < hi; i++ {
			p := pages[i]
			r := relationsOf(p)
			if r == nil || p.Fields == nil {
				continue
			}
			d := ds.of(p.Type, p.Fields)
			for fi, f := range d.relations {
				for vi, written := range writtenValues(p.Fields, f) {
					key := relationKey(p.Dir, written)
					target := findInAnyLanguage(s, key, p.Lang)
					if target == nil || target.Type != f.Relation || target.Fields == nil {
						if keys[f.Relation] == nil {
							keys[f.Relation] = pageKeys(s, f.Relation)
						}
						brokenRelation(&errs, p, f, vi, written, key, keys[f.Relation])
						continue
					}
					if r.Related == nil {
						r.Related = make(map[string][]*site.Page, len(d.relations))
					}
					r.Related[f.Name] = append(r.Related[f.Name], target)
					if p.Translations()[0] == p {
						namings[chunk] = append(namings[chunk], naming{i, namedKey{target.SourceKey(), target.Type, d.namedBy[fi]}, f.Relation})
					}
				}
			}
		}
		return errs
	})
	named := map[namedKey][]*site.Page{} // first language versions, in site order
	byOf := map[string][]string{}        // by named type: the "type.field" names that name its pages
	for _, ns := range namings {         // the chunks in order: the pages in site order
		for _, n := range ns {
			if !slices.Contains(byOf[n.typ], n.key.by) {
				byOf[n.typ] = append(byOf[n.typ], n.key.by)
			}
			named[n.key] = append(named[n.key], pages[n.page])
		}
	}
	// Each page's NamedBy, in chunks at once: each writes only its pages'.
	inChunks(len(pages), func(_, lo, hi int) diag.List {
		for _, c := range pages[lo:hi] {
			r := relationsOf(c)
			if r == nil || c.Fields == nil || byOf[c.Type] == nil {
				continue
			}
			source := c.SourceKey()
			for _, by := range byOf[c.Type] {
				namers := named[namedKey{source, c.Type, by}]
				if namers == nil {
					continue
				}
				shown := make([]*site.Page, len(namers))
				for i, p := range namers {
					if t := p.Translation(c.Lang); t != nil {
						p = t
					}
					shown[i] = p
				}
				sortByTitle(shown)
				if r.NamedBy == nil {
					r.NamedBy = make(map[string][]*site.Page, len(byOf[c.Type]))
				}
				r.NamedBy[by] = shown
			}
		}
		return nil
	})
	return errs
}

// chunks is how many chunks inChunks splits n items into: one for each
// processor, and none empty.
func chunks(n int) int { return max(1, min(n, runtime.GOMAXPROCS(0))) }

// inChunks runs pass on each of chunks(n) contiguous ranges [lo, hi) of n
// items at once, with the chunk's number, and returns their errors, chunk
// after chunk. pass must write nothing another chunk reads.
func inChunks(n int, pass func(chunk, lo, hi int) diag.List) diag.List {
	k := chunks(n)
	errs := make([]diag.List, k)
	var wg sync.WaitGroup
	for c := range k {
		wg.Go(func() { errs[c] = pass(c, c*n/k, (c+1)*n/k) })
	}
	wg.Wait()
	return slices.Concat(errs...)
}

// brokenRelation reports value i of relation field f of p, which names
// no page of the field's type, with the nearest of keys, the content keys
// of that type's pages, as a suggestion.
func brokenRelation(errs *diag.List, p *site.Page, f Field, i int, written, key string, keys []string) {
	pos := p.FieldPos(f.Name)
	if n := p.Meta.Get(f.Name); n != nil && i < len(n.Items) {
		pos.Line, pos.Col = n.Items[i].Line, n.Items[i].Col
	}
	noun := f.Name // a list's item is named in the singular: related_commitments → related commitment
	if f.IsList() {
		noun = strings.TrimSuffix(noun, "s")
	}
	noun = strings.ReplaceAll(noun, "_", " ")
	a := "a"
	if strings.ContainsAny(f.Relation[:1], "aeiou") {
		a = "an"
	}
	e := errs.Add(pos, "%s %q is not %s %s page", noun, written, a, f.Relation)
	e.Code = diag.CodeBrokenLink
	switch near := diag.Suggest(key, keys); {
	case near != "":
		e.Hint = fmt.Sprintf("did you mean %s (or %s)?", site.RelativeLink(p.Dir, near), near)
	case len(keys) > 0:
		e.Hint = fmt.Sprintf("write the %s's Markdown file as a body link does, e.g. %s, or its content path, %s", f.Relation, site.RelativeLink(p.Dir, keys[0]), keys[0])
	default:
		e.Hint = fmt.Sprintf("the site has no %s pages", f.Relation)
	}
}

// relationKey is the content key named by a relation field's value
// written in a file in the content folder dir: either as a body link is,
// relative to the file ("../commitments/2023-2027/measure-1-1.md"), or as
// a content path ("commitments/2023-2027/measure-1-1", ".md" optional).
func relationKey(dir, written string) string {
	key := strings.TrimSpace(written)
	if strings.HasPrefix(key, "./") || strings.HasPrefix(key, "../") {
		key = path.Join(dir, key)
	}
	return strings.TrimSuffix(strings.Trim(key, "/"), ".md")
}

// pageKeys lists the content keys of the pages of type typ, each once.
func pageKeys(s *site.Site, typ string) []string {
	var keys []string
	seen := map[string]bool{}
	for _, p := range s.Pages {
		if p.Type == typ && p.Fields != nil && !seen[p.SourceKey()] {
			seen[p.SourceKey()] = true
			keys = append(keys, p.SourceKey())
		}
	}
	return keys
}
