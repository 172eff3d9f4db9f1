package markdown

import (
	"errors"
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
		"&rdquo;lainaus&rdquo;", `<td style="text-align:right">2</td>`, `<input checked="" disabled="" type="checkbox"`,
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
