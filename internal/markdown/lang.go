package markdown

import (
	"bytes"

	"github.com/opengov-fi/opengov/internal/glossary"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The language of parts (WCAG 2.1 SC 3.1.2). An editor marks a passage in
// another language than the page's as a bracketed span, the syntax of
// Pandoc and djot:
//
//	the [Avoin hallinto]{lang=fi} network
//
// and one or more whole blocks as a fenced container:
//
//	::: lang=fi
//	Paragraphs, lists, quotes ...
//	:::
//
// (Pandoc's "::: {lang=fi}" works too). A heading takes goldmark's heading
// attribute: "## Title {lang=en}". An unknown language code is an error at
// its position.

// KindLangSpan and KindLangBlock are the kinds of LangSpan and LangBlock.
var (
	KindLangSpan  = ast.NewNodeKind("LangSpan")
	KindLangBlock = ast.NewNodeKind("LangBlock")
)

// LangSpan is an inline passage in language Lang: <span lang="...">.
type LangSpan struct {
	ast.BaseInline
	Lang string
	// Auto is set on the spans the glossary made, not the editor.
	Auto bool
}

// Kind implements ast.Node.
func (*LangSpan) Kind() ast.NodeKind { return KindLangSpan }

// Dump implements ast.Node.
func (n *LangSpan) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Lang": n.Lang}, nil)
}

// LangBlock is a run of blocks in language Lang: <div lang="...">.
type LangBlock struct {
	ast.BaseBlock
	Lang   string
	fence  int // how many colons opened it
	closed bool
}

// Kind implements ast.Node.
func (*LangBlock) Kind() ast.NodeKind { return KindLangBlock }

// Dump implements ast.Node.
func (n *LangBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Lang": n.Lang}, nil)
}

// langOf returns the language a node marks its contents with, or "".
func langOf(n ast.Node) string {
	switch n := n.(type) {
	case *LangSpan:
		return n.Lang
	case *LangBlock:
		return n.Lang
	}
	if v, ok := n.AttributeString("lang"); ok {
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return ""
}

// langParts registers the syntax: parsers, the check of heading
// attributes, and the renderers.
type langParts struct{}

func (*langParts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(langSpanParser{}, 199)), // before links (200)
		parser.WithBlockParsers(util.Prioritized(langBlockParser{}, 750)),
		parser.WithASTTransformers(util.Prioritized(headingLangs{}, 90)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(langRenderer{}, 100)))
}

// badLang reports an unknown language code that starts at offset.
func badLang(pc parser.Context, offset int, err error) {
	state, _ := pc.Get(stateKey).(*docState)
	if state == nil {
		return
	}
	state.errs.Add(state.file.BodyPos(offset), "%v", err).Hint = glossary.TagHint
}

// parseLangAttr reads "{lang=xx}" (quotes optional) at the start of b. It
// returns the attribute's length, the code and its offset in b; ok is false
// when b does not start with "{lang=".
func parseLangAttr(b []byte) (n int, code []byte, at int, ok bool) {
	const prefix = "{lang="
	if !bytes.HasPrefix(b, []byte(prefix)) {
		return 0, nil, 0, false
	}
	end := bytes.IndexByte(b, '}')
	if end < 0 {
		return 0, nil, 0, false
	}
	at = len(prefix)
	code = bytes.TrimSpace(b[at:end])
	if len(code) >= 2 && (code[0] == '"' || code[0] == '\'') && code[len(code)-1] == code[0] {
		code = code[1 : len(code)-1]
		at++
	}
	return end + 1, code, at, true
}

// langSpanParser parses [text]{lang=xx}. At a '[' it looks ahead for the
// matching ']' followed by "{lang="; only then it opens a span, and
// otherwise leaves the bracket to the link parser. At a ']' followed by
// "{lang=" it closes the innermost open span.
type langSpanParser struct{}

var spanOpenersKey = parser.NewContextKey()

// spanOpener stands in the inline list where a span opened.
type spanOpener struct {
	ast.BaseInline
	segment text.Segment
	bottom  ast.Node // the last delimiter before it
}

var kindSpanOpener = ast.NewNodeKind("LangSpanOpener")

func (*spanOpener) Kind() ast.NodeKind { return kindSpanOpener }

func (n *spanOpener) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

func (langSpanParser) Trigger() []byte { return []byte{'[', ']'} }

func (langSpanParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if line[0] == '[' {
		if !closesWithLang(block) {
			return nil
		}
		block.Advance(1)
		o := &spanOpener{segment: seg.WithStop(seg.Start + 1)}
		if d := pc.LastDelimiter(); d != nil {
			o.bottom = d
		}
		openers, _ := pc.Get(spanOpenersKey).([]*spanOpener)
		pc.Set(spanOpenersKey, append(openers, o))
		return o
	}
	openers, _ := pc.Get(spanOpenersKey).([]*spanOpener)
	if len(openers) == 0 {
		return nil
	}
	n, code, at, ok := parseLangAttr(line[1:])
	if !ok {
		return nil
	}
	o := openers[len(openers)-1]
	pc.Set(spanOpenersKey, openers[:len(openers)-1])
	tag, err := glossary.ParseTag(string(code))
	if err != nil {
		badLang(pc, seg.Start+1+at, err)
	}
	block.Advance(1 + n)
	parser.ProcessDelimiters(o.bottom, pc)
	span := &LangSpan{Lang: tag}
	p := o.Parent()
	for c := o.NextSibling(); c != nil; {
		next := c.NextSibling()
		p.RemoveChild(p, c)
		span.AppendChild(span, c)
		c = next
	}
	p.RemoveChild(p, o)
	return span
}

