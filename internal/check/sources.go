package check

import (
	"bytes"
	"strings"

	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/markdown"
	"github.com/opengov-fi/opengov/internal/site"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sources finds where in a page's Markdown a link, an image or a heading
// of the generated HTML was written.
type sources struct {
	site  *site.Site
	md    goldmark.Markdown
	conv  map[string]*markdown.Converter
	pages map[*site.Page]*pageSource
}

// pageSource holds the positions in one page's Markdown.
type pageSource struct {
	refs  map[string][]diag.Pos // URL as rendered -> where written, in order
	noAlt map[string][]diag.Pos // the same, of images without alt text
	next  map[string]int        // code + " " + URL -> how many of refs[URL] were handed out
	heads map[string]diag.Pos   // heading id -> where written
	// urls are the links written as URLs or root paths rather than as
	// content files: where one points at a page of the site, the editor
	// should link its Markdown file, which follows the page's slug.
	urls []writtenURL
}

// writtenURL is a link written in Markdown as a URL.
type writtenURL struct {
	dest string
	pos  diag.Pos
}

func newSources(s *site.Site) *sources {
	src := &sources{
		site: s,
		// The block structure, links and images match the converter's:
		// the same CommonMark parser with the same extensions.
		md:    goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote), goldmark.WithParserOptions(parser.WithAttribute())),
		conv:  map[string]*markdown.Converter{},
		pages: map[*site.Page]*pageSource{},
	}
	for _, l := range s.Config.Languages {
		src.conv[l.Code] = markdown.New(l.Code)
	}
	return src
}

// ref returns where the page's Markdown has the link or image rendered as
// value; each call for the same code hands out the next occurrence.
func (s *sources) ref(p *site.Page, code diag.Code, value string) (diag.Pos, bool) {
	ps := s.of(p)
	if ps == nil {
		return diag.Pos{}, false
	}
	all := ps.refs[value]
	if code == CodeImageAlt {
		all = ps.noAlt[value]
	}
	if len(all) == 0 {
		return diag.Pos{}, false
	}
	i := min(ps.next[string(code)+" "+value], len(all)-1)
	ps.next[string(code)+" "+value]++
	return all[i], true
}

// heading returns where the page's Markdown has the heading with id.
func (s *sources) heading(p *site.Page, id string) (diag.Pos, bool) {
	ps := s.of(p)
	if ps == nil || id == "" {
		return diag.Pos{}, false
	}
	pos, ok := ps.heads[id]
	return pos, ok
}

// urlLinks returns the links of the page's Markdown written as URLs.
func (s *sources) urlLinks(p *site.Page) []writtenURL {
	if ps := s.of(p); ps != nil {
		return ps.urls
	}
	return nil
}

func (s *sources) of(p *site.Page) *pageSource {
	if p == nil || p.Template != "" || len(p.Body) == 0 { // generated pages have no Markdown
		return nil
	}
	if ps, ok := s.pages[p]; ok {
		return ps
	}
	ps := &pageSource{refs: map[string][]diag.Pos{}, noAlt: map[string][]diag.Pos{}, next: map[string]int{}, heads: map[string]diag.Pos{}}
	s.pages[p] = ps
	f := p.File
	root := s.md.Parser().Parse(text.NewReader(f.Body))
	var heads []diag.Pos
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			dest := string(n.Destination)
			u := s.rendered(p, dest, true)
			pos := f.BodyPos(inlineOffset(n, f.Body))
			ps.refs[u] = append(ps.refs[u], pos)
			if !site.IsContentLink(dest) && !strings.HasPrefix(dest, "#") {
				ps.urls = append(ps.urls, writtenURL{dest: dest, pos: pos})
			}
		case *ast.Image:
			u := s.rendered(p, string(n.Destination), false)
			pos := f.BodyPos(inlineOffset(n, f.Body))
			ps.refs[u] = append(ps.refs[u], pos)
			if !hasText(n, f.Body) {
				ps.noAlt[u] = append(ps.noAlt[u], pos)
			}
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				u := string(n.URL(f.Body))
				if !strings.HasPrefix(strings.ToLower(u), "http") {
					u = "http://" + u
				}
				start := inlineOffset(n, f.Body)
				if i := bytes.Index(f.Body[start:], n.Label(f.Body)); i >= 0 {
					start += i
				}
				u = string(util.URLEscape([]byte(u), false))
				ps.refs[u] = append(ps.refs[u], f.BodyPos(start))
			}
		case *ast.Heading:
			pos := diag.Pos{File: f.Path}
			if n.Lines().Len() > 0 {
				pos = f.BodyPos(n.Lines().At(0).Start)
			}
			heads = append(heads, pos)
		}
		return ast.WalkContinue, nil
	})
	// The heading IDs are the converter's: render the body as the build
	// does and pair its headings, in order, with the parsed ones.
	body, _ := s.conv[p.Lang].Convert(f, func(dest string) (string, string, error) {
		return s.rendered(p, dest, true), "", nil
	})
	ids := headingIDs(body)
	if len(ids) == len(heads) {
		for i, id := range ids {
			ps.heads[id] = heads[i]
		}
	}
	return ps
}

// rendered is the URL the build writes for a Markdown destination: a link
// to a content file becomes the target page's URL.
func (s *sources) rendered(p *site.Page, dest string, link bool) string {
	if link && site.IsContentLink(dest) {
		if l, err := s.site.Resolve(p, dest); err == nil {
			href := s.site.RelURL(l.Page)
			if l.Fragment != "" {
				href += "#" + l.Fragment
			}
			return href
		}
	}
	return string(util.URLEscape([]byte(dest), true))
}

// inlineOffset is where a link or image starts in the source: at the '['
// before its first piece of text; for one without text, at "[](" or "![]("
// and its destination; or else at the start of its paragraph.
func inlineOffset(n ast.Node, source []byte) int {
	_, img := n.(*ast.Image)
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			start := t.Segment.Start - 1
			if img {
				start-- // "!["
			}
			return max(start, 0)
		}
	}
	start := 0
	for b := n.Parent(); b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			start = b.Lines().At(0).Start
			break
		}
	}
	var dest []byte
	switch n := n.(type) {
	case *ast.Link:
		dest = append([]byte("[]("), n.Destination...)
	case *ast.Image:
		dest = append([]byte("![]("), n.Destination...)
	}
	if i := bytes.Index(source[start:], dest); dest != nil && i >= 0 {
		start += i
	}
	return start
}

// hasText reports whether an image has alt text.
func hasText(n ast.Node, source []byte) bool {
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && len(bytes.TrimSpace(t.Segment.Value(source))) > 0 {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// headingIDs lists the id of every heading in an HTML fragment, in order.
func headingIDs(fragment []byte) []string {
	root, err := html.Parse(bytes.NewReader(fragment))
	if err != nil {
		return nil
	}
	var ids []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				ids = append(ids, attr(n, "id"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return ids
}
