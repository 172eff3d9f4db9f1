package schema

import (
	"reflect"
	"testing"
)

// TestSearchFiltersAreDeclared: the practices' fields tagged filter:"..."
// name the search page's facets and file a practice in the index.
func TestSearchFiltersAreDeclared(t *testing.T) {
	want := map[string]string{Themes: "theme", Levels: "level", Countries: "country", Principles: "principle",
		Stages: "stage", Statuses: "status", Years: "year", "formats": ""}
	for vocab, param := range want {
		if got := (&Facet{Vocabulary: vocab}).Param(); got != param {
			t.Errorf("the facet of %s is %q in the URL, want %q", vocab, got, param)
		}
	}
	s, errs := load(t, files())
	if errs != "" {
		t.Fatal(errs)
	}
	p := PracticeOf(s.BySource("practices/dialogues", "fi"))
	filters := map[string][]string{"theme": {"dialogue", "open-data"}, "level": {"national"}, "country": {"FI"},
		"principle": {"diffuse-lessons"}, "stage": {"diffusion"}, "status": {"ongoing"}, "year": {"2020"}}
	if got := p.Filters(); !reflect.DeepEqual(got, filters) {
		t.Errorf("filters %v, want %v", got, filters)
	}
	if got := SearchFiltersOf(p); !reflect.DeepEqual(got, p.SearchFilters()) || len(got) != 8 || got[0] != "country:FI" {
		t.Errorf("search filters %v", got)
	}
}
