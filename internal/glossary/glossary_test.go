package glossary

import (
	"strings"
	"testing"
	"testing/fstest"
)

func load(t *testing.T, src string) (*Glossary, string) {
	t.Helper()
	g, errs := Load(fstest.MapFS{File: {Data: []byte(src)}})
	if errs != nil {
		return nil, errs.Sort().Err().Error()
	}
	return g, ""
}

func TestLoadReportsEachProblemAtItsEntry(t *testing.T) {
	_, err := load(t, `[[names]]
text = "Avoin hallinto"
lang = "xx"

[[names]]
text = "#Hyvinsanottu"
lang = "fi"

[[names]]
text = "Avoin  hallinto"
lang = "FI"
`)
	for _, want := range []string{
		`content/_glossary.toml:3:1: names: "Avoin hallinto": unknown language code "xx"`,
		`content/_glossary.toml:6:1: names: "#Hyvinsanottu" must begin and end with a letter or digit`,
		`content/_glossary.toml:10:1: names: "Avoin hallinto" is listed twice`,
	} {
		if !strings.Contains(err, want) {
			t.Errorf("errors lack %q:\n%s", want, err)
		}
	}
}

func TestMissingFileIsAnEmptyGlossary(t *testing.T) {
	g, errs := Load(fstest.MapFS{})
	if errs != nil || len(g.Names()) != 0 || g.Find("Avoin hallinto", "en") != nil {
		t.Fatalf("got %v, %v", g, errs)
	}
}

func TestFind(t *testing.T) {
	g, err := load(t, `names = [
  { text = "Open Government", lang = "en" },
  { text = "Open Government Partnership", lang = "en-GB" },
  { text = "Avoin hallinto", lang = "fi" },
  { text = "OECD", lang = "en" },
]`)
	if err != "" {
		t.Fatal(err)
	}
	cases := []struct {
		text, lang string
		want       []string
	}{
		{"Open Government Partnership ja Open Government -työ", "fi", []string{"Open Government Partnership/en-GB", "Open Government/en"}},
		{"Open Government Partnership in English", "en", nil},
		{"the Avoin hallinto site, Avoin hallintoa", "en", []string{"Avoin hallinto/fi"}},
		{"XOECD OECDs OECD:n (OECD)", "fi", []string{"OECD/en", "OECD/en"}},
		{"Avoin hallinto", "fi-FI", nil},
	}
	for _, c := range cases {
		var got []string
		for _, m := range g.Find(c.text, c.lang) {
			got = append(got, c.text[m.Start:m.End]+"/"+m.Lang)
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("Find(%q, %s) = %v, want %v", c.text, c.lang, got, c.want)
		}
	}
}

func TestParseTag(t *testing.T) {
	for code, want := range map[string]string{"fi": "fi", "EN": "en", "en-gb": "en-GB", "sv-FI": "sv-FI", "se": "se", "fin": "fi"} {
		if got, err := ParseTag(code); err != nil || got != want {
			t.Errorf("ParseTag(%q) = %q, %v; want %q", code, got, err, want)
		}
	}
	for _, bad := range []string{"", "xx", "und", "english", "f", "en_GB!", "zz-FI"} {
		if got, err := ParseTag(bad); err == nil {
			t.Errorf("ParseTag(%q) = %q, want an error", bad, got)
		}
	}
}
