package schema

import (
	"fmt"
	"strconv"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// Paging is where one page of a paginated list stands: the entries it
// shows, and every page of the list. A list of N entries has
// ceil(N/paginate) pages, at least one; the first is the list's own page
// (the section, the facet value, the commitment) and the others are
// generated below it at <page_slug>/2/, <page_slug>/3/ and so on.
type Paging struct {
	Number int          // from 1
	Items  []*site.Page // the entries this page shows
	Count  int          // the entries of the whole list
	// Pages are every page of the list in order: Pages[0] is the list's own
	// page. The pages of one list share this slice.
	Pages []*site.Page
}

// PageOfList tells the pager where the page stands: its number and the
// pages of its list. A nil Paging is a page of its own.
func (pg *Paging) PageOfList() (int, []*site.Page) {
	if pg == nil {
		return 1, nil
	}
	return pg.Number, pg.Pages
}

// PageOfList tells the pager where the page stands in the list it shows.
func (idx *Index) PageOfList() (int, []*site.Page) { return idx.Paging.PageOfList() }

// PageOfList tells the pager where the page stands in the list it shows.
func (ip *IndexPage) PageOfList() (int, []*site.Page) { return ip.Paging.PageOfList() }

// PageOfList tells the pager where the page stands in the list it shows.
func (fp *FacetPage) PageOfList() (int, []*site.Page) { return fp.Paging.PageOfList() }

// PageOfList tells the pager where the page stands in the list it shows.
func (c *CommitmentPage) PageOfList() (int, []*site.Page) { return c.Paging.PageOfList() }

// PageOfList tells the pager where the page stands in the list it shows.
func (cp *CommitmentPracticesPage) PageOfList() (int, []*site.Page) { return cp.Paging.PageOfList() }

// TitleFunc writes the title of page n of total of a list called title,
// in lang: "Hyvät käytännöt, sivu 2/9".
type TitleFunc func(lang, title string, n, total int) string

// defaultTitle is the title of a later page when no messages are given.
func defaultTitle(_, title string, n, total int) string {
	return fmt.Sprintf("%s (%d/%d)", title, n, total)
}

// pager splits the lists of a build into pages.
type pager struct {
	site  *site.Site
	size  int
	title TitleFunc
	gen   []site.Generated
}

// split pages the list items shown on the page first. It returns the
// Paging of every page, the first one's for first itself; params makes the
// Params of each later page.
func (pr *pager) split(first *site.Page, items []*site.Page, params func(*Paging) any) []*Paging {
	total := max(1, (len(items)+pr.size-1)/pr.size)
	pages := make([]*site.Page, total)
	pages[0] = first
	out := make([]*Paging, total)
	for i := range total {
		lo, hi := i*pr.size, min(len(items), (i+1)*pr.size)
		out[i] = &Paging{Number: i + 1, Items: items[lo:hi:hi], Count: len(items), Pages: pages}
		if i == 0 {
			continue
		}
		n := strconv.Itoa(i + 1)
		pr.gen = append(pr.gen, site.Generated{
			Parent: first, Key: first.Key + ":page:" + n,
			Slug:  pr.site.Config.Language(first.Lang).PageSlug + "/" + n,
			Title: pr.title(first.Lang, first.Front.Title, i+1, total),
			Kind:  site.KindListPage, Params: params(out[i]),
		})
	}
	return out
}

// paginate splits every list of practices into pages: each section's
// listing, each facet value's list, and each commitment's practices.
func paginate(s *site.Site, title TitleFunc) diag.List {
	if title == nil {
		title = defaultTitle
	}
	size := s.Config.Paginate
	if size < 1 {
		size = config.DefaultPaginate
	}
	pr := &pager{site: s, size: size, title: title}
	for _, p := range s.Pages {
		switch x := p.Params.(type) {
		case *Index:
			x.Paging = pr.split(p, x.Practices, func(pg *Paging) any { return &IndexPage{Index: x, Paging: pg} })[0]
		case *FacetPage:
			if x.Value != nil {
				x.Paging = pr.split(p, x.Value.Practices, func(pg *Paging) any {
					return &FacetPage{Index: x.Index, Facet: x.Facet, Value: x.Value, Paging: pg}
				})[0]
			}
		case *CommitmentPage:
			x.Paging = pr.split(p, x.Practices, func(pg *Paging) any { return &CommitmentPracticesPage{Commitment: p, Paging: pg} })[0]
		}
	}
	return pr.add()
}

// add adds the later pages to the site and fills in the Pages of every
// Paging.
func (pr *pager) add() diag.List {
	errs := pr.site.AddGenerated(pr.gen)
	for _, p := range pr.site.Pages {
		if lp, ok := p.Params.(interface{ pagingOf() *Paging }); ok {
			if pg := lp.pagingOf(); pg != nil && pg.Number > 1 {
				pg.Pages[pg.Number-1] = p
			}
		}
	}
	return errs
}

// IndexPage is the Params of a later page of a section's listing.
type IndexPage struct {
	Index  *Index
	Paging *Paging
}

// Listing returns the index of the section the page belongs to.
func (ip *IndexPage) Listing() *Index { return ip.Index }

// CommitmentPracticesPage is the Params of a later page of the good practices
// that name a commitment or measure.
type CommitmentPracticesPage struct {
	Commitment *site.Page
	Paging     *Paging
}

func (idx *Index) pagingOf() *Paging                  { return idx.Paging }
func (ip *IndexPage) pagingOf() *Paging               { return ip.Paging }
func (fp *FacetPage) pagingOf() *Paging               { return fp.Paging }
func (c *CommitmentPage) pagingOf() *Paging           { return c.Paging }
func (cp *CommitmentPracticesPage) pagingOf() *Paging { return cp.Paging }
