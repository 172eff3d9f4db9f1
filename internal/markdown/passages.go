package markdown

import (
	"html"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Hidden stands in a Passage for what is not text in the page's language:
// a passage marked with a language (by the editor or from the glossary),
// code, a URL.
const Hidden = '\uFFFC'

// Passage is the text of one block of a body (a paragraph, a heading, a
// list item's or a table cell's text) as it reads in the page's language,
// with typographic quotes as characters.
type Passage struct {
	Text   string
	pieces []piece // in order of at
}

// piece says that Text[at:] starts at byte src of the body.
type piece struct{ at, src int }

// Offset returns the byte offset in the body of Text[i:].
func (p Passage) Offset(i int) int {
	off := 0
	for _, pc := range p.pieces {
		if pc.at > i {
			break
		}
		off = pc.src + (i - pc.at)
	}
	return off
}

// Passages returns the text of f's body, block by block, for checks that
// read the text an editor wrote: what is marked with a language, code and
// URLs are Hidden.
func (c *Converter) Passages(f *content.File) []Passage {
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	ctx.Set(stateKey, &docState{file: f})
	doc := c.md.Parser().Parse(text.NewReader(f.Body), parser.WithContext(ctx))
	return passagesOf(doc, f.Body)
}

// passagesOf returns the passages of a parsed document, once the glossary's
// names are marked in it.
func passagesOf(doc ast.Node, body []byte) []Passage {
	var out []Passage
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch {
		case langOf(n) != "" || n.Kind() == KindLangBlock:
			return ast.WalkSkipChildren, nil
		case n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline:
			var b passageBuilder
			b.inline(n, body)
			if b.text.Len() > 0 {
				out = append(out, Passage{Text: b.text.String(), pieces: b.pieces})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

type passageBuilder struct {
	text   strings.Builder
	pieces []piece
}

func (b *passageBuilder) inline(n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.pieces = append(b.pieces, piece{at: b.text.Len(), src: c.Segment.Start})
			b.text.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.text.WriteByte(' ')
			}
		case *ast.String:
			s := string(c.Value)
			if strings.HasPrefix(s, "&") {
				s = html.UnescapeString(s)
			}
			b.text.WriteString(s)
		case *LangSpan, *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML:
			b.text.WriteRune(Hidden)
		default:
			if langOf(c) != "" {
				b.text.WriteRune(Hidden)
				continue
			}
			b.inline(c, src)
		}
	}
}
