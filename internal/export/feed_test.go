package export

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// encodingXML is the feed as encoding/xml writes it, by the struct tags.
func encodingXML(t *testing.T, f *atomFeed) []byte {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		t.Fatal(err)
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}

// FuzzAtom checks that a feed is written as encoding/xml writes it, with
// any text in any of its fields, entries or none, in the feed's language
// or another, with categories or none.
func FuzzAtom(f *testing.F) {
	for _, s := range []string{"", "plain", `"quoted" 'single' & <tag>`, "tab\tnew\nline\r", "\x00\x1f\x7f control",
		"ä ö å – ”Finnish”", "\u2028\u2029\ufffe\uffff", "bad \xff\xfe utf-8", "\xef\xbf\xbd", "emoji 🎉"} {
		f.Add(s, 2)
	}
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, s string, entries int) {
		feed := atomFeed{Lang: "fi", Title: s + " – Avoin hallinto", ID: "https://example.org/" + s,
			Links:   []atomLink{{Rel: "self", Type: "application/atom+xml", Href: s}, {Rel: "alternate", Href: s}},
			Updated: s, Author: atomAuthor{Name: s}}
		for i := range entries % 4 {
			e := atomEntry{Title: s, ID: s, Link: atomLink{Rel: "alternate", Type: s, Href: s}, Published: s, Updated: s, Summary: s}
			if i%2 == 1 {
				e.Lang = "en"
			}
			for range i {
				e.Categories = append(e.Categories, atomCategory{Term: s, Label: s})
			}
			feed.Entries = append(feed.Entries, e)
		}
		if got, want := feed.appendTo(nil), encodingXML(t, &feed); !bytes.Equal(got, want) {
			t.Errorf("the feed of %q is\n%s\nencoding/xml writes\n%s", s, got, want)
		}
	})
}
