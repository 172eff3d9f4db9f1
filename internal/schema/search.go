package schema

import (
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

// filterParams names each facet in the search page's URL and in the
// search index: ?theme=dialogue&year=2021.
var filterParams = map[string]string{
	Themes: "theme", Levels: "level", Countries: "country", Principles: "principle",
	Stages: "stage", Statuses: "status", Years: "year",
}

// Param is the facet's name in the search page's URL and in the index.
func (f *Facet) Param() string { return filterParams[f.Vocabulary] }

// Filters returns the practice's facet values as the search index files
// them, by filter name: {"theme": ["dialogue"], "year": ["2021"]}.
func (p *Practice) Filters() map[string][]string {
	out := map[string][]string{}
	for vocab, param := range filterParams {
		if ids := termsOf(p, vocab); len(ids) > 0 {
			out[param] = ids
		}
	}
	return out
}

// SearchFilters returns the practice's filters as Pagefind's
// data-pagefind-filter attributes write them, sorted: "theme:dialogue".
func (p *Practice) SearchFilters() []string {
	var out []string
	for name, ids := range p.Filters() {
		for _, id := range ids {
			out = append(out, name+":"+id)
		}
	}
	slices.SortFunc(out, strings.Compare)
	return out
}
