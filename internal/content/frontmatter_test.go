package content

import (
	"bytes"
	"testing"

	"github.com/adrg/frontmatter"
)

// FuzzSplitFrontMatter checks that splitFrontMatter cuts every input as
// adrg/frontmatter, which the loader used before, does.
func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\n---\nBody\n",
		"\n \n---\ntitle: A\n---", // blank lines first; closed at the end of the file
		"+++\ntitle = 'A'\n+++\r\nBody",
		"  ---  \r\ntitle: A\r\n --- \r\n\r\nBody\r\n",
		"---\ntitle: A\n",         // not closed
		"---",                     // no newline after the opening line
		"title: A\n---\n",         // no opening line
		"---\ntitle: A\n+++\n",    // closed by the other delimiter
		"+++\n---\n+++\n",         // the other delimiter inside
		"---\n---\nBody",          // empty
		"\xef\xbb\xbf---\nx\n---", // a BOM (normalize strips it before)
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var wantRaw []byte
		var wantFormat string
		capture := func(name string) frontmatter.UnmarshalFunc {
			return func(data []byte, _ any) error { wantRaw, wantFormat = data, name; return nil }
		}
		body, err := frontmatter.MustParse(bytes.NewReader(src), nil,
			frontmatter.NewFormat("---", "---", capture("yaml")),
			frontmatter.NewFormat("+++", "+++", capture("toml")),
		)
		raw, format, bodyStart, ok := splitFrontMatter(src)
		if ok != (err == nil) {
			t.Fatalf("%q: found %v, adrg/frontmatter's error %v", src, ok, err)
		}
		if !ok {
			return
		}
		if !bytes.Equal(raw, wantRaw) || format != wantFormat || !bytes.Equal(src[bodyStart:], body) {
			t.Errorf("%q: front matter %q (%s), body %q; adrg/frontmatter: %q (%s), %q", src, raw, format, src[bodyStart:], wantRaw, wantFormat, body)
		}
	})
}
