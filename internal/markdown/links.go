package markdown

import (
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkTransformer rewrites links to content files ("../x/y.md#z") to the
// URL of the page they name, in the page's own language.
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	state, _ := pc.Get(stateKey).(*docState)
	if state == nil || state.links == nil {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		link, ok := n.(*ast.Link)
		if !ok || !entering || !site.IsContentLink(string(link.Destination)) {
			return ast.WalkContinue, nil
		}
		href, hreflang, err := state.links(string(link.Destination))
		if err != nil {
			e := state.errs.Add(state.file.BodyPos(InlineOffset(link, reader.Source())), "link to %s: %v", link.Destination, err)
			e.Hint = "write the path of the target's Markdown file relative to this file, without the language: ../good-practices/x.md"
			e.Code = diag.CodeBrokenLink
			return ast.WalkContinue, nil
		}
		link.Destination = []byte(href)
		if hreflang != "" {
			link.SetAttributeString("hreflang", []byte(hreflang))
		}
		return ast.WalkContinue, nil
	})
}

// linkRenderer renders links as goldmark does, but also lets through the
// hreflang attribute the transformer sets on links into another language
// (goldmark's own filter drops it).
type linkRenderer struct{}

var linkAttributes = html.LinkAttributeFilter.ExtendString("hreflang")

func (linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, renderLink)
}

func renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	if dest := util.URLEscape(n.Destination, true); !html.IsDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, linkAttributes)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
