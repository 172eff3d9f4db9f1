package render

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/schema"
)

func TestPracticeLDLeavesOutWhatThePracticeDoesNotSay(t *testing.T) {
	p := &PageView{Ref: &Ref{Lang: "en", Front: content.Front{Title: "Open budget"}}}
	full := &schema.Practice{
		Organisation: "Ministry of Finance", Partners: []string{"Kone Foundation"},
		CountryTerm: &schema.Term{ID: "FI", Label: map[string]string{"en": "Finland"}},
		ThemeTerms:  []*schema.Term{{ID: "open-data", Label: map[string]string{"en": "Open data"}}},
		Year:        2020,
	}
	got := practiceLD(p, full, "en")
	for _, key := range []string{"creator", "contributor", "countryOfOrigin", "keywords", "dateCreated"} {
		if got[key] == nil {
			t.Errorf("a practice with every field has no %s: %v", key, got)
		}
	}
	bare := practiceLD(p, &schema.Practice{}, "en")
	for _, key := range []string{"creator", "contributor", "countryOfOrigin", "keywords", "dateCreated", "description"} {
		if v, ok := bare[key]; ok {
			t.Errorf("a practice without %s has %s: %v", key, key, v)
		}
	}
	if bare["name"] != "Open budget" || bare["@type"] != "CreativeWork" {
		t.Errorf("bare practice: %v", bare)
	}
}

func TestJSONLDCannotCloseItsScript(t *testing.T) {
	p := &PageView{Ref: &Ref{Lang: "en", Front: content.Front{Title: "</script><script>alert(1)</script> & <!--"}}}
	data, err := json.Marshal(practiceLD(p, &schema.Practice{}, "en"))
	if err != nil {
		t.Fatal(err)
	}
	if s := string(data); strings.ContainsAny(s, "<>&") {
		t.Errorf("JSON-LD has raw <, > or &: %s", s)
	}
}