// closesWithLang reports whether the '[' at the reader's position has a
// matching ']' that "{lang=" follows. It does not move the reader.
func closesWithLang(block text.Reader) bool {
	line, pos := block.Position()
	defer block.SetPosition(line, pos)
	block.Advance(1)
	if _, ok := block.FindClosure('[', ']', text.FindClosureOptions{CodeSpan: true, Nesting: true, Newline: true, Advance: true}); !ok {
		return false
	}
	rest, _ := block.PeekLine()
	return bytes.HasPrefix(rest, []byte("{lang="))
}

// CloseBlock turns the openers of spans that never closed back into text.
func (langSpanParser) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	openers, _ := pc.Get(spanOpenersKey).([]*spanOpener)
	for _, o := range openers {
		if p := o.Parent(); p != nil {
			p.ReplaceChild(p, o, ast.NewTextSegment(o.segment))
		}
	}
	pc.Set(spanOpenersKey, nil)
}

// langBlockParser parses the fenced container "::: lang=xx" ... ":::".
type langBlockParser struct{}

func (langBlockParser) Trigger() []byte { return []byte{':'} }

// fence returns how many colons start line (at least three), or 0.
func fence(line []byte) int {
	n := 0
	for n < len(line) && line[n] == ':' {
		n++
	}
	if n < 3 {
		return 0
	}
	return n
}

func (langBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	colons := fence(line)
	if colons == 0 {
		return nil, parser.NoChildren
	}
	rest := bytes.TrimRight(line[colons:], " \t\r\n")
	trimmed := bytes.TrimLeft(rest, " \t")
	offset := seg.Start + colons + len(rest) - len(trimmed)
	var code []byte
	var at int
	if bytes.HasPrefix(trimmed, []byte("lang=")) {
		braced := make([]byte, 0, len(trimmed)+2) // never append to the source
		braced = append(append(append(braced, '{'), trimmed...), '}')
		n, c, a, ok := parseLangAttr(braced)
		if !ok || n != len(trimmed)+2 {
			return nil, parser.NoChildren
		}
		code, at = c, a-1
	} else {
		n, c, a, ok := parseLangAttr(trimmed)
		if !ok || n != len(trimmed) {
			return nil, parser.NoChildren
		}
		code, at = c, a
	}
	tag, err := glossary.ParseTag(string(code))
	if err != nil {
		badLang(pc, offset+at, err)
	}
	reader.AdvanceToEOL()
	return &LangBlock{Lang: tag, fence: colons}, parser.HasChildren
}

func (langBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	b := node.(*LangBlock)
	line, _ := reader.PeekLine()
	if n := fence(line); n >= b.fence && len(bytes.TrimSpace(line[n:])) == 0 && !innerOpen(b) {
		b.closed = true
		reader.AdvanceToEOL()
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

// innerOpen reports whether a container inside b is still open: a closing
// fence then closes that one first.
func innerOpen(b ast.Node) bool {
	for c := b.LastChild(); c != nil; c = c.LastChild() {
		if lb, ok := c.(*LangBlock); ok && !lb.closed {
			return true
		}
	}
	return false
}

func (langBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	node.(*LangBlock).closed = true
}

func (langBlockParser) CanInterruptParagraph() bool { return true }

func (langBlockParser) CanAcceptIndentedLine() bool { return false }

// headingLangs checks the language codes written as heading attributes
// ("## Title {lang=en}") and writes them in canonical form.
type headingLangs struct{}

func (headingLangs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		v, ok := h.AttributeString("lang")
		if !ok {
			return ast.WalkSkipChildren, nil
		}
		code, _ := v.([]byte)
		tag, err := glossary.ParseTag(string(code))
		if err != nil {
			badLang(pc, attributeOffset(h, reader.Source()), err)
			return ast.WalkSkipChildren, nil
		}
		h.SetAttributeString("lang", []byte(tag))
		return ast.WalkSkipChildren, nil
	})
}

// attributeOffset finds the value of lang= in the line of heading h: the
// heading's text ends before its attributes.
func attributeOffset(h *ast.Heading, src []byte) int {
	if h.Lines().Len() == 0 {
		return 0
	}
	stop := h.Lines().At(h.Lines().Len() - 1).Stop
	rest := src[stop:]
	if eol := bytes.IndexByte(rest, '\n'); eol >= 0 {
		rest = rest[:eol]
	}
	if i := bytes.Index(rest, []byte("lang=")); i >= 0 {
		return stop + i + len("lang=")
	}
	return stop
}

// langRenderer writes spans and containers with their lang attribute.
type langRenderer struct{}

func (langRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindLangSpan, renderLangSpan)
	reg.Register(KindLangBlock, renderLangBlock)
	reg.Register(kindSpanOpener, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		return ast.WalkContinue, nil // replaced by text when its block closes
	})
}

func renderLangSpan(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</span>")
		return ast.WalkContinue, nil
	}
	writeLangTag(w, "span", node.(*LangSpan).Lang)
	return ast.WalkContinue, nil
}

func renderLangBlock(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	writeLangTag(w, "div", node.(*LangBlock).Lang)
	_ = w.WriteByte('\n')
	return ast.WalkContinue, nil
}

// writeLangTag writes an opening tag with the lang attribute; without a
// valid language (an error was reported), the tag has none.
func writeLangTag(w util.BufWriter, tag, lang string) {
	_ = w.WriteByte('<')
	_, _ = w.WriteString(tag)
	if lang != "" {
		_, _ = w.WriteString(` lang="`)
		_, _ = w.Write(util.EscapeHTML([]byte(lang)))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
}
