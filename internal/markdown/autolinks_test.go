package markdown

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/bench/gensite"
	"github.com/yuin/goldmark/parser"
)

// autolinkCases are bodies around the edges of Linkify: links says
// whether Linkify changes the HTML of src.
var autolinkCases = []struct {
	src   string
	links bool
}{
	{"Plain text, no links.\n", false},
	{"A [link](../a.md) and **bold** text.\n", false},
	{"See http://example.org today.\n", true},
	{"https://example.org at the head of a line.\n", true},
	{"In brackets (www.example.org).\n", true},
	{"Emphasis *www.example.org* and _https://example.org_ and ~~ftp://example.org~~.\n", true},
	{">www.example.org\n", true},
	{"| a |\n|---|\n|https://example.org|\n", true},
	{"- http://example.org\n", true},
	{"Write to kirjaamo@example.fi.\n", true},
	{"An unclosed [label](https://example.org and more.\n", true},
	{"An inline link [to a site](https://example.org).\n", false},
	{"Glued: xhttp://example.org and nowww.example.org.\n", false},
	{"Code `http://example.org` stays code.\n", false},
}

// TestMayAutolink checks mayAutolink on the cases: wherever Linkify
// changes the HTML it must say true, and text where no URL can start
// gets false.
func TestMayAutolink(t *testing.T) {
	c := New("en")
	for _, tc := range autolinkCases {
		full, plain := render(t, c.md, tc.src), render(t, c.noAutolinks, tc.src)
		if changed := full != plain; changed != tc.links {
			t.Errorf("Linkify on %q: changes the HTML %v, the case says %v:\n%s", tc.src, changed, tc.links, full)
		}
		if tc.links && !mayAutolink([]byte(tc.src)) {
			t.Errorf("mayAutolink(%q) = false, but Linkify links it:\n%s", tc.src, full)
		}
	}
	for _, src := range []string{"Plain text.\n", "A [link](../a.md).\n", "Glued: xhttp://example.org and nowww.example.org.\n"} {
		if mayAutolink([]byte(src)) {
			t.Errorf("mayAutolink(%q) = true; it should leave Linkify out", src)
		}
	}
}

// TestNoAutolinksRendersTheSame renders every body mayAutolink passes
// over, with and without Linkify, and wants the same HTML: the site's own
// pages, a generated site's pages and the edge cases above.
func TestNoAutolinksRendersTheSame(t *testing.T) {
	bodies := map[string]string{}
	for i, tc := range autolinkCases {
		bodies["case "+string(rune('a'+i))] = tc.src
	}
	addBodies(t, bodies, os.DirFS("../../content"))
	gen := t.TempDir()
	if err := gensite.Write(gen, 30); err != nil {
		t.Fatal(err)
	}
	addBodies(t, bodies, os.DirFS(filepath.Join(gen, "content")))

	skipped := 0
	for name, src := range bodies {
		for _, lang := range []string{"fi", "en"} {
			c := New(lang)
			full, plain := render(t, c.md, src), render(t, c.noAutolinks, src)
			if full == plain {
				continue
			}
			if !mayAutolink([]byte(src)) {
				t.Errorf("%s (%s): Linkify changes the HTML but mayAutolink says it cannot:\n%s\nwithout Linkify:\n%s", name, lang, full, plain)
			}
		}
		if !mayAutolink([]byte(src)) {
			skipped++
		}
	}
	if skipped < len(bodies)/2 {
		t.Errorf("Linkify is left out of only %d of %d bodies", skipped, len(bodies))
	}
}

// addBodies adds the Markdown body of every page in fsys.
func addBodies(t testing.TB, bodies map[string]string, fsys fs.FS) {
	t.Helper()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		// The body follows the second --- line.
		parts := bytes.SplitN(src, []byte("---\n"), 3)
		if len(parts) != 3 {
			t.Fatalf("%s: no front matter", p)
		}
		bodies[p] = string(parts[2])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func render(t *testing.T, md interface {
	Convert([]byte, io.Writer, ...parser.ParseOption) error
}, src string) string {
	t.Helper()
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	ctx.Set(stateKey, &docState{file: file(src), links: func(string) (string, string, error) { return "/x/", "", nil }})
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf, parser.WithContext(ctx)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// BenchmarkMayAutolink runs the check on a generated practice's body, as
// every page does before it is rendered.
func BenchmarkMayAutolink(b *testing.B) {
	bodies := map[string]string{}
	dir := b.TempDir()
	if err := gensite.Write(dir, 1); err != nil {
		b.Fatal(err)
	}
	addBodies(b, bodies, os.DirFS(filepath.Join(dir, "content")))
	src := []byte(bodies["good-practices/p-00001.en.md"])
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if mayAutolink(src) {
			b.Fatal("a generated practice has no bare URL")
		}
	}
}
