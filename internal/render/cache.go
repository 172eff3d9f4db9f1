package render

import (
	"crypto/sha256"
	"hash"
	"io"

	"github.com/opengov-fi/opengov/internal/site"
)

// Cache keeps rendered pages from one build to the next, for a server
// that rebuilds on every save. A page is rendered again only when its key
// changes: a hash of everything its template can show. A Cache is used by
// one build at a time; within it, workers only read it, and Site replaces
// its maps when all pages are done.
type Cache struct {
	pages map[string]cachedPage // by output path
	links map[[sha256.Size]byte][]string
	// Rendered counts the pages the last build rendered, rather than took
	// from the cache.
	Rendered int
}

type cachedPage struct {
	key  [sha256.Size]byte
	data []byte
}

// NewCache returns an empty Cache.
func NewCache() *Cache {
	return &Cache{pages: map[string]cachedPage{}, links: map[[sha256.Size]byte][]string{}}
}

// pageKey hashes what page p's output is made of: the site-wide inputs
// (templates, messages, static files, configuration), p's own source, and
// the front matter and URL of every page p shows: its translations, its
// ancestors and theirs (breadcrumbs, the way to the nearest translation),
// the menus, its children, the pages its Markdown links to, and the pages
// its typed data relates it to. dests are the content-link destinations
// of p's Markdown.
func pageKey(r *renderer, global [sha256.Size]byte, p *site.Page, dests []string) (key [sha256.Size]byte) {
	h := sha256.New()
	h.Write(global[:])
	h.Write(p.BodyHash[:])
	writePage(h, p)
	io.WriteString(h, p.Template)
	for _, t := range p.Translations() {
		writePage(h, t)
	}
	for a := p.Parent; a != nil; a = a.Parent {
		writePage(h, a)
		for _, t := range a.Translations() {
			writePage(h, t)
		}
	}
	for _, menu := range [][]site.MenuEntry{r.site.Menus[p.Lang], r.site.Footers[p.Lang]} {
		for _, e := range menu {
			io.WriteString(h, e.URL)
			writePage(h, e.Page)
		}
	}
	for _, child := range p.Children {
		writePage(h, child)
	}
	if rel, ok := p.Params.(site.Relations); ok {
		for _, q := range rel.RelatedPages() {
			writePage(h, q)
		}
	}
	for _, dest := range dests {
		io.WriteString(h, dest)
		if l, err := r.site.Resolve(p, dest); err == nil {
			writePage(h, l.Page)
		} else {
			io.WriteString(h, "\x00missing")
		}
	}
	h.Sum(key[:0])
	return key
}

// writePage hashes what one page shows of another: its front matter (or,
// for a generated page, its title) and its URL and language.
func writePage(h hash.Hash, p *site.Page) {
	if p == nil {
		io.WriteString(h, "\x00nil")
		return
	}
	h.Write(p.MetaHash[:])
	io.WriteString(h, p.Front.Title)
	io.WriteString(h, "\x00")
	io.WriteString(h, p.Path)
	io.WriteString(h, "\x00")
	io.WriteString(h, p.Lang)
	io.WriteString(h, "\x00")
}
