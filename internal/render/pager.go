package render

import (
	"sync"

	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/site"
)

// paged is implemented by the Params of a page that shows one page of a
// paginated list: its number, from 1, and every page of the list, the
// first being the list's own page.
type paged interface {
	PageOfList() (number int, pages []*site.Page)
}

// Pager is what the pager partial receives: where the page stands in its
// list and the links to the others, in the manner of the GOV.UK design
// system's pagination: previous, the first page, the pages around this
// one, the last page, next.
type Pager struct {
	Number int // this page, from 1
	Total  int // pages in the list
	Prev   *PagerLink
	Next   *PagerLink
	Links  []PagerLink // numbered links, with gaps where pages are left out
}

// PagerLink is one link of the pager, or a gap (an ellipsis) in the
// numbered links.
type PagerLink struct {
	Number  int
	URL     string
	Current bool
	Gap     bool
}

// pagerOf returns the pager of p, or nil when p shows no paginated list
// or its list fits on one page.
func (r *renderer) pagerOf(p *site.Page) *Pager {
	pg, ok := p.Params.(paged)
	if !ok {
		return nil
	}
	n, pages := pg.PageOfList()
	if len(pages) < 2 {
		return nil
	}
	return r.pager(n, pages)
}

func (r *renderer) pager(n int, pages []*site.Page) *Pager {
	link := func(i int) PagerLink {
		return PagerLink{Number: i, URL: r.site.RelURL(pages[i-1]), Current: i == n}
	}
	p := &Pager{Number: n, Total: len(pages)}
	if n > 1 {
		l := link(n - 1)
		p.Prev = &l
	}
	if n < len(pages) {
		l := link(n + 1)
		p.Next = &l
	}
	for _, i := range pagerNumbers(n, len(pages)) {
		if i == 0 {
			p.Links = append(p.Links, PagerLink{Gap: true})
		} else {
			p.Links = append(p.Links, link(i))
		}
	}
	return p
}

// pagerNumbers returns the page numbers the pager links, 0 standing for a
// gap: the first and last page, and the page n with its neighbours; a gap
// of a single page shows that page instead. For 5 of 9: 1 0 4 5 6 0 9.
func pagerNumbers(n, total int) []int {
	shown := func(i int) bool { return i == 1 || i == total || (i >= n-1 && i <= n+1) }
	var out []int
	for i := 1; i <= total; i++ {
		switch {
		case shown(i):
			out = append(out, i)
		case shown(i-1) && shown(i+1): // a gap of one: show the page
			out = append(out, i)
		case shown(i - 1):
			out = append(out, 0)
		}
	}
	return out
}

// PagedTitle returns the titles of a list's later pages, by the message
// pager_title with {{.Title}}, {{.Page}} and {{.Count}} (the pages in
// all) in the list's language: "Hyvät käytännöt, sivu 2/9". It gives
// nil without messages, and the bare title where a language lacks them
// (loading the messages reported that already).
//
// The function keeps each title it made, as formatting the message is
// slow and every build asks for thousands; its rule: a title depends on
// the catalog and the four arguments alone, so a Builder keeps one
// function for as long as it keeps the catalog. It starts afresh past
// maxPagedTitles, which old titles left by edits would otherwise grow.
func PagedTitle(cat *i18n.Catalog) func(lang, title string, n, total int) string {
	if cat == nil {
		return nil
	}
	type key struct {
		lang, title string
		n, total    int
	}
	var mu sync.Mutex
	made := map[key]string{}
	return func(lang, title string, n, total int) string {
		k := key{lang, title, n, total}
		mu.Lock()
		s, ok := made[k]
		mu.Unlock()
		if ok {
			return s
		}
		s = pagedTitle(cat, lang, title, n, total)
		mu.Lock()
		if len(made) >= maxPagedTitles {
			clear(made)
		}
		made[k] = s
		mu.Unlock()
		return s
	}
}

// maxPagedTitles bounds the titles a PagedTitle function keeps: about
// ten times the later pages of a site of 5,000 practices per language.
const maxPagedTitles = 50_000

func pagedTitle(cat *i18n.Catalog, lang, title string, n, total int) string {
	l := cat.For(lang)
	if l == nil {
		return title
	}
	s, err := l.N("pager_title", total, "Title", title, "Page", n)
	if err != nil {
		return title
	}
	return s
}
