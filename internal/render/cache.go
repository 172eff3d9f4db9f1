package render

import (
	"crypto/sha256"
	"io"
	"sync"

	"github.com/opengov-fi/opengov/internal/markdown"
	"github.com/opengov-fi/opengov/internal/site"
)

// Cache keeps rendered pages from one build to the next, for a server
// that rebuilds on every save. A page is rendered again only when its key
// changes: a hash of its template data, which is everything its template
// can show (see keyer). A Cache is used by one build at a time; within
// it, workers only read it, and Site replaces its maps when all pages are
// done.
type Cache struct {
	pages map[string]cachedPage // by output path
	links map[[sha256.Size]byte][]string
	// views are the hashes of the pages' template data (by output path),
	// made from the model that model identifies (Input.Model).
	views map[string][sha256.Size]byte
	model [sha256.Size]byte
	// Rendered counts the pages the last build rendered, rather than took
	// from the cache.
	Rendered int
}

type cachedPage struct {
	key    [sha256.Size]byte
	data   []byte
	report *markdown.Report // nil when the build asked for none
	// spans are where in data the partials rendered with $.Shared are,
	// which are not in key: a build that takes the page puts its own
	// HTML of each there (Data.Shared).
	spans []splice
}

// put keeps the results of rendering pages (of model s) in the cache, in
// place of what it had of them, and counts those rendered rather than
// taken from it; a page that had errors, or whose shared partials could
// not be found (pageResult.uncached), is dropped, so it is rendered again
// next time.
func (c *Cache) put(s *site.Site, pages []*site.Page, results []pageResult) {
	c.Rendered = 0
	for i, res := range results {
		if res.rendered {
			c.Rendered++
		}
		path := pages[i].Path + "index.html"
		if res.errs != nil || res.uncached {
			delete(c.pages, path)
			continue
		}
		c.pages[path] = cachedPage{key: res.key, data: res.file.Data, report: res.report, spans: res.spans}
		c.views[path] = res.view
		c.links[s.Source(pages[i]).BodyHash] = res.dests
	}
}

// NewCache returns an empty Cache.
func NewCache() *Cache {
	return &Cache{pages: map[string]cachedPage{}, links: map[[sha256.Size]byte][]string{}}
}

// keyer computes page keys for one build. A page's key is derived, not
// listed: it hashes the site-wide inputs (templates, messages, static
// files, configuration), the page's Markdown, where the Markdown's links
// lead, and its template data, walked by reflection (hashView), so that
// whatever a template can see is in the key by construction.
type keyer struct {
	site   *site.Site
	global [sha256.Size]byte
	views  viewHasher
}

func newKeyer(s *site.Site, global [sha256.Size]byte) *keyer {
	return &keyer{site: s, global: global}
}

// viewKey hashes the template data of a page.
func (k *keyer) viewKey(d *Data) [sha256.Size]byte { return k.views.sum(d) }

// pageKey combines the parts of page p's key: the global inputs, its
// template data's hash view, its Markdown source, and, for each of dests
// (the content-link destinations of its Markdown), the URL and language
// the link is rendered with.
func (k *keyer) pageKey(p *site.Page, view [sha256.Size]byte, dests []string) (key [sha256.Size]byte) {
	h := sha256.New()
	h.Write(k.global[:])
	h.Write(view[:])
	h.Write(k.site.Source(p).BodyHash[:])
	for _, dest := range dests {
		io.WriteString(h, dest+"\x00")
		if l, err := k.site.Resolve(p, dest); err == nil {
			io.WriteString(h, l.Page.Path+"\x00"+l.Page.Lang+"\x00"+l.Fragment+"\x00")
		} else {
			io.WriteString(h, "\x00missing\x00")
		}
	}
	h.Sum(key[:0])
	return key
}

// viewHasher hashes views. Within one build the model and the views made
// from it do not change, so a value that many views point to is hashed
// once, however many pages show it (a practice's Ref is on every list it
// is in; the facet navigation's counts on every list page).
type viewHasher struct {
	memo sync.Map // pointer to a sharedViews type (as any, which keeps it alive) -> [sha256.Size]byte
	// spares holds *[][]byte: the buffers of finished walks, lent from
	// one view's walk to the next (viewWalk.nested).
	spares sync.Pool
}
