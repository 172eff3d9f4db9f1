package search

import (
	"encoding/json"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/opengov-fi/opengov/internal/output"
)

// Facets is each language's filter values of the pages that have any,
// read back from the index's fragments, for the counts beside the search
// page's filter values. Pagefind's own filter files, which the counts
// would otherwise need in full, list for each value the numbers of its
// pages (93 KB compressed on 5,000 pages with seven filters); this file
// lists each page's values packed (about half that, most of it the pages'
// ids, which is what search results give).
type Facets struct {
	pages map[string][]fragment // language -> the pages with filters
}

// NewFacets returns an empty set.
func NewFacets() *Facets { return &Facets{pages: map[string][]fragment{}} }

// add adds a page's filters.
func (f *Facets) add(frag fragment) {
	if len(frag.Filters) > 0 {
		f.pages[frag.Lang] = append(f.pages[frag.Lang], fragment{Lang: frag.Lang, ID: frag.ID, Filters: frag.Filters})
	}
}

// facetsPath is the file of lang's facets below the index folder.
func facetsPath(lang string) string { return "facets." + lang + ".json" }

// facetsFile is the JSON of one language's facets.
type facetsFile struct {
	// IDs are the pages' ids without the language's prefix ("1a2b3c4"
	// for "fi_1a2b3c4"), sorted.
	IDs     []string               `json:"ids"`
	Filters map[string]facetFilter `json:"filters"`
}

// facetFilter is one filter: its values, sorted, and each page's values
// (in the order of IDs, separated by commas) as their positions in
// Values, each written in base 36 with as many digits as the largest
// needs: "0a," is the values 0 and 10 of the first page and none of the
// second.
type facetFilter struct {
	Values []string `json:"values"`
	Pages  string   `json:"pages"`
}

// Files returns each language's facets as pagefind/facets.<lang>.json.
func (f *Facets) Files() ([]output.File, error) {
	var files []output.File
	for _, lang := range slices.Sorted(maps.Keys(f.pages)) {
		pages := slices.SortedFunc(slices.Values(f.pages[lang]), func(a, b fragment) int { return strings.Compare(a.ID, b.ID) })
		values := map[string]map[string]bool{}
		for _, p := range pages {
			for name, vs := range p.Filters {
				if values[name] == nil {
					values[name] = map[string]bool{}
				}
				for _, v := range vs {
					values[name][v] = true
				}
			}
		}
		out := facetsFile{Filters: map[string]facetFilter{}}
		for _, p := range pages {
			out.IDs = append(out.IDs, strings.TrimPrefix(p.ID, lang+"_"))
		}
		for name, set := range values {
			vals := slices.Sorted(maps.Keys(set))
			width := len(strconv.FormatInt(int64(len(vals)-1), 36))
			var b strings.Builder
			for i, p := range pages {
				if i > 0 {
					b.WriteByte(',')
				}
				for _, v := range p.Filters[name] {
					d := strconv.FormatInt(int64(slices.Index(vals, v)), 36)
					b.WriteString(strings.Repeat("0", width-len(d)) + d)
				}
			}
			out.Filters[name] = facetFilter{Values: vals, Pages: b.String()}
		}
		data, err := json.Marshal(out)
		if err != nil {
			return nil, err
		}
		files = append(files, output.File{Path: path.Join(Dir, facetsPath(lang)), Data: data})
	}
	return files, nil
}
