package render

import (
	"html/template"
	"strings"
)

// Mark returns text, a front-matter string in language lang, as HTML for
// element content, with each glossary name in another language in a span
// with its lang: {{ $.Mark .Lang .Front.Title }}. Text in <title> and in
// attributes is printed plain, without Mark.
func (d *Data) Mark(lang, text string) template.HTML { return d.r.mark(lang, text) }

// Mark is Data.Mark for fragments.
func (f *FragmentData) Mark(lang, text string) template.HTML { return f.r.mark(lang, text) }

func (r *renderer) mark(lang, text string) template.HTML {
	matches := r.names.Find(text, lang)
	if matches == nil {
		return template.HTML(template.HTMLEscapeString(text))
	}
	var b strings.Builder
	at := 0
	for _, m := range matches {
		b.WriteString(template.HTMLEscapeString(text[at:m.Start]))
		b.WriteString(`<span lang="`)
		b.WriteString(template.HTMLEscapeString(m.Lang))
		b.WriteString(`">`)
		b.WriteString(template.HTMLEscapeString(text[m.Start:m.End]))
		b.WriteString("</span>")
		at = m.End
	}
	b.WriteString(template.HTMLEscapeString(text[at:]))
	return template.HTML(b.String())
}
