package build

import (
	"bytes"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/bench/gensite"
	"golang.org/x/net/html"
)

// feedLink is a page's link to an Atom feed.
var feedLink = regexp.MustCompile(`<link rel="alternate" type="application/atom\+xml" href="([^"]+)"`)

// pageBudget is the most an HTML page may weigh, uncompressed.
const pageBudget = 150_000

// budgetPagesPerLang is the size of the generated site the budget is
// checked on: 200 practices per language, or OPENGOV_BUDGET_PAGES (the
// budget was set for 5,000: OPENGOV_BUDGET_PAGES=5000 go test ./internal/build
// -run PageWeight). Every list is paginated, so no page grows with the
// site beyond the digits of its counts and its pager.
func budgetPagesPerLang() int {
	if n, err := strconv.Atoi(os.Getenv("OPENGOV_BUDGET_PAGES")); err == nil && n > 0 {
		return n
	}
	return 200
}

// TestPageWeightBudget builds a generated site and checks that no HTML
// page is over the budget, and that every list of good practices is
// paginated with a pager: a nav with a label, one link marked as the
// current page, and rel="prev" and rel="next" where there is a page
// before or after.
func TestPageWeightBudget(t *testing.T) {
	dir := t.TempDir()
	if err := gensite.Write(dir, budgetPagesPerLang()); err != nil {
		t.Fatal(err)
	}
	res, errs := Run(os.DirFS(dir), Options{})
	if errs != nil {
		t.Fatal(errs)
	}
	largest, largestPath, pagers, feeds := 0, "", 0, 0
	written := map[string]bool{}
	for _, f := range res.Files {
		written["/"+f.Path] = true
	}
	for _, f := range res.Files {
		if path.Ext(f.Path) != ".html" {
			continue
		}
		// The feeds a page links to in its head exist: a later page of a
		// list links to its list's feed, not to one of its own.
		for _, m := range feedLink.FindAllSubmatch(f.Data, -1) {
			feeds++
			if !written[string(m[1])] {
				t.Errorf("%s links to the feed %s, which the build does not write", f.Path, m[1])
			}
		}
		if len(f.Data) > largest {
			largest, largestPath = len(f.Data), f.Path
		}
		if len(f.Data) > pageBudget {
			t.Errorf("%s weighs %d bytes, over the budget of %d", f.Path, len(f.Data), pageBudget)
		}
		if bytes.Contains(f.Data, []byte(`class="pager"`)) {
			pagers++
			checkPager(t, f.Path, f.Data)
		}
	}
	t.Logf("largest page %s: %d bytes; %d pages with a pager; %d feed links", largestPath, largest, pagers, feeds)
	for _, want := range []string{"fi/hyvat-kaytannot/sivu/2/index.html", "en/good-practices/page/2/index.html", "en/good-practices/themes/dialogue/page/2/index.html"} {
		found := false
		for _, f := range res.Files {
			found = found || f.Path == want
		}
		if !found {
			t.Errorf("%s was not built", want)
		}
	}
}

// checkPager checks the pager of one page.
func checkPager(t *testing.T, name string, data []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var nav *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "nav" && attrOf(n, "class") == "pager" {
			nav = n
		}
		for c := n.FirstChild; c != nil && nav == nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if nav == nil || attrOf(nav, "aria-label") == "" {
		t.Fatalf("%s: no pager nav with a label", name)
	}
	var current []string
	rels := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			if attrOf(n, "aria-current") == "page" {
				current = append(current, attrOf(n, "href"))
			}
			rels[attrOf(n, "rel")] = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(nav)
	self := "/" + strings.TrimSuffix(name, "index.html")
	if len(current) != 1 || current[0] != self {
		t.Errorf("%s: links marked current: %v, want %s", name, current, self)
	}
	first := !strings.Contains(name, "/sivu/") && !strings.Contains(name, "/page/")
	if rels["prev"] == first {
		t.Errorf("%s: rel=prev %v on a page that is first: %v", name, rels["prev"], first)
	}
	if !rels["prev"] && !rels["next"] {
		t.Errorf("%s: neither previous nor next", name)
	}
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
