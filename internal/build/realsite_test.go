package build

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The site in this repository, built as ./build.sh builds it.
const repoRoot = "../.."

func buildRepo(t *testing.T) *Result {
	t.Helper()
	res, errs := Run(os.DirFS(repoRoot), Options{})
	if errs != nil {
		t.Fatalf("the site does not build:\n%v", errs)
	}
	return res
}

func TestRealSiteIsDeterministic(t *testing.T) {
	a, b := buildRepo(t), buildRepo(t)
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between two builds", a.Files[i].Path)
		}
	}
}

func TestRealSiteHasEveryPageInEveryLanguage(t *testing.T) {
	res := buildRepo(t)
	for _, p := range res.Site.Pages {
		for _, l := range res.Site.Config.Languages {
			if p.Translation(l.Code) == nil {
				t.Errorf("%s has no %s translation (add %s.%s.md)", p.File.Path, l.Code, p.SourceKey(), l.Code)
			}
		}
	}
}

// page is what the checks read from one HTML file.
type page struct {
	canonical  string
	alternates map[string]string // hreflang -> URL
	links      []string          // href and src values
}

func parsePage(t *testing.T, name string, data []byte) page {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	p := page{alternates: map[string]string{}}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			switch {
			case n.Data == "link" && attr["rel"] == "canonical":
				p.canonical = attr["href"]
			case n.Data == "link" && attr["rel"] == "alternate" && attr["hreflang"] != "":
				if _, dup := p.alternates[attr["hreflang"]]; dup {
					t.Errorf("%s: two alternates for %s", name, attr["hreflang"])
				}
				p.alternates[attr["hreflang"]] = attr["href"]
			}
			for _, k := range []string{"href", "src"} {
				if v, ok := attr[k]; ok {
					p.links = append(p.links, v)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return p
}

func TestRealSiteLinksAndAlternates(t *testing.T) {
	res := buildRepo(t)
	base := res.Site.Config.BaseURL
	basePath := res.Site.Config.BasePath()
	files := map[string]bool{}
	pages := map[string]page{} // canonical URL -> page
	var all []page
	var names []string
	for _, f := range res.Files {
		files[f.Path] = true
		if path.Ext(f.Path) == ".html" {
			p := parsePage(t, f.Path, f.Data)
			all, names = append(all, p), append(names, f.Path)
			if p.canonical != "" {
				pages[p.canonical] = p
			}
		}
	}
	// Every internal link and asset resolves to a built file.
	exists := func(target string) bool {
		u, err := url.Parse(target)
		if err != nil {
			return false
		}
		rel := strings.TrimPrefix(u.Path, basePath)
		return files[rel] || files[path.Join(rel, "index.html")] || (rel == "" && files["index.html"])
	}
	for i, p := range all {
		for _, link := range p.links {
			if strings.HasPrefix(link, basePath) && !exists(link) {
				t.Errorf("%s: broken link %s", names[i], link)
			}
		}
	}
	// hreflang: each page names itself and every translation, and each
	// translation names the same set.
	for canonical, p := range pages {
		if p.alternates["x-default"] != base {
			t.Errorf("%s: x-default is %q", canonical, p.alternates["x-default"])
		}
		if !slices.Contains(mapValues(p.alternates), canonical) {
			t.Errorf("%s: its hreflang links do not include itself", canonical)
		}
		for lang, u := range p.alternates {
			if lang == "x-default" {
				continue
			}
			other, ok := pages[u]
			if !ok {
				t.Errorf("%s: alternate %s %s is not a page of the site", canonical, lang, u)
				continue
			}
			if !mapsEqual(other.alternates, p.alternates) {
				t.Errorf("%s and %s disagree on their alternates:\n%v\n%v", canonical, u, p.alternates, other.alternates)
			}
		}
	}
	if len(pages) != len(res.Site.Pages)+1 { // + the root chooser
		t.Errorf("%d pages with a canonical URL, want %d", len(pages), len(res.Site.Pages)+1)
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
