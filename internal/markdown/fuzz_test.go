package markdown

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/minifier"
)

// FuzzConvert converts a fuzzed Markdown body in Finnish or English and
// minifies the HTML as a build does: nothing may panic, every error is
// inside the body, UTF-8 in gives UTF-8 out, and no heading takes an id
// the templates use.
func FuzzConvert(f *testing.F) {
	root := filepath.Join("..", "..", "content")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if _, body, ok := bytes.Cut(data, []byte("\n---\n")); ok {
			f.Add(body, strings.HasSuffix(p, ".fi.md"))
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("## Main\n\n## A {#main}\n\n[x](../a.md#b) www.example.org[^1]\n\n[^1]: y\n"), false)
	converters := map[bool]*Converter{true: New("fi"), false: New("en")}
	m := minifier.New()
	links := func(dest string) (string, string, error) { return "/fi/" + content.Slugify(dest) + "/", "", nil }
	f.Fuzz(func(t *testing.T, body []byte, fi bool) {
		file := &content.File{Path: "content/x.fi.md", Body: body, BodyLine: 5}
		var buf bytes.Buffer
		errs := converters[fi].ConvertTo(&buf, file, links)
		lines := bytes.Count(body, []byte("\n")) + 1
		for _, e := range errs {
			if e.Pos.File != file.Path || e.Pos.Line < 5 || e.Pos.Line > 5+lines {
				t.Errorf("error outside the body (lines 5 to %d): %v", 5+lines, e)
			}
		}
		html := buf.Bytes()
		if utf8.Valid(body) && !utf8.Valid(html) {
			t.Errorf("UTF-8 in, not UTF-8 out: %q", html)
		}
		for _, id := range []string{`id="main"`, `id="facts-title"`, `id="listing-title"`} {
			if bytes.Contains(html, []byte(id)) && !bytes.Contains(body, []byte("{#")) {
				t.Errorf("a heading took %s", id)
			}
		}
		if _, err := minifier.File(m, "x.html", html); err != nil {
			t.Errorf("minify: %v", err)
		}
	})
}
