package markdown

import (
	"strings"

	"github.com/opengov-fi/opengov/internal/glossary"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// glossaryNames registers nameMarker: every glossary name in the text of
// a body, where the text around it is in another language, becomes a
// LangSpan in the name's language.
type glossaryNames struct {
	g    *glossary.Glossary
	lang string
}

func (e *glossaryNames) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(nameMarker(*e), 200)))
}

// nameMarker walks the text of a document with the language each part is
// in: the page's, or that of the nearest passage marked around it. It
// leaves code, URLs and raw HTML alone.
type nameMarker glossaryNames

func (m nameMarker) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	m.mark(doc, m.lang, reader.Source())
}

func (m nameMarker) mark(n ast.Node, lang string, src []byte) {
	for c := n.FirstChild(); c != nil; {
		switch c.Kind() {
		case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindAutoLink,
			ast.KindRawHTML, ast.KindHTMLBlock:
			c = c.NextSibling()
			continue
		}
		if t, ok := c.(*ast.Text); ok {
			run := textRun(t)
			after := run[len(run)-1].NextSibling()
			m.markRun(run, lang, src)
			c = after
			continue
		}
		inner := lang
		if l := langOf(c); l != "" {
			inner = l
		} else if c.Kind() == KindLangSpan || c.Kind() == KindLangBlock {
			c = c.NextSibling() // marked with a wrong code: the editor is on it
			continue
		}
		m.mark(c, inner, src)
		c = c.NextSibling()
	}
}

// textRun returns t and the text nodes that follow it with nothing but a
// soft line break between them: a name may run across a line break.
func textRun(t *ast.Text) []*ast.Text {
	run := []*ast.Text{t}
	for !t.IsRaw() && !t.HardLineBreak() {
		next, ok := t.NextSibling().(*ast.Text)
		if !ok || next.IsRaw() {
			break
		}
		run = append(run, next)
		t = next
	}
	return run
}

// markRun wraps the names in the text of run in spans.
func (m nameMarker) markRun(run []*ast.Text, lang string, src []byte) {
	if run[0].IsRaw() {
		return
	}
	var b strings.Builder
	starts := make([]int, len(run))
	for i, t := range run {
		starts[i] = b.Len()
		b.Write(t.Segment.Value(src))
		if t.SoftLineBreak() {
			b.WriteByte(' ')
		}
	}
	matches := m.g.Find(b.String(), lang)
	// From the last match back: splitting a text node keeps its left part
	// in the same node, so earlier offsets stay valid.
	for i := len(matches) - 1; i >= 0; i-- {
		mt := matches[i]
		first, last := nodeAt(starts, mt.Start), nodeAt(starts, mt.End-1)
		splitText(run[last], mt.End-starts[last])
		start := run[first]
		if right := splitText(start, mt.Start-starts[first]); right != nil {
			start = right
		}
		end := start
		if first != last {
			end = run[last]
		}
		wrap(start, end, &LangSpan{Lang: mt.Lang, Auto: true})
	}
}

// nodeAt returns the index of the node whose text holds offset.
func nodeAt(starts []int, offset int) int {
	i := len(starts) - 1
	for i > 0 && starts[i] > offset {
		i--
	}
	return i
}

// splitText cuts t after k bytes of its text; the rest becomes a new
// text node after t, which it returns (nil when there is no cut).
func splitText(t *ast.Text, k int) *ast.Text {
	if k <= 0 || k >= t.Segment.Len() {
		return nil
	}
	right := ast.NewTextSegment(t.Segment.WithStart(t.Segment.Start + k))
	right.SetSoftLineBreak(t.SoftLineBreak())
	right.SetHardLineBreak(t.HardLineBreak())
	t.Segment = t.Segment.WithStop(t.Segment.Start + k)
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	t.Parent().InsertAfter(t.Parent(), t, right)
	return right
}

// wrap moves the siblings from first to last into span, which takes their
// place.
func wrap(first, last ast.Node, span ast.Node) {
	p := first.Parent()
	p.InsertBefore(p, first, span)
	for c := first; c != nil; {
		next := c.NextSibling()
		p.RemoveChild(p, c)
		span.AppendChild(span, c)
		if c == last {
			break
		}
		c = next
	}
}
