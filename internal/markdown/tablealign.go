package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableAlign writes a table column's alignment (|:--|--:|) as a class,
// align-left, align-center or align-right, which the site's stylesheet
// aligns, rather than as goldmark's style attribute: the pages' Content
// Security Policy allows no inline style. The table extension is told to
// write no alignment of its own (extension.TableCellAlignNone).
type tableAlign struct{}

func (*tableAlign) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(tableAlignTransformer{}, 300)))
}

type tableAlignTransformer struct{}

func (tableAlignTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		cell, ok := n.(*extast.TableCell)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		switch cell.Alignment {
		case extast.AlignLeft:
			cell.SetAttributeString("class", []byte("align-left"))
		case extast.AlignCenter:
			cell.SetAttributeString("class", []byte("align-center"))
		case extast.AlignRight:
			cell.SetAttributeString("class", []byte("align-right"))
		}
		return ast.WalkSkipChildren, nil
	})
}
