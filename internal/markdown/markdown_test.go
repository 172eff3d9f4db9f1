package markdown

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/internal/content"
)

func file(body string) *content.File {
	return &content.File{Path: "content/x.fi.md", Body: []byte(body), BodyLine: 5}
}

func TestConvert(t *testing.T) {
	links := func(dest string) (string, string, error) {
		switch dest {
		case "../a.md":
			return "/fi/a/", "", nil
		case "b.md#kohta":
			return "/en/b/#kohta", "en", nil
		}
		return "", "", errors.New("no such page")
	}
	src := "## Miksi tämä on tärkeää?\n\n## Miksi tämä on tärkeää?\n\n## Oma {#oma}\n\n" +
		"Katso [A](../a.md) ja [B](b.md#kohta), [ulkoinen](https://example.org/x.md) ja \"lainaus\".\n\n" +
		"| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] tehty\n\n~~pois~~ teksti[^1]\n\n[^1]: Alaviite.\n\n<script>alert(1)</script>\n"
	html, errs := New("fi").Convert(file(src), links)
	if errs != nil {
		t.Fatal(errs.Err())
	}
	for _, want := range []string{
		`<h2 id="miksi-tama-on-tarkeaa">`, `<h2 id="miksi-tama-on-tarkeaa-1">`, `<h2 id="oma">`,
		`<a href="/fi/a/">A</a>`, `<a href="/en/b/#kohta" hreflang="en">B</a>`, `<a href="https://example.org/x.md">`,
		"&rdquo;lainaus&rdquo;", `<td class="align-right">2</td>`, `<input checked="" disabled="" type="checkbox"`,
		"<del>pois</del>", `class="footnotes"`, "<!-- raw HTML omitted -->",
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("output lacks %s:\n%s", want, html)
		}
	}
	en, _ := New("en").Convert(file(`"quoted"`), nil)
	if !strings.Contains(string(en), "&ldquo;quoted&rdquo;") {
		t.Errorf("English quotes: %s", en)
	}
}

func TestBrokenLinksArePositioned(t *testing.T) {
	links := func(string) (string, string, error) { return "", "", errors.New("no such page") }
	_, errs := New("en").Convert(file("# Title\n\nText and a [broken link](../missing.md)\nand [another](./gone.md).\n"), links)
	got := errs.Err().Error()
	want := "content/x.fi.md:7:12: link to ../missing.md: no such page"
	if !strings.HasPrefix(got, want) || !strings.Contains(got, "content/x.fi.md:8:5: link to ./gone.md") {
		t.Fatalf("got\n%s\nwant first\n%s", got, want)
	}
}

func TestHeadingsDoNotTakeTheTemplatesIDs(t *testing.T) {
	src := "## Main\n\n## Main\n\n## Facts title\n\n## Lang FI\n\n## Listing title\n\n## Open data title\n\n## Facets title\n"
	html, errs := New("en").Convert(file(src), nil)
	if errs != nil {
		t.Fatal(errs.Err())
	}
	for _, want := range []string{`id="main-1"`, `id="main-2"`, `id="facts-title-1"`, `id="lang-fi-1"`, `id="listing-title-1"`, `id="open-data-title-1"`, `id="facets-title-1"`} {
		if !strings.Contains(string(html), want) {
			t.Errorf("output lacks %s:\n%s", want, html)
		}
	}
	for _, id := range []string{"main", "facts-title", "lang-fi"} {
		if strings.Contains(string(html), `id="`+id+`"`) {
			t.Errorf("a heading took the template's id %q:\n%s", id, html)
		}
	}
	_, errs = New("en").Convert(file("## A {#main}\n\n## B {#x}\n\nText\n\n> ## C {#x}\n"), nil)
	got := errs.Error()
	for _, want := range []string{
		`content/x.fi.md:5:4: heading id "main" is used by the page layout (choose another {#id})`,
		`content/x.fi.md:11:6: heading id "x" is used twice on this page`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
}

// TestReservedCoversTheTemplates reads every literal id="..." in
// templates/ and requires it to be reserved.
func TestReservedCoversTheTemplates(t *testing.T) {
	root := filepath.Join("..", "..", "templates")
	ids := regexp.MustCompile(`\bid="([^"{]+)"|\bid="(lang-)\{\{`)
	found := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		for _, m := range ids.FindAllStringSubmatch(string(data), -1) {
			id := m[1]
			if m[2] != "" {
				id = "lang-fi"
			}
			found++
			if !Reserved(id) {
				t.Errorf("%s: id %q is not reserved in ids.go", p, id)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 5 {
		t.Errorf("only %d ids found in %s", found, root)
	}
}
