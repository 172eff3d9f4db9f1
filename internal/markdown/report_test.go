package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	links := func(dest string) (string, string, error) { return "/fi/a/", "", nil }
	src := "## Mistä on kyse\n\nKatso [A](../a.md#x) ja [B](/fi/b/) ja https://example.org/y.\n\n" +
		"![Kuva](kuva.png) ![](ilman.png)\n\n### Oma {#oma}\n"
	var buf bytes.Buffer
	r, errs := New("fi").ConvertReport(&buf, file(src), links)
	if errs != nil {
		t.Fatal(errs)
	}
	var got []string
	for _, l := range r.Links {
		got = append(got, fmt.Sprintf("link %s -> %s at %v", l.Dest, l.Href, l.Pos))
	}
	for _, img := range r.Images {
		got = append(got, fmt.Sprintf("image %s alt=%v at %v", img.Src, img.HasAlt, img.Pos))
	}
	for _, h := range r.Headings {
		got = append(got, fmt.Sprintf("h%d #%s at %v", h.Level, h.ID, h.Pos))
	}
	want := []string{
		"link ../a.md#x -> /fi/a/ at content/x.fi.md:7:7",
		"link /fi/b/ -> /fi/b/ at content/x.fi.md:7:25",
		"link https://example.org/y -> https://example.org/y at content/x.fi.md:7:40",
		"image kuva.png alt=true at content/x.fi.md:9:1",
		"image ilman.png alt=false at content/x.fi.md:9:19",
		"h2 #mista-on-kyse at content/x.fi.md:5:4",
		"h3 #oma at content/x.fi.md:11:5",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Every href is what the HTML has.
	for _, l := range r.Links {
		if !strings.Contains(buf.String(), `href="`+l.Href+`"`) {
			t.Errorf("the HTML has no href %q:\n%s", l.Href, buf.String())
		}
	}
}
