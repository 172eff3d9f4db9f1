package check

import (
	"bytes"
	"maps"
	"net/url"
	"path"
	"strings"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/site"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// doc is what the checks read from one generated HTML file.
type doc struct {
	path    string     // output path: "fi/x/index.html"
	url     *url.URL   // the address it is published at
	page    *site.Page // the page it renders; nil for the chooser and 404 pages
	source  string     // the file to blame for what is not in a page's Markdown
	*parsed            // what its HTML says
}

// parsed is what the checks read from the HTML of a file, which depends
// on its bytes alone.
type parsed struct {
	ids    map[string]bool
	refs   []ref     // links and embedded resources, in document order
	heads  []heading // headings inside <main>, in document order
	images []image
	// located is where each ref points, found on the first check of the
	// file (see checkLinks).
	located []location

	names strs // while walking
}

// ref is one URL in an attribute: attribute attr of urlAttrs[tag]. A
// page has a hundred, kept between checks, so a ref is small.
type ref struct {
	value string
	tag   atom.Atom
	attr  uint8
}

// attrName is the name of the attribute r is in.
func (r ref) attrName() string { return urlAttrs[r.tag][r.attr] }

type heading struct {
	level int
	id    string
	text  string
}

type image struct {
	src    string
	alt    string
	hasAlt bool
}

// urlAttrs names the attributes of each element that hold a URL the site
// must serve.
var urlAttrs = map[atom.Atom][]string{
	atom.A:      {"href"},
	atom.Area:   {"href"},
	atom.Link:   {"href"},
	atom.Img:    {"src"},
	atom.Script: {"src"},
	atom.Source: {"src"},
	atom.Iframe: {"src"},
	atom.Video:  {"src", "poster"},
	atom.Audio:  {"src"},
	atom.Track:  {"src"},
}

// parseDocs parses the HTML files of the build and pairs each with the
// page it renders. A file whose bytes are those of the last call (as the
// render cache hands back for a page it did not render again) is not
// parsed again.
func (c *Checker) parseDocs(res *build.Result, stop func() bool) map[string]*doc {
	base, _ := url.Parse(res.Site.Config.BaseURL)
	pages := map[string]*site.Page{}
	for _, p := range res.Site.Pages {
		pages[p.Path+"index.html"] = p
	}
	docs := map[string]*doc{}
	seen := make(map[string]parsedFile, len(c.files))
	for i, f := range res.Files {
		if path.Ext(f.Path) != ".html" {
			continue
		}
		if stop != nil && i%64 == 0 && stop() {
			if c.files == nil {
				c.files = seen
			} else {
				maps.Copy(c.files, seen) // keep what is parsed; the bytes tell whether it still holds
			}
			return nil
		}
		d := &doc{path: f.Path, page: pages[f.Path]}
		d.url = base.ResolveReference(&url.URL{Path: strings.TrimSuffix(f.Path, "index.html")})
		switch {
		case d.page != nil:
			d.source = d.page.File.Path
		case !strings.Contains(f.Path, "/"): // the root chooser and 404 page
			d.source = "templates/chooser.html"
		default:
			d.source = "templates/404.html"
		}
		pf, ok := c.files[f.Path]
		if !ok || !sameBytes(pf.data, f.Data) {
			pf = parsedFile{data: f.Data, parsed: parseHTML(f.Data, c.names)}
			c.Parsed++
		}
		seen[f.Path] = pf
		d.parsed = pf.parsed
		docs[f.Path] = d
	}
	c.files = seen
	return docs
}

// parsedFile is a file's bytes with what they say.
type parsedFile struct {
	data   []byte
	parsed *parsed
}

// sameBytes reports whether a and b are the same bytes in memory (not
// merely equal bytes): the cheap test that a file was not made again.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func parseHTML(data []byte, names strs) *parsed {
	p := &parsed{ids: map[string]bool{}, names: names}
	root, err := html.Parse(bytes.NewReader(data))
	if err == nil {
		p.walk(root, false)
	}
	p.names = nil
	return p
}

// strs shares equal strings: a page's links are mostly those of every
// other page, and each file's parse is kept between checks. A Checker
// keeps one for the base URL its files were parsed for.
type strs map[string]string

// intern returns s, or the equal string it had before.
func (m strs) intern(s string) string {
	if m == nil {
		return s
	}
	if t, ok := m[s]; ok {
		return t
	}
	m[s] = s
	return s
}

func (d *parsed) walk(n *html.Node, inMain bool) {
	if n.Type == html.ElementNode {
		if id := attr(n, "id"); id != "" {
			d.ids[id] = true
		}
		if n.DataAtom == atom.A {
			if name := attr(n, "name"); name != "" {
				d.ids[name] = true
			}
		}
		for i, a := range urlAttrs[n.DataAtom] {
			if v, ok := attrOK(n, a); ok {
				d.refs = append(d.refs, ref{value: d.names.intern(v), tag: n.DataAtom, attr: uint8(i)})
			}
		}
		switch n.DataAtom {
		case atom.Main:
			inMain = true
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			if inMain {
				d.heads = append(d.heads, heading{level: int(n.Data[1] - '0'), id: attr(n, "id"), text: textOf(n)})
			}
		case atom.Img:
			alt, ok := attrOK(n, "alt")
			d.images = append(d.images, image{src: attr(n, "src"), alt: alt, hasAlt: ok})
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		d.walk(c, inMain)
	}
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// textOf is the text of n and its descendants, with spaces collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
