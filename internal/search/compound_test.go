package search

import (
	"strings"
	"testing"
)

// finnishPage is Finnish text in which some words appear alone and others only
// inside compounds, as on the real site.
const finnishPage = `<html lang="fi"><body><main><h1>Lasten osallisuus: OECD:n nuorisosuositus</h1>
<p>Suomi toteuttaa suositusta. Suositus koskee nuoria. Ostolaskudatan avaaminen kunnissa.</p>
<p>Avoin data ja dataa. Kunnat osallistuvat ja haluavat osallistumaan. Hyvinvointialueiden palvelut; alueiden väki.</p>
<p>Tutkijat vahvistavat tuloksia. Toiminta jatkuu. Toimintatavat ja tavat.</p>
<script src="x.js">nuorisosuositus</script><!-- ostolaskudata --></main></body></html>`

func TestCompoundsHyphenate(t *testing.T) {
	c := NewCompounds()
	c.Learn([]byte(finnishPage))
	got := string(c.Hyphenate([]byte(finnishPage)))
	for _, want := range []string{
		"OECD:n nuoriso|suositus</h1>", // the tail "suositus" is a word of the site
		"Ostolasku|datan avaaminen",    // "data" is; "ostolasku" is kept whole
		"Hyvinvointi|alueiden",         // "alueiden" is; nothing inside "hyvinvointi"
		"Toiminta|tavat",               // "tavat" after a word
		"vahvistavat tuloksia",         // a verb, not "vahvis-tavat"
		"haluavat osallistumaan",       // not "osallistu-maan"
		"<script src=\"x.js\">nuorisosuositus</script>",
		"<!-- ostolaskudata -->",
		`<html lang="fi">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

func TestKeepTitle(t *testing.T) {
	page := []byte(`<html><body><main id="main" data-pagefind-body data-x="a>b"><h1>Nuoriso|suositus</h1></main></body></html>`)
	got := string(keepTitle(page, "Nuorisosuositus & muut"))
	want := `data-x="a>b"><span data-pagefind-ignore data-pagefind-meta="title">Nuorisosuositus &amp; muut</span><h1>`
	if !strings.Contains(got, want) {
		t.Errorf("got %s", got)
	}
}

func BenchmarkHyphenate(b *testing.B) {
	c := NewCompounds()
	page := []byte(strings.Repeat(finnishPage, 20))
	c.Learn(page)
	b.ReportAllocs()
	for b.Loop() {
		c.Hyphenate(page)
	}
}
