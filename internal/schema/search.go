package schema

import (
	"reflect"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/site"
)

// SearchLayout is the layout of the search page, which filters the
// practices of its language by their facets.
const SearchLayout = "search"

// Search is the Params of a page with layout "search": the practices
// index of its language, whose facets become the search filters.
type Search struct {
	Index *Index // nil where the language has no practices section
}

// searchPages fills the Params of the search pages.
func searchPages(s *site.Site, indexes map[string]*Index) {
	for _, p := range s.Pages {
		if p.Front.Layout == SearchLayout {
			p.Params = &Search{Index: indexes[p.Lang]}
		}
	}
}

// searchFilter is a front-matter field tagged filter:"name": its values
// file its type's pages in the search index under that name, and the
// facet of the same values is named by it in the search page's URL
// (?theme=dialogue&year=2021).
type searchFilter struct {
	name  string
	facet string // the facet's vocabulary: "themes"; the years for a year
	field []int  // index of the front-matter field
	terms []int  // index of the field receiving its terms; nil: none
}

// filtersOf lists the search filters that struct type t declares.
func filtersOf(t reflect.Type) []searchFilter {
	terms := termFieldsOf(t)
	var out []searchFilter
	for _, f := range FieldsOf(t) {
		if f.Filter == "" {
			continue
		}
		sf := searchFilter{name: f.Filter, facet: f.Vocab, field: f.Index}
		if f.Vocab == "" && f.Name == "year" {
			sf.facet = Years // the facet made from the year field (facetTerms)
		}
		sf.terms, _ = termIndex(terms, f.Name)
		out = append(out, sf)
	}
	return out
}

// practiceFilters are the search filters of a good practice.
var practiceFilters = filtersOf(reflect.TypeFor[Practice]())

// Param is the facet's name in the search page's URL and in the index:
// the filter of the practices' field it is made from.
func (f *Facet) Param() string {
	for _, sf := range practiceFilters {
		if sf.facet == f.Vocabulary {
			return sf.name
		}
	}
	return ""
}

// Filters returns the practice's facet values as the search index files
// them, by filter name: {"theme": ["dialogue"], "year": ["2021"]}.
func (p *Practice) Filters() map[string][]string { return filterValues(practiceFilters, p) }

// filterValues returns the values of the filters of decoded front matter
// (a pointer to the struct they were listed from), by filter name: a
// vocabulary field's are its terms' ids.
func filterValues(filters []searchFilter, fields any) map[string][]string {
	s := reflect.ValueOf(fields).Elem()
	out := map[string][]string{}
	for _, sf := range filters {
		var ids []string
		if sf.terms != nil {
			ids, _ = appendTermIDs(ids, s.FieldByIndex(sf.terms))
		} else if v := s.FieldByIndex(sf.field); v.Kind() == reflect.Slice {
			for i := range v.Len() {
				ids = append(ids, factString(v.Index(i)))
			}
		} else if !v.IsZero() {
			ids = append(ids, factString(v))
		}
		if len(ids) > 0 {
			out[sf.name] = ids
		}
	}
	return out
}

// SearchFilters returns the practice's filters as Pagefind's
// data-pagefind-filter attributes write them, sorted: "theme:dialogue".
func (p *Practice) SearchFilters() []string { return filterAttributes(p.Filters()) }

// SearchFiltersOf returns the search filters of decoded front matter (a
// pointer to a declared type's struct), as SearchFilters.
func SearchFiltersOf(fields any) []string {
	return filterAttributes(filterValues(filtersOf(reflect.TypeOf(fields).Elem()), fields))
}

func filterAttributes(filters map[string][]string) []string {
	var out []string
	for name, ids := range filters {
		for _, id := range ids {
			out = append(out, name+":"+id)
		}
	}
	slices.SortFunc(out, strings.Compare)
	return out
}
