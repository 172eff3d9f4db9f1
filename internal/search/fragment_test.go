package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// fragmentFile is a fragment file as Pagefind writes it: gzip of the
// magic and the page's JSON.
func fragmentFile(t *testing.T, content string, filters map[string][]string) []byte {
	t.Helper()
	js, err := json.Marshal(map[string]any{"url": "/x/", "content": content, "filters": filters})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(append([]byte(fragmentMagic), js...))
	zw.Close()
	return b.Bytes()
}

// readAll reads files as Index does, into a Words and a Facets.
func readAll(t *testing.T, files map[string][]byte) (*Words, *Facets) {
	t.Helper()
	w, f := NewWords(), NewFacets()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		frag, ok, err := readFragment(name, files[name])
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			w.add(frag.Lang, frag.Content)
			f.add(frag)
		}
	}
	return w, f
}

func TestReadFragment(t *testing.T) {
	// Not fragments: left alone, whatever they hold.
	for _, name := range []string{"pagefind.js", "filter/fi_d.pf_filter", "index/fi_e.pf_index", "fragment/x.pf_fragment"} {
		if _, ok, err := readFragment(name, []byte("not gzip")); ok || err != nil {
			t.Errorf("%s: %v %v", name, ok, err)
		}
	}
	if _, _, err := readFragment("fragment/fi_f.pf_fragment", []byte("not gzip")); err == nil {
		t.Error("a broken fragment was read without an error")
	}
	frag, ok, err := readFragment("fragment/fi_1a2b.pf_fragment", fragmentFile(t, "Teksti", map[string][]string{"year": {"2021"}}))
	if err != nil || !ok || frag.Lang != "fi" || frag.ID != "fi_1a2b" || frag.Content != "Teksti" || frag.Filters["year"][0] != "2021" {
		t.Errorf("%+v %v %v", frag, ok, err)
	}
}

func TestWords(t *testing.T) {
	w, _ := readAll(t, map[string][]byte{
		"fragment/fi_a.pf_fragment": fragmentFile(t, "Kansalais|yhteis|kunnan osallisuus: osallisuus ja data. Sote-uudistus | x", nil),
		"fragment/fi_b.pf_fragment": fragmentFile(t, "Osallisuus ja avoimuus", nil),
		"fragment/en_c.pf_fragment": fragmentFile(t, "Open data", nil),
	})
	files, err := w.Files()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		got[f.Path] = string(f.Data)
	}
	want := map[string]string{
		// on two pages first, then alphabetically; "ja" and "x" too short;
		// the compound whole again; the hyphen the text's own
		"pagefind/words.fi.json": `["osallisuus","avoimuus","data","kansalaisyhteiskunnan","sote","uudistus"]`,
		"pagefind/words.en.json": `["data","open"]`,
	}
	for p, s := range want {
		if got[p] != s {
			t.Errorf("%s = %s, want %s", p, got[p], s)
		}
	}
	if len(got) != len(want) {
		t.Errorf("files %v", got)
	}
}

func TestFacets(t *testing.T) {
	theme := func(v ...string) map[string][]string { return map[string][]string{"theme": v, "year": {"2021"}} }
	many := map[string][]string{"year": {"2021"}}
	for i := range 40 { // more values than one base-36 digit holds
		many["n"] = append(many["n"], string(rune('a'+i/26))+string(rune('a'+i%26)))
	}
	_, f := readAll(t, map[string][]byte{
		"fragment/fi_b2.pf_fragment": fragmentFile(t, "", theme("youth", "data")),
		"fragment/fi_a1.pf_fragment": fragmentFile(t, "", theme("data")),
		"fragment/fi_c3.pf_fragment": fragmentFile(t, "", nil), // no filters: not listed
		"fragment/en_d4.pf_fragment": fragmentFile(t, "", many),
	})
	files, err := f.Files()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, file := range files {
		got[file.Path] = string(file.Data)
	}
	want := `{"ids":["a1","b2"],"filters":{"theme":{"values":["data","youth"],"pages":"0,10"},"year":{"values":["2021"],"pages":"0,0"}}}`
	if got["pagefind/facets.fi.json"] != want {
		t.Errorf("fi: %s\nwant %s", got["pagefind/facets.fi.json"], want)
	}
	var en facetsFile
	if err := json.Unmarshal([]byte(got["pagefind/facets.en.json"]), &en); err != nil {
		t.Fatal(err)
	}
	if p := en.Filters["n"].Pages; len(p) != 80 || p[:4] != "0001" || p[76:] != "1213" {
		t.Errorf("two digits a value: %s", p)
	}
}

// BenchmarkReadFragments reads 1,000 fragments of about 600 words with
// seven filters, as Index does for the word lists and the facets.
func BenchmarkReadFragments(b *testing.B) {
	t := &testing.T{}
	text := strings.Repeat("Kansalais|yhteis|kunnan osallisuus vahvistuu dialogeissa ja avoimessa datassa. ", 60)
	filters := map[string][]string{"theme": {"dialogue", "youth"}, "level": {"national"}, "country": {"FI"},
		"principle": {"a", "b"}, "stage": {"x"}, "status": {"done"}, "year": {"2021"}}
	files := map[string][]byte{}
	for i := range 1000 {
		files[fmt.Sprintf("fragment/fi_%07x.pf_fragment", i)] = fragmentFile(t, text, filters)
	}
	b.ReportAllocs()
	for b.Loop() {
		w, f := NewWords(), NewFacets()
		for name, data := range files {
			frag, _, err := readFragment(name, data)
			if err != nil {
				b.Fatal(err)
			}
			w.add(frag.Lang, frag.Content)
			f.add(frag)
		}
		if _, err := w.Files(); err != nil {
			b.Fatal(err)
		}
		if _, err := f.Files(); err != nil {
			b.Fatal(err)
		}
	}
}
