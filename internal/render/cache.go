package render

import (
	"crypto/sha256"
	"hash"
	"io"
	"sync"

	"github.com/opengov-fi/opengov/internal/markdown"
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
	key    [sha256.Size]byte
	data   []byte
	report *markdown.Report // nil when the build asked for none
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
// its typed data relates it to, with what else the typed data says it
// shows (keyWriter). dests are the content-link destinations
// of p's Markdown.
func (k *keyer) pageKey(p *site.Page, dests []string) (key [sha256.Size]byte) {
	h := sha256.New()
	h.Write(k.global[:])
	h.Write(p.BodyHash[:])
	k.write(h, p)
	h.Write([]byte{byte(p.Kind)})
	for _, t := range p.Translations() {
		k.write(h, t)
	}
	for a := p.Parent; a != nil; a = a.Parent {
		k.write(h, a)
		for _, t := range a.Translations() {
			k.write(h, t)
		}
	}
	menus := k.menus[p.Lang]
	h.Write(menus[:])
	k.writeList(h, p.Children)
	if rel, ok := p.Params.(site.Relations); ok {
		k.writeList(h, rel.RelatedPages())
	}
	if x, ok := p.Params.(keyWriter); ok {
		x.WriteKey(h)
	}
	for _, dest := range dests {
		io.WriteString(h, dest)
		if l, err := k.site.Resolve(p, dest); err == nil {
			k.write(h, l.Page)
		} else {
			io.WriteString(h, "\x00missing")
		}
	}
	h.Sum(key[:0])
	return key
}

// keyWriter is implemented by the Params of a page that shows more of
// other pages than their signatures, such as how many practices a facet
// value has: WriteKey writes that into the page's key.
type keyWriter interface{ WriteKey(w io.Writer) }

// keyer computes page keys for one build. It hashes each page's signature
// once, and each list of pages that several pages show (a facet page shows
// every practice of its section) once.
type keyer struct {
	site   *site.Site
	global [sha256.Size]byte
	sigs   map[*site.Page][sha256.Size]byte
	menus  map[string][sha256.Size]byte // by language

	mu    sync.Mutex
	lists map[listID][sha256.Size]byte
}

// listID identifies a slice of pages by its backing array and length.
type listID struct {
	ptr **site.Page
	n   int
}

func newKeyer(s *site.Site, global [sha256.Size]byte) *keyer {
	k := &keyer{site: s, global: global, sigs: make(map[*site.Page][sha256.Size]byte, len(s.Pages)),
		menus: map[string][sha256.Size]byte{}, lists: map[listID][sha256.Size]byte{}}
	for _, p := range s.Pages {
		k.sigs[p] = signature(p)
	}
	for _, l := range s.Config.Languages {
		h := sha256.New()
		for _, menu := range [][]site.MenuEntry{s.Menus[l.Code], s.Footers[l.Code]} {
			for _, e := range menu {
				io.WriteString(h, e.Name+"\x00"+e.URL+"\x00")
				k.write(h, e.Page)
			}
		}
		var sum [sha256.Size]byte
		h.Sum(sum[:0])
		k.menus[l.Code] = sum
	}
	return k
}

// signature hashes what one page shows of another: its front matter (or,
// for a generated page, its title) and its URL and language.
func signature(p *site.Page) (sum [sha256.Size]byte) {
	h := sha256.New()
	h.Write(p.MetaHash[:])
	io.WriteString(h, p.Front.Title+"\x00"+p.Path+"\x00"+p.Lang)
	h.Sum(sum[:0])
	return sum
}

func (k *keyer) write(h hash.Hash, p *site.Page) {
	if p == nil {
		io.WriteString(h, "\x00nil")
		return
	}
	sig, ok := k.sigs[p]
	if !ok {
		sig = signature(p)
	}
	h.Write(sig[:])
}

func (k *keyer) writeList(h hash.Hash, pages []*site.Page) {
	if len(pages) == 0 {
		io.WriteString(h, "\x00empty")
		return
	}
	id := listID{ptr: &pages[0], n: len(pages)}
	k.mu.Lock()
	sum, ok := k.lists[id]
	k.mu.Unlock()
	if !ok {
		lh := sha256.New()
		for _, p := range pages {
			k.write(lh, p)
		}
		lh.Sum(sum[:0])
		k.mu.Lock()
		k.lists[id] = sum
		k.mu.Unlock()
	}
	h.Write(sum[:])
}
