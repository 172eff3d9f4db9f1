package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"testing"
)

// fragment is a fragment file as Pagefind writes it: gzip of the magic
// and the page's JSON.
func fragment(t *testing.T, content string) []byte {
	t.Helper()
	js, err := json.Marshal(map[string]any{"url": "/x/", "content": content})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(append([]byte(fragmentMagic), js...))
	zw.Close()
	return b.Bytes()
}

func TestWords(t *testing.T) {
	w := NewWords()
	for name, content := range map[string]string{
		"fragment/fi_a.pf_fragment": "Kansalais|yhteis|kunnan osallisuus: osallisuus ja data. Sote-uudistus | x",
		"fragment/fi_b.pf_fragment": "Osallisuus ja avoimuus",
		"fragment/en_c.pf_fragment": "Open data",
	} {
		if err := w.Add(name, fragment(t, content)); err != nil {
			t.Fatal(err)
		}
	}
	// Not fragments: left alone, whatever they hold.
	for _, name := range []string{"pagefind.js", "filter/fi_d.pf_filter", "index/fi_e.pf_index"} {
		if err := w.Add(name, []byte("not gzip")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := w.Add("fragment/fi_f.pf_fragment", []byte("not gzip")); err == nil {
		t.Error("a broken fragment was read without an error")
	}
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
