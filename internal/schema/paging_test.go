package schema

import (
	"fmt"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/internal/site"
)

// TestPaging builds a site of five practices, three only in Finnish, with
// two entries a page, and checks every list's pages.
func TestPaging(t *testing.T) {
	fsys := files()
	fsys["site.toml"] = md(strings.Replace(strings.Replace(siteTOML, "default_language = \"fi\"", "default_language = \"fi\"\npaginate = 2", 1),
		`locale = "fi_FI"`, "locale = \"fi_FI\"\npage_slug = \"sivu\"", 1))
	fsys["content/practices/_index.fi.md"] = md("---\ntitle: Käytännöt\n---\n")
	fsys["content/practices/_index.en.md"] = md("---\ntitle: Practices\n---\n")
	for i := 1; i <= 3; i++ {
		src := strings.NewReplacer("id: dialogues", fmt.Sprintf("id: p%d", i), "title: Dialogues", fmt.Sprintf("title: P%d", i),
			"themes: [dialogue, open-data]", "themes: [dialogue]", "published: 2026-11-23", fmt.Sprintf("published: 2026-11-0%d", i)).Replace(practice)
		fsys[fmt.Sprintf("content/practices/p%d.fi.md", i)] = md(src)
	}
	fsys["content/practices/dialogues.fi.md"] = md(strings.Replace(practice, "published: 2026-11-23", "published: 2026-10-01", 1))
	fsys["content/practices/dialogues.en.md"] = md(strings.Replace(practice, "published: 2026-11-23", "published: 2026-10-01", 1))
	s, errs := load(t, fsys)
	if errs != "" {
		t.Fatal(errs)
	}
	title := func(lang, title string, n, total int) string {
		return fmt.Sprintf("%s %s %d/%d", title, lang, n, total)
	}
	if errs := Facets(s, mustVocab(t, fsys), title); errs != nil {
		t.Fatal(errs.Err())
	}
	pagesOf := func(pg *Paging) string {
		var out []string
		for _, p := range pg.Pages {
			out = append(out, p.Path)
		}
		return strings.Join(out, " ")
	}
	itemsOf := func(pg *Paging) string {
		var out []string
		for _, p := range pg.Items {
			out = append(out, PracticeOf(p).ID)
		}
		return strings.Join(out, " ")
	}

	// The listing: four practices newest first, in two pages.
	section := s.BySource("practices/_index", "fi")
	idx := section.Params.(*Index)
	if got := pagesOf(idx.Paging); got != "fi/practices/ fi/practices/sivu/2/" {
		t.Errorf("listing pages: %s", got)
	}
	if got := itemsOf(idx.Paging); got != "p3 p2" || idx.Paging.Count != 4 || idx.Paging.Number != 1 {
		t.Errorf("first page: %s of %d", got, idx.Paging.Count)
	}
	second := idx.Paging.Pages[1]
	ip, ok := second.Params.(*IndexPage)
	if !ok || ip.Paging.Number != 2 || itemsOf(ip.Paging) != "p1 dialogues" || ip.Listing() != idx {
		t.Fatalf("second page: %+v", second.Params)
	}
	if second.Parent != section || second.Front.Title != "Käytännöt fi 2/2" || second.Kind != site.KindListPage {
		t.Errorf("second page: parent %s, title %q, kind %d", second.Parent.Path, second.Front.Title, second.Kind)
	}
	// English has the same practices (the Finnish-only ones in Finnish), so
	// the same pages, which pair as translations; English says "page".
	if en := second.Translation("en"); en == nil || en.Path != "en/practices/page/2/" {
		t.Errorf("English second page: %v", en)
	}

	// A facet value with four practices: two pages; a value with one: one.
	var dialogue, openData *FacetValue
	for _, f := range idx.Facets {
		for _, v := range f.Values {
			switch {
			case f.Vocabulary == Themes && v.Term.ID == "dialogue":
				dialogue = v
			case f.Vocabulary == Themes && v.Term.ID == "open-data":
				openData = v
			}
		}
	}
	fp := dialogue.Page.Params.(*FacetPage)
	if got := pagesOf(fp.Paging); got != "fi/practices/teemat/dialogit/ fi/practices/teemat/dialogit/sivu/2/" {
		t.Errorf("dialogue pages: %s", got)
	}
	last := fp.Paging.Pages[1].Params.(*FacetPage)
	if last.Value != dialogue || itemsOf(last.Paging) != "p1 dialogues" || fp.Paging.Pages[1].Parent != dialogue.Page || dialogue.Page.Params != fp {
		t.Errorf("last dialogue page: %+v", last)
	}
	if op := openData.Page.Params.(*FacetPage); len(op.Paging.Pages) != 1 || op.Paging.Count != 1 {
		t.Errorf("open data pages: %s", pagesOf(op.Paging))
	}
	// The declaration-style preview is the first few.
	if got := len(dialogue.Preview()); got != min(PreviewCount, 4) {
		t.Errorf("preview of %d", got)
	}

	// The measure lists four practices: two pages, the second below it.
	measure := s.BySource("commitments/measure-1-1", "fi")
	c := CommitmentPageOf(measure)
	if got := pagesOf(c.Paging); got != "fi/commitments/measure-1-1/ fi/commitments/measure-1-1/sivu/2/" {
		t.Errorf("measure pages: %s", got)
	}
	cp := c.Paging.Pages[1].Params.(*CommitmentPracticesPage)
	if cp.Commitment != measure || len(cp.Paging.Items) != 2 || c.Paging.Pages[1].Kind != site.KindListPage {
		t.Errorf("measure's second page: %+v", cp)
	}
	// The commitment no practice names has one page, its own.
	if cc := CommitmentPageOf(s.BySource("commitments/commitment-1", "fi")); len(cc.Paging.Pages) != 1 || len(cc.Paging.Items) != 0 {
		t.Errorf("commitment pages: %s", pagesOf(cc.Paging))
	}
}
