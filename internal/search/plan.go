package search

import (
	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// Plan decides what the index holds. Each page an editor wrote is indexed
// once, in its language, at its own URL: practices, commitments, measures,
// the section pages (their own text, not the lists on them) and the other
// pages. Generated pages (the facet pages and any further pages of a list)
// are left out, because each only repeats practices that are indexed at
// their own pages, and so is the search page. A practice missing in a
// language is added to that language's index as a record of its title and
// summary, in its own language, so that a visitor searching in English
// finds a practice written only in Finnish. URLs are below the site root:
// pagefind.js puts the base path, where it is itself served, in front.
func Plan(s *site.Site) ([]Page, []Record) {
	var pages []Page
	var records []Record
	for _, p := range s.Pages {
		if p.Kind.Generated() || p.Front.Layout == schema.SearchLayout {
			continue
		}
		pages = append(pages, Page{File: p.Path + "index.html", URL: "/" + p.Path, Lang: p.Lang, Title: p.Front.Title})
		pr := schema.PracticeOf(p)
		if pr == nil || p.Translations()[0] != p {
			continue
		}
		for _, l := range s.Config.Languages {
			if p.Translation(l.Code) != nil {
				continue
			}
			r := Record{
				URL:      "/" + p.Path,
				Language: l.Code,
				Content:  p.Front.Title + ".\n" + p.Front.Summary,
				Meta:     map[string]string{"title": p.Front.Title, "kind": "practice", "lang": p.Lang},
				Filters:  pr.Filters(),
			}
			if !p.Front.Published.IsZero() {
				r.Sort = map[string]string{"published": p.Front.Published.Format("2006-01-02")}
			}
			records = append(records, r)
		}
	}
	return pages, records
}
