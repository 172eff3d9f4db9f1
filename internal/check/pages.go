package check

import (
	"fmt"
	"strings"

	"github.com/opengov-fi/opengov/internal/site"
)

// checkPages reports pages an editor wrote without a summary (search
// engines and link previews then show the page's first words) and pages of
// one language with the same title (two results, or two browser tabs, that
// cannot be told apart).
func checkPages(out *findings, s *site.Site) {
	byTitle := map[string][]*site.Page{} // lang + title -> pages
	var keys []string
	for _, p := range s.Pages {
		if p.Kind.Generated() { // generated pages have generated titles
			continue
		}
		if strings.TrimSpace(p.Front.Summary) == "" {
			out.add(p.FieldPos("summary"), CodeMissingSummary, fmt.Sprintf("%q has no summary (add summary: one or two sentences, shown in search results and link previews)", p.Front.Title))
		}
		k := p.Lang + "\x00" + strings.ToLower(strings.TrimSpace(p.Front.Title))
		if byTitle[k] == nil {
			keys = append(keys, k)
		}
		byTitle[k] = append(byTitle[k], p)
	}
	for _, k := range keys {
		same := byTitle[k]
		if len(same) < 2 {
			continue
		}
		for _, p := range same {
			var others []string
			for _, q := range same {
				if q != p {
					others = append(others, q.File.Path)
				}
			}
			out.add(p.FieldPos("title"), CodeDuplicateTitle, fmt.Sprintf("title %q is also the title of %s (give each page its own)", p.Front.Title, strings.Join(others, ", ")))
		}
	}
}
