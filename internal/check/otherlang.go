package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/glossary"
	"github.com/opengov-fi/opengov/internal/markdown"
	"github.com/opengov-fi/opengov/internal/site"
)

// checkLanguages reports quoted and parenthesised phrases that are
// probably in another language than their page but not marked with it
// (WCAG 2.1 SC 3.1.2): most words of the phrase occur in the text of
// that language's pages, some in their running text, and none in the
// running text of the page's own language (outside quotes and
// parentheses, where names and quotations in other languages are). What the editor marked and the names of
// the glossary do not count, so the warning goes away once the passage is
// marked or its name added to the glossary.
func checkLanguages(out *findings, s *site.Site, g *glossary.Glossary, reports map[string]*markdown.Report) {
	texts := languageTexts(s, g, reports)
	words := map[string]wordCounts{}
	var buf []byte // each word in lower case
	for _, t := range texts {
		wc, ok := words[t.page.Lang]
		if !ok {
			wc = wordCounts{all: newCounter(), outside: newCounter()}
			words[t.page.Lang] = wc
		}
		buf = eachWord(t.text, buf, wc.all.add)
		rest, _ := phrases(t.text)
		buf = eachWord(rest, buf, wc.outside.add)
	}
	for _, t := range texts {
		_, found := phrases(t.text)
		for _, ph := range found {
			other := foreignLanguage(ph.text, t.page.Lang, words, s)
			if other == "" {
				continue
			}
			pos := t.pos
			if t.passage != nil {
				pos = s.Source(t.page).BodyPos(t.passage.Offset(ph.start))
			}
			msg := fmt.Sprintf("%q looks like %s text on a %s page: its words occur only in %s pages (mark it: [%s]{lang=%s}, or, if it is a name, add it to %s)",
				ph.text, other, t.page.Lang, other, ph.text, other, glossary.File)
			out.add(pos, CodeUnmarkedLanguage, msg)
		}
	}
}

// languageText is a page's text that an editor wrote: one block of its
// body, or its title or summary.
type languageText struct {
	page    *site.Page
	text    string
	passage *markdown.Passage // nil for a front-matter field
	pos     diag.Pos          // of the field
}

// languageTexts are the texts an editor wrote: the title and summary of
// each page and the passages of its body, which rendering reported
// (markdown.Report), so the Markdown is not parsed again.
func languageTexts(s *site.Site, g *glossary.Glossary, reports map[string]*markdown.Report) []languageText {
	var out []languageText
	for _, p := range s.Pages {
		if p.Kind.Generated() || p.File == nil { // generated pages
			continue
		}
		for _, field := range []struct{ key, value string }{{"title", p.Front.Title}, {"summary", p.Front.Summary}} {
			out = append(out, languageText{page: p, text: hideNames(g, field.value, p.Lang), pos: p.FieldPos(field.key)})
		}
		if r := reports[p.Path+"index.html"]; r != nil {
			for _, ps := range r.Passages {
				out = append(out, languageText{page: p, text: ps.Text, passage: &ps})
			}
		}
	}
	return out
}

// hideNames replaces the glossary's names in another language than lang
// by markdown.Hidden.
func hideNames(g *glossary.Glossary, text, lang string) string {
	ms := g.Find(text, lang)
	if ms == nil {
		return text
	}
	var b strings.Builder
	at := 0
	for _, m := range ms {
		b.WriteString(text[at:m.Start])
		b.WriteRune(markdown.Hidden)
		at = m.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// phrase is a quoted or parenthesised phrase: text[start:] of its text.
type phrase struct {
	text  string
	start int
}

// closers maps each opening quote or parenthesis to its closing one.
var closers = map[rune]rune{'(': ')', '"': '"', '“': '”', '”': '”', '«': '»', '»': '»', '„': '“'}

// maxPhrase is the longest phrase, in bytes, that is checked: longer
// parentheses are asides in the page's language.
const maxPhrase = 120

// phrases splits text into what is outside quotes and parentheses and
// the phrases inside them. A phrase with something hidden in it (a marked
// passage, code) is left out of both.
func phrases(text string) (rest string, found []phrase) {
	var b strings.Builder
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		closer, ok := closers[r]
		if ok {
			start := i + size
			if end := strings.IndexRune(text[start:], closer); end > 0 && end <= maxPhrase {
				inner := text[start : start+end]
				if !strings.ContainsRune(inner, markdown.Hidden) && !strings.ContainsAny(inner, "()") && !addressLike(inner) {
					found = append(found, phrase{text: strings.TrimSpace(inner), start: start})
				}
				b.WriteByte(' ')
				i = start + end + utf8.RuneLen(closer)
				continue
			}
		}
		b.WriteString(text[i : i+size])
		i += size
	}
	return b.String(), found
}

// addressLike reports whether a phrase is a web or e-mail address, such as
// "(opengov.fi)": a dot before a letter, a slash or an at sign.
func addressLike(s string) bool {
	if strings.ContainsAny(s, "/@") {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' {
			r, _ := utf8.DecodeRuneInString(s[i+1:])
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// wordsOf returns the words of text in lower case; words without a lower
// case letter (acronyms such as OECD, numbers) are left out, as they read
// the same in every language.
func wordsOf(text string) []string {
	var out []string
	eachWord(text, nil, func(w []byte) { out = append(out, string(w)) })
	return out
}

// eachWord calls f with each word wordsOf returns, in buf, which it
// returns for the next call: counting the words of every page makes no
// string but for a word not seen before.
func eachWord(text string, buf []byte, f func(word []byte)) []byte {
	start := -1
	end := func(i int) {
		w := text[start:i]
		start = -1
		if strings.IndexFunc(w, unicode.IsLower) < 0 {
			return
		}
		buf = buf[:0]
		for _, r := range w {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		f(buf)
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			end(i)
		}
	}
	if start >= 0 {
		end(len(text))
	}
	return buf
}

// counter counts words.
type counter struct {
	index map[string]int // of each word's count in n
	n     []int
}

func newCounter() *counter { return &counter{index: map[string]int{}} }

func (c *counter) add(word []byte) {
	if i, ok := c.index[string(word)]; ok {
		c.n[i]++
		return
	}
	c.index[string(word)] = len(c.n)
	c.n = append(c.n, 1)
}

// of is how often word was counted.
func (c *counter) of(word string) int {
	if i, ok := c.index[word]; ok {
		return c.n[i]
	}
	return 0
}

// wordCounts counts the words of one language's pages: in all their text,
// and outside quotes and parentheses.
type wordCounts struct {
	all, outside *counter
}

// foreignLanguage returns the language other than lang that phrase is
// probably in, or "": none of its words occurs in the running text of
// lang's pages, and most of them occur in that language's pages, at least
// one in their running text (a phrase quoted alike in both languages, and
// nowhere else, could be either). A word found in neither (a place name, a
// rare word) counts for neither.
func foreignLanguage(phrase, lang string, words map[string]wordCounts, s *site.Site) string {
	ws := wordsOf(phrase)
	if len(ws) == 0 {
		return ""
	}
	for _, w := range ws {
		if wc, ok := words[lang]; ok && wc.outside.of(w) > 0 {
			return ""
		}
	}
	for _, l := range s.Config.Languages {
		if l.Code == lang {
			continue
		}
		known, running := 0, false
		for _, w := range ws {
			wc, ok := words[l.Code]
			if !ok {
				continue
			}
			if wc.all.of(w) > 0 {
				known++
			}
			running = running || wc.outside.of(w) > 0
		}
		if running && 2*known > len(ws) {
			return l.Code
		}
	}
	return ""
}
