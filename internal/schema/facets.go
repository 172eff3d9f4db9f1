package schema

import (
	"cmp"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// Years is the facet of the year a practice was launched; its values come
// from the practices, not from a vocabulary.
const Years = "years"

// Index is a practices section as one language lists it. It is the
// section page's Params.
type Index struct {
	Section   *site.Page
	Practices []*site.Page // every practice: in this language where it exists, else in its own; newest first
	Facets    []*Facet
	Paging    *Paging // the section page's share of Practices, the first page of the listing
}

// Listing returns the index itself; templates ask a section page and a
// facet page for it the same way.
func (idx *Index) Listing() *Index { return idx }

// Facet is one way to filter the practices, such as by theme.
type Facet struct {
	Vocabulary string // "themes", "years"
	Name       *Term  // the facet's own name: "Teemat", "Themes"
	Values     []*FacetValue
	Page       *site.Page // the facet's index page in this language
}

// FacetValue is one value of a facet with the practices that have it.
type FacetValue struct {
	Term      *Term
	Practices []*site.Page
	Page      *site.Page
}

// FacetPage is the Params of a generated facet page: a facet's index page
// (Value is nil) or one value's page.
type FacetPage struct {
	Index *Index
	Facet *Facet
	Value *FacetValue
	// Paging is a value page's share of Value.Practices: each page of the
	// value's list has a FacetPage of its own. Nil on a facet's index page.
	Paging *Paging
}

// Listing returns the index of the section the facet page belongs to.
func (fp *FacetPage) Listing() *Index { return fp.Index }

// Home is the Params of a home page: the newest practices of its
// language, and the listing they lead to.
type Home struct {
	Newest []*site.Page
	Index  *Index // nil when the language has no practices section
}

// Declaration is the Params of a page with layout "declaration": the
// declaration's principles, each with the practices tagged with it. The
// page shows the first Preview of each principle's practices and links
// to the principle's facet page for the rest.
type Declaration struct {
	Principles []*FacetValue
}

// Preview returns the first few practices of the value, as many as a
// page that links to the value's own page shows.
func (fv *FacetValue) Preview() []*site.Page {
	return fv.Practices[:min(PreviewCount, len(fv.Practices))]
}

// NewestOnHome is how many practices a home page shows.
const NewestOnHome = 3

// PreviewCount is how many practices the declaration page shows under
// each principle.
const PreviewCount = 3

// DeclarationLayout is the layout that asks for the principles.
const DeclarationLayout = "declaration"

// Facets builds the listing and facets of every practices section in every
// language, adds the facet pages to the site, and fills the Params of the
// home pages and the declaration page. It splits every list of practices
// (listings, facet values, the practices naming a commitment) into pages
// of site.toml's paginate entries and adds the later pages, titled by
// title (nil: "Title (2/9)").
func Facets(s *site.Site, v *Vocabularies, title TitleFunc) diag.List {
	var errs diag.List
	var gen []site.Generated
	indexes := map[string]*Index{} // by language; the first practices section
	for dir, sec := range s.Config.Sections {
		if sec.Type != PracticeType {
			continue
		}
		practices := practicesBelow(s, dir)
		// Each language's listing and facets read the pages and write only
		// their own Index, so the languages are built side by side.
		langs := s.Config.Languages
		built := make([]*Index, len(langs))
		gens := make([][]site.Generated, len(langs))
		var wg sync.WaitGroup
		for i, l := range langs {
			section := s.BySource(dir+"/"+content.IndexName, l.Code)
			if section == nil {
				continue
			}
			wg.Go(func() {
				built[i] = &Index{Section: section, Practices: listing(practices, l.Code)}
				gens[i] = built[i].build(v, l.Code)
			})
		}
		wg.Wait()
		for i, l := range langs {
			idx := built[i]
			if idx == nil {
				continue
			}
			idx.Section.Params = idx
			if prev := indexes[l.Code]; prev == nil || dir < prev.Section.Dir {
				indexes[l.Code] = idx
			}
			gen = append(gen, gens[i]...)
		}
	}
	errs = append(errs, s.AddGenerated(gen)...)
	// AddGenerated made the pages; point the facets at them.
	for _, p := range s.Pages {
		fp, ok := p.Params.(*FacetPage)
		if !ok {
			continue
		}
		if fp.Value != nil {
			fp.Value.Page = p
		} else {
			fp.Facet.Page = p
		}
	}
	errs = append(errs, paginate(s, title)...)
	for lang, home := range s.Home {
		h := &Home{}
		if idx := indexes[lang]; idx != nil {
			h.Newest = idx.Practices[:min(NewestOnHome, len(idx.Practices))]
			h.Index = idx
		}
		home.Params = h
	}
	for _, p := range s.Pages {
		if p.Front.Layout != DeclarationLayout {
			continue
		}
		d := &Declaration{}
		if idx := indexes[p.Lang]; idx != nil {
			d.Principles = idx.facet(Principles).Values
		} else {
			errs.Add(p.FieldPos("layout"), "the declaration lists practices, but there is no practices section in this language")
		}
		p.Params = d
	}
	searchPages(s, indexes)
	return errs
}

// practicesBelow returns the practice pages in dir and below it.
func practicesBelow(s *site.Site, dir string) []*site.Page {
	var out []*site.Page
	for _, p := range s.Pages {
		if PracticeOf(p) != nil && (p.Dir == dir || strings.HasPrefix(p.Dir, dir+"/")) {
			out = append(out, p)
		}
	}
	return out
}

// listing picks each practice once, in lang where it is translated, and
// orders them newest first.
func listing(practices []*site.Page, lang string) []*site.Page {
	seen := map[string]bool{}
	var out []*site.Page
	for _, p := range practices {
		if seen[p.Key] {
			continue
		}
		seen[p.Key] = true
		// A translation of another type is an error reported by site.New.
		if t := p.Translation(lang); t != nil && PracticeOf(t) != nil {
			p = t
		} else if first := p.Translations()[0]; PracticeOf(first) != nil {
			p = first
		}
		out = append(out, p)
	}
	slices.SortFunc(out, Newest)
	return out
}

// Newest orders practices by published date, newest first, then by the
// year launched, newest first, then by title.
func Newest(a, b *site.Page) int {
	// Each comparison only when those before it tie: every list is sorted
	// on every build.
	if c := b.Front.Published.Compare(a.Front.Published); c != 0 {
		return c
	}
	if c := cmp.Compare(PracticeOf(b).Year, PracticeOf(a).Year); c != 0 {
		return c
	}
	return site.CompareFold(a.Front.Title, b.Front.Title)
}

// facet returns the index's facet of vocabulary name, or an empty one.
func (idx *Index) facet(name string) *Facet {
	for _, f := range idx.Facets {
		if f.Vocabulary == name {
			return f
		}
	}
	return &Facet{Vocabulary: name}
}

// build computes the facets of one language's listing and returns their
// pages to generate.
func (idx *Index) build(v *Vocabularies, lang string) []site.Generated {
	var gen []site.Generated
	for _, name := range v.Facets {
		f := &Facet{Vocabulary: name.ID, Name: name}
		terms := facetTerms(v, name.ID, idx.Practices)
		values := make(map[string]*FacetValue, len(terms))
		for _, term := range terms {
			values[term.ID] = &FacetValue{Term: term}
		}
		var ids []string                  // a practice's, made again in the same array for each
		for _, p := range idx.Practices { // in listing order, so each value's list is too
			ids = appendTermsOf(ids[:0], PracticeOf(p), name.ID)
			for _, id := range ids {
				if fv := values[id]; fv != nil {
					fv.Practices = append(fv.Practices, p)
				}
			}
		}
		for _, term := range terms {
			if fv := values[term.ID]; len(fv.Practices) > 0 || name.ID == Principles {
				f.Values = append(f.Values, fv)
			}
		}
		idx.Facets = append(idx.Facets, f)
		key := "facet:" + idx.Section.Key + ":" + name.ID
		facetSlug := name.SlugIn(lang)
		gen = append(gen, site.Generated{
			Parent: idx.Section, Key: key, Slug: facetSlug, Title: name.In(lang),
			Kind: site.KindFacets, Params: &FacetPage{Index: idx, Facet: f},
		})
		for _, fv := range f.Values {
			if len(fv.Practices) == 0 {
				continue
			}
			gen = append(gen, site.Generated{
				Parent: idx.Section, Key: key + ":" + fv.Term.ID,
				Slug:  facetSlug + "/" + fv.Term.SlugIn(lang),
				Title: fv.Term.In(lang) + " – " + name.In(lang), Kind: site.KindFacet,
				Params: &FacetPage{Index: idx, Facet: f, Value: fv},
			})
		}
	}
	return gen
}

// facetTerms returns the values a facet can have: a vocabulary's terms in
// their order, or for years, the years the practices have, newest first.
func facetTerms(v *Vocabularies, name string, practices []*site.Page) []*Term {
	if name != Years {
		return v.ByName(name)
	}
	var years []int
	for _, p := range practices {
		if y := PracticeOf(p).Year; y != 0 && !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	out := make([]*Term, len(years))
	for i, y := range years {
		out[i] = yearTerm(y)
	}
	return out
}

// yearTerm is a year as a facet value, labelled the same in every language.
func yearTerm(y int) *Term {
	s := strconv.Itoa(y)
	return &Term{ID: s, Label: map[string]string{"": s}}
}

// practiceTermFields are the vocabulary fields of a good practice.
var practiceTermFields = termFieldsOf(reflect.TypeFor[Practice]())

// appendTermsOf appends the ids a practice has in vocabulary name to ids.
func appendTermsOf(ids []string, p *Practice, name string) []string {
	if name == Years {
		if p.Year != 0 {
			return append(ids, strconv.Itoa(p.Year))
		}
		return ids
	}
	return appendTermIDsOf(ids, practiceTermFields, p, name)
}
