package markdown

import (
	"bytes"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Report is what converting one page's Markdown learned of it: its links,
// images and headings, each with its position in the source file, so
// that the checks need not parse the Markdown again.
type Report struct {
	Links    []LinkRef
	Images   []ImageRef
	Headings []HeadingRef
	// Passages are the body's text, block by block, as Passages returns it.
	Passages []Passage
}

// LinkRef is a link of the Markdown, a bare URL (autolink) included.
type LinkRef struct {
	Dest string // as written: "../x.md#y", "/fi/", "https://..."
	// Href is the URL the page's HTML has, escaped as the HTML has it: a
	// link to a content file rewritten to the target page's URL.
	Href string
	Pos  diag.Pos
	node *ast.Link // until the conversion has rewritten it
}

// ImageRef is an image of the Markdown.
type ImageRef struct {
	Src    string // as the HTML has it
	HasAlt bool
	Pos    diag.Pos
}

// HeadingRef is a heading of the Markdown with the id the HTML gives it.
type HeadingRef struct {
	Level int
	ID    string
	Pos   diag.Pos
}

// reporting registers the transformer that fills a document's Report.
type reporting struct{}

func (*reporting) Extend(m goldmark.Markdown) {
	// Before the link transformer (100; goldmark runs the lower first),
	// to see links as written.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(reportTransformer{}, 50)))
	// After everything, the glossary's names (200) included.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(reportPassages{}, 1000)))
}

type reportPassages struct{}

func (reportPassages) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if state, _ := pc.Get(stateKey).(*docState); state != nil && state.report != nil {
		state.report.Passages = passagesOf(doc, reader.Source())
	}
}

type reportTransformer struct{}

func (reportTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	state, _ := pc.Get(stateKey).(*docState)
	if state == nil || state.report == nil {
		return
	}
	r, f, src := state.report, state.file, reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			r.Links = append(r.Links, LinkRef{Dest: string(n.Destination), Pos: f.BodyPos(InlineOffset(n, src)), node: n})
		case *ast.AutoLink:
			if n.AutoLinkType != ast.AutoLinkURL {
				break // e-mail addresses
			}
			u := string(n.URL(src))
			if !strings.HasPrefix(strings.ToLower(u), "http") {
				u = "http://" + u // as goldmark's renderer writes it
			}
			start := InlineOffset(n, src)
			if i := bytes.Index(src[start:], n.Label(src)); i >= 0 {
				start += i
			}
			r.Links = append(r.Links, LinkRef{Dest: u, Href: string(util.URLEscape([]byte(u), false)), Pos: f.BodyPos(start)})
		case *ast.Image:
			r.Images = append(r.Images, ImageRef{Src: string(util.URLEscape(n.Destination, true)), HasAlt: hasText(n, src), Pos: f.BodyPos(InlineOffset(n, src))})
		case *ast.Heading:
			h := HeadingRef{Level: n.Level, Pos: diag.Pos{File: f.Path}}
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					h.ID = string(b)
				}
			}
			if n.Lines().Len() > 0 {
				h.Pos = f.BodyPos(n.Lines().At(0).Start)
			}
			r.Headings = append(r.Headings, h)
		}
		return ast.WalkContinue, nil
	})
}

// finish fills in the URLs of the links, which the link transformer has
// rewritten by now, as the renderer writes them.
func (r *Report) finish() {
	for i := range r.Links {
		l := &r.Links[i]
		if l.node != nil {
			l.Href = string(util.URLEscape(l.node.Destination, true))
			l.node = nil
		}
	}
}

// ConvertReport renders f's body as ConvertTo does and also returns what
// it learned of the Markdown.
func (c *Converter) ConvertReport(buf *bytes.Buffer, f *content.File, links LinkFunc) (*Report, diag.List) {
	r := &Report{}
	errs := c.convert(buf, f, links, r)
	r.finish()
	return r, errs
}

// InlineOffset is where a link or image starts in the source: at the '['
// before its first piece of text; for one without text, at "[](" or
// "![](" and its destination; or else at the start of its paragraph.
func InlineOffset(n ast.Node, source []byte) int {
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
