// Package glossary reads content/_glossary.toml, the names that stay in
// their own language whatever the page's language (programmes, networks,
// organisations, titles of works), and finds them in text: longest name
// first, whole words only, and only where the text around them is in
// another language. It also checks language codes (BCP 47), for the
// glossary and for the passages editors mark by hand.
package glossary

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/decode"
	"github.com/opengov-fi/opengov/internal/diag"
	"golang.org/x/text/language"
)

// File is where the glossary is, below the site root.
var File = path.Join(content.Dir, "_glossary.toml")

// Name is one entry: a name as written, and the language it is in.
type Name struct {
	Text string `fm:"text,required"`
	Lang string `fm:"lang,required"`
}

// Glossary is the site's names, indexed by their first word. The zero
// value and nil are empty glossaries.
type Glossary struct {
	names   []*Name
	byFirst map[string][]*Name // first word -> names, longest first
}

type glossaryFile struct {
	Names []*Name `fm:"names"`
}

// Load reads File from fsys. A site without one has an empty glossary.
func Load(fsys fs.FS) (*Glossary, diag.List) {
	src, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		return New(nil), nil
	}
	if err != nil {
		return nil, diag.List{{Pos: diag.Pos{File: File}, Msg: "cannot read the glossary: " + err.Error()}}
	}
	root, errs := decode.ParseTOML(src, File, 1)
	if errs != nil {
		return nil, errs
	}
	var gf glossaryFile
	if errs := decode.Into(root, &gf, File, decode.Options{}); errs != nil {
		return nil, errs
	}
	items := root.Get("names")
	seen := map[string]bool{}
	for i, n := range gf.Names {
		pos := func(key string) diag.Pos {
			if items == nil || i >= len(items.Items) {
				return diag.Pos{File: File, Line: 1}
			}
			at := items.Items[i]
			if v := at.Get(key); v != nil {
				at = v
			}
			return diag.Pos{File: File, Line: at.Line, Col: at.Col}
		}
		n.Text = strings.Join(strings.Fields(n.Text), " ")
		tag, err := ParseTag(n.Lang)
		if err != nil {
			errs.Add(pos("lang"), "names: %q: %v", n.Text, err).Hint = TagHint
		}
		n.Lang = tag
		first, _ := utf8.DecodeRuneInString(n.Text)
		last, _ := utf8.DecodeLastRuneInString(n.Text)
		if !isWord(first) || !isWord(last) {
			errs.Add(pos("text"), "names: %q must begin and end with a letter or digit", n.Text).Hint = "write the name without the punctuation around it"
		}
		if seen[n.Text] {
			errs.Add(pos("text"), "names: %q is listed twice", n.Text).Hint = "remove one of them"
		}
		seen[n.Text] = true
	}
	if errs != nil {
		return nil, errs
	}
	return New(gf.Names), nil
}

// New returns a glossary of names, whose Lang must be valid tags.
func New(names []*Name) *Glossary {
	g := &Glossary{names: names, byFirst: map[string][]*Name{}}
	for _, n := range names {
		w := firstWord(n.Text, 0)
		g.byFirst[w] = append(g.byFirst[w], n)
	}
	for _, list := range g.byFirst {
		slices.SortStableFunc(list, func(a, b *Name) int { return len(b.Text) - len(a.Text) })
	}
	return g
}

// Names lists the entries in the file's order.
func (g *Glossary) Names() []*Name {
	if g == nil {
		return nil
	}
	return g.names
}

// Match is a name found in a text: text[Start:End] is in language Lang.
type Match struct {
	Start, End int
	Lang       string
}

// Find returns the names in text that are in another language than lang,
// the language of the text around them: at each word, the longest name
// that starts there and ends at the end of a word; matches do not overlap.
func (g *Glossary) Find(text, lang string) []Match {
	if g == nil || len(g.byFirst) == 0 {
		return nil
	}
	var out []Match
	prev := rune(-1)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWord(r) || isWord(prev) {
			prev = r
			i += size
			continue
		}
		end := 0
		for _, n := range g.byFirst[firstWord(text, i)] {
			if strings.HasPrefix(text[i:], n.Text) && wordEnds(text, i+len(n.Text)) {
				if !SameLanguage(n.Lang, lang) {
					out = append(out, Match{Start: i, End: i + len(n.Text), Lang: n.Lang})
					end = i + len(n.Text)
				} else {
					// A name in the text's own language: skip it whole,
					// so that a shorter name inside it is not marked.
					end = i + len(n.Text)
				}
				break
			}
		}
		if end > 0 {
			prev, _ = utf8.DecodeLastRuneInString(text[:end])
			i = end
			continue
		}
		prev = r
		i += size
	}
	return out
}

// firstWord returns the word of text that starts at i.
func firstWord(text string, i int) string {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isWord(r) {
			break
		}
		j += size
	}
	return text[i:j]
}

func wordEnds(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return i >= len(text) || !isWord(r)
}

func isWord(r rune) bool { return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// TagHint tells an editor what a language code looks like.
const TagHint = "write a BCP 47 language code, such as fi, en, sv or se"

// ParseTag checks a language code and returns it in its canonical form
// ("EN" gives "en"): it must be well-formed BCP 47 and name a language
// that exists.
func ParseTag(code string) (string, error) {
	if code == "" {
		return "", fmt.Errorf("the language code is empty")
	}
	tag, err := language.Parse(code)
	if err != nil {
		return "", fmt.Errorf("unknown language code %q", code)
	}
	if s := tag.String(); s == "und" || strings.HasPrefix(s, "und-") {
		return "", fmt.Errorf("unknown language code %q", code)
	}
	return tag.String(), nil
}

// SameLanguage reports whether two language tags have the same primary
// language ("en" and "en-GB" do).
func SameLanguage(a, b string) bool {
	a, _, _ = strings.Cut(a, "-")
	b, _, _ = strings.Cut(b, "-")
	return strings.EqualFold(a, b)
}
