// Package markdown converts a page's Markdown body to HTML with goldmark:
// GitHub-flavoured Markdown, footnotes, typographic punctuation in the
// page's language, stable unique heading IDs, passages in another
// language marked with it (by the editor, and for the glossary's names),
// and links to other content files rewritten to the target page's URL by
// an AST transformer.
package markdown

import (
	"bytes"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/glossary"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// LinkFunc maps a link destination that names a content file (see
// site.IsContentLink) to the URL to write, and to the target's language
// when it differs from the page's ("" otherwise).
type LinkFunc func(dest string) (href, hreflang string, err error)

// Converter renders Markdown in one language. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
	// noAutolinks is md without GFM's autolinks (Linkify), for bodies that
	// cannot hold one (see mayAutolink): Linkify runs at every space of the
	// text, and most pages have no bare URL or e-mail address.
	noAutolinks goldmark.Markdown
}

// New returns a Converter for the language code lang.
func New(lang string, opts ...Option) *Converter {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return &Converter{md: newMarkdown(lang, true, o), noAutolinks: newMarkdown(lang, false, o)}
}

// Option changes what a Converter does.
type Option func(*options)

type options struct {
	glossary *glossary.Glossary
}

// WithGlossary marks the names of g in the text of every body with their
// language, where it is not the language around them.
func WithGlossary(g *glossary.Glossary) Option { return func(o *options) { o.glossary = g } }

func newMarkdown(lang string, autolinks bool, o options) goldmark.Markdown {
	extensions := []goldmark.Extender{
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
		&tableAlign{},
		extension.Strikethrough,
		extension.TaskList,
		extension.Footnote,
		extension.NewTypographer(extension.WithTypographicSubstitutions(quotes(lang))),
		&contentLinks{},
		&reporting{},
		&langParts{},
	}
	if len(o.glossary.Names()) > 0 {
		extensions = append(extensions, &glossaryNames{g: o.glossary, lang: lang})
	}
	if autolinks {
		extensions = append(extensions, extension.Linkify)
	}
	return goldmark.New(
		goldmark.WithExtensions(extensions...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		// Raw HTML stays off (goldmark's default, no html.WithUnsafe):
		// editors write Markdown only.
	)
}

// quotes returns the typographic quotation marks of a language: Finnish and
// Swedish use ” and ’ on both sides; others get goldmark's English “ ” ‘ ’.
func quotes(lang string) extension.TypographicSubstitutions {
	switch lang {
	case "fi", "sv":
		return extension.TypographicSubstitutions{
			extension.LeftDoubleQuote:  []byte("&rdquo;"),
			extension.RightDoubleQuote: []byte("&rdquo;"),
			extension.LeftSingleQuote:  []byte("&rsquo;"),
			extension.RightSingleQuote: []byte("&rsquo;"),
		}
	}
	return extension.TypographicSubstitutions{}
}

// Convert renders f's body. Links are rewritten with links; every link that
// cannot be resolved is reported at its position in f.
func (c *Converter) Convert(f *content.File, links LinkFunc) ([]byte, diag.List) {
	var buf bytes.Buffer
	buf.Grow(2 * len(f.Body)) // HTML is longer than its Markdown
	errs := c.ConvertTo(&buf, f, links)
	return buf.Bytes(), errs
}

// ConvertTo renders f's body as Convert does, appending the HTML to buf, so
// that a caller that copies the HTML anyway can reuse buf.
func (c *Converter) ConvertTo(buf *bytes.Buffer, f *content.File, links LinkFunc) diag.List {
	return c.convert(buf, f, links, nil)
}

// convert renders f's body into buf, filling report when it is not nil.
func (c *Converter) convert(buf *bytes.Buffer, f *content.File, links LinkFunc, report *Report) diag.List {
	state := &docState{file: f, links: links, report: report}
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	ctx.Set(stateKey, state)
	md := c.md
	if !mayAutolink(f.Body) {
		md = c.noAutolinks
	}
	if err := md.Convert(f.Body, buf, parser.WithContext(ctx)); err != nil {
		state.errs.Add(f.Pos(), "cannot render Markdown: %v", err)
	}
	return state.errs
}

var stateKey = parser.NewContextKey()

// docState is what the link transformer needs for one document.
type docState struct {
	file   *content.File
	links  LinkFunc
	errs   diag.List
	report *Report // nil: nothing to report
}

// contentLinks registers the link-rewriting transformer.
type contentLinks struct{}

func (*contentLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(linkTransformer{}, 100), util.Prioritized(explicitIDs{}, 101)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(linkRenderer{}, 100)))
}
