package markdown

import (
	"strings"
	"testing"
)

// FuzzLangParts renders any Markdown with the language syntax and the
// glossary: it must not panic, and every span and container it opens it
// closes.
func FuzzLangParts(f *testing.F) {
	for _, seed := range []string{
		"The [Avoin hallinto]{lang=fi} site.",
		"[a [b]{lang=sv} c]{lang=fi} [x](y) [z]{lang=",
		"[[[]{lang=fi}]]{lang=en}]",
		"::: lang=fi\nTeksti\n\n:::: {lang=en}\nText\n::::\n:::\n",
		"::: lang=xx\n[Open Government\nPartnership]{lang=en}\n",
		"## Hyvinsanottu {lang=fi}\n\n`[a]{lang=fi}` Koneen\nSäätiö *Avoin* hallinto",
		"> ::: lang=fi\n> - Avoin hallinto\n",
	} {
		f.Add(seed)
	}
	g := testGlossary(f)
	c := New("en", WithGlossary(g))
	f.Fuzz(func(t *testing.T, src string) {
		html, _ := c.Convert(file(src), nil)
		s := string(html)
		if o, c := strings.Count(s, "<span"), strings.Count(s, "</span>"); o != c {
			t.Fatalf("%d <span> and %d </span> in\n%s", o, c, s)
		}
		if o, c := strings.Count(s, "<div"), strings.Count(s, "</div>"); o != c {
			t.Fatalf("%d <div> and %d </div> in\n%s", o, c, s)
		}
	})
}
