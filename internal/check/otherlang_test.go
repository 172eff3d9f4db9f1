package check

import (
	"slices"
	"strings"
	"testing"
)

// TestUnmarkedLanguage checks the bilingual site with pages that quote
// and parenthesise phrases in the other language, unmarked, marked by the
// editor, and named in the glossary.
func TestUnmarkedLanguage(t *testing.T) {
	fiPage := "---\ntitle: Poikkeusajan dialogit\nsummary: Keskustelut poikkeusaikana.\nslug: poikkeusajan-dialogit\npublished: 2026-11-23\n---\n" +
		"Poikkeusajan dialogit (Lockdown Dialogues) kokosivat ihmisiä.\n\n" + // line 7
		"Hanke ”Do you know your neighbour” tutki niitä.\n\n" + // line 9
		"Teeman nimi oli ”tekoäly ja avoimuus”, ja tekoäly ja avoimuus ovat yhä tärkeitä (lue opengov.fi) (OECD).\n\n" + // line 11
		"Merkitty: [”Do you know your neighbour”]{lang=en} ja `(Lockdown Dialogues)`.\n"
	enPage := "---\ntitle: Lockdown Dialogues\nsummary: \"Conversations during the lockdown (Poikkeusajan dialogit).\"\nslug: lockdown-dialogues\npublished: 2026-11-23\n---\n" +
		"The Lockdown Dialogues brought people together, and you could take part. The research project \"Do you know your neighbour\" studied them.\n"
	base := overlay(goldenSite(t, "bilingual"), map[string]string{
		"content/practices/dialogues.fi.md": fiPage,
		"content/practices/dialogues.en.md": enPage,
	})
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{{
		name: "unmarked",
		want: []string{
			"content/practices/dialogues.en.md:3:10 unmarked-language",
			"content/practices/dialogues.fi.md:7:24 unmarked-language",
			"content/practices/dialogues.fi.md:9:8 unmarked-language",
		},
	}, {
		name:  "names in the glossary",
		files: map[string]string{"content/_glossary.toml": "[[names]]\ntext = \"Lockdown Dialogues\"\nlang = \"en\"\n[[names]]\ntext = \"Poikkeusajan dialogit\"\nlang = \"fi\"\n"},
		want:  []string{"content/practices/dialogues.fi.md:9:8 unmarked-language"},
	}, {
		name: "marked by the editor",
		files: map[string]string{"content/practices/dialogues.fi.md": strings.Replace(strings.Replace(fiPage,
			"(Lockdown Dialogues)", "([Lockdown Dialogues]{lang=en})", 1), "”Do you know your neighbour”", "”[Do you know your neighbour]{lang=en}”", 1)},
		want: []string{"content/practices/dialogues.en.md:3:10 unmarked-language"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			var msgs []string
			for _, f := range runCheck(t, overlay(base, tc.files)) {
				if f.Code == CodeUnmarkedLanguage {
					got = append(got, short(f))
					msgs = append(msgs, f.Msg)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("got\n%s\nwant\n%s\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"), strings.Join(msgs, "\n"))
			}
			if tc.name == "unmarked" {
				want := `"Lockdown Dialogues" looks like en text on a fi page: its words occur only in en pages (mark it: [Lockdown Dialogues]{lang=en}, or, if it is a name, add it to content/_glossary.toml)`
				if !slices.Contains(msgs, want) {
					t.Errorf("messages lack\n%s\ngot\n%s", want, strings.Join(msgs, "\n"))
				}
			}
		})
	}
}

func TestPhrases(t *testing.T) {
	rest, found := phrases(`A (b c) “d” ”e f” "g" (h (i) j) (opengov.fi) (x@example.org) «k» (unclosed`)
	var got []string
	for _, p := range found {
		got = append(got, p.text)
	}
	if want := []string{"b c", "d", "e f", "g", "k"}; !slices.Equal(got, want) {
		t.Errorf("phrases: %q, want %q", got, want)
	}
	if want := "A           j)       (unclosed"; rest != want {
		t.Errorf("rest: %q, want %q", rest, want)
	}
	if got := wordsOf("OECD:n OPSI-tiimi ja Call 2020 for"); !slices.Equal(got, []string{"n", "tiimi", "ja", "call", "for"}) {
		t.Errorf("wordsOf: %q", got)
	}
}
