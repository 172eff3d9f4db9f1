package build

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/internal/output"
	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func file(t *testing.T, files []output.File, name string) []byte {
	t.Helper()
	i := slices.IndexFunc(files, func(f output.File) bool { return f.Path == name })
	if i < 0 {
		t.Fatalf("the build has no %s", name)
	}
	return files[i].Data
}

func TestOpenDataMatchesAndValidates(t *testing.T) {
	res := buildRepo(t)
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(file(t, res.Files, "data/good-practice.schema.json")))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("good-practice.schema.json", schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("good-practice.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"fi", "en"} {
		raw := file(t, res.Files, "data/good-practices."+lang+".json")
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s export does not validate against the published schema: %v", lang, err)
		}
		var doc struct {
			Licence   string           `json:"licence"`
			Practices []map[string]any `json:"practices"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(file(t, res.Files, "data/good-practices."+lang+".csv"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if doc.Licence != "CC BY 4.0" || len(doc.Practices) < 14 || len(rows)-1 != len(doc.Practices) {
			t.Fatalf("%s: licence %q, %d JSON records, %d CSV rows", lang, doc.Licence, len(doc.Practices), len(rows)-1)
		}
		header := rows[0]
		for i, rec := range doc.Practices {
			row := rows[i+1]
			for col, name := range header {
				if got, want := row[col], cell(rec[name]); got != want {
					t.Errorf("%s record %v, %s: CSV %q, JSON %q", lang, rec["id"], name, got, want)
				}
			}
		}
	}
	// Feeds parse as Atom and list every practice.
	for _, p := range res.Site.Pages {
		idx, ok := p.Params.(*schema.Index)
		if !ok {
			continue
		}
		var feed struct {
			Entries []struct {
				ID string `xml:"id"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(file(t, res.Files, p.Path+"atom.xml"), &feed); err != nil || len(feed.Entries) != len(idx.Practices) {
			t.Errorf("%satom.xml: %v, %d entries for %d practices", p.Path, err, len(feed.Entries), len(idx.Practices))
		}
	}
}

// cell writes a JSON value as the CSV export does.
func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.Itoa(int(v))
	case []any:
		var parts []string
		for _, x := range v {
			if m, ok := x.(map[string]any); ok {
				x = m["url"]
			}
			parts = append(parts, cell(x))
		}
		return strings.Join(parts, "; ")
	case map[string]any:
		return cell(v["organisation"])
	}
	return "?"
}

func TestFacetCountsMatchFrontMatter(t *testing.T) {
	res := buildRepo(t)
	for _, lang := range []string{"fi", "en"} {
		var practices []*site.Page
		var idx *schema.Index
		for _, p := range res.Site.PagesIn(lang) {
			if i, ok := p.Params.(*schema.Index); ok {
				idx = i
			}
		}
		// Every practice of the site, in lang where translated.
		seen := map[string]bool{}
		for _, p := range res.Site.Pages {
			if pr := schema.PracticeOf(p); pr != nil && !seen[p.Key] {
				seen[p.Key] = true
				if t := p.Translation(lang); t != nil {
					p = t
				}
				practices = append(practices, p)
			}
		}
		if len(idx.Practices) != len(practices) {
			t.Fatalf("%s index lists %d practices, the site has %d", lang, len(idx.Practices), len(practices))
		}
		themeCount := map[string]int{}
		years := map[int]int{}
		for _, p := range practices {
			for _, th := range schema.PracticeOf(p).Themes {
				themeCount[th]++
			}
			if y := schema.PracticeOf(p).Year; y != 0 {
				years[y]++
			}
		}
		for _, f := range idx.Facets {
			for _, v := range f.Values {
				want := -1
				switch f.Vocabulary {
				case schema.Themes:
					want = themeCount[v.Term.ID]
				case schema.Years:
					y, _ := strconv.Atoi(v.Term.ID)
					want = years[y]
				}
				if want >= 0 && len(v.Practices) != want {
					t.Errorf("%s %s %s: %d practices, front matter says %d", lang, f.Vocabulary, v.Term.ID, len(v.Practices), want)
				}
				// The facet page shows the count the model has.
				if v.Page != nil {
					html := string(file(t, res.Files, v.Page.Path+"index.html"))
					if !strings.Contains(html, ">"+strconv.Itoa(len(v.Practices))+" ") {
						t.Errorf("%s does not show its count %d", v.Page.Path, len(v.Practices))
					}
				}
			}
		}
		if len(themeCount) == 0 {
			t.Fatal("no themes counted")
		}
	}
}
