package site

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
)

const siteTOML = `base_url = "https://example.org/sub/"
default_language = "fi"
[[languages]]
code = "fi"
name = "suomi"
prefix = "fi"
locale = "fi_FI"
title = "T"
description = "D"
[[languages.menu]]
name = "Käytännöt"
page = "practices/_index"
[[languages]]
code = "en"
name = "English"
prefix = "en"
locale = "en_GB"
title = "T"
description = "D"
[[languages]]
code = "sv"
name = "svenska"
prefix = "sv"
locale = "sv_FI"
title = "T"
description = "D"
`

func page(fm string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\nBody\n")}
}

func build(t *testing.T, files fstest.MapFS, opts Options) (*Site, string) {
	t.Helper()
	files["site.toml"] = &fstest.MapFile{Data: []byte(siteTOML)}
	cfg, errs := config.Load(files, nil)
	if errs != nil {
		t.Fatal(errs.Err())
	}
	loaded, errs := content.Load(files, []string{"fi", "en", "sv"})
	if errs != nil {
		t.Fatal(errs.Err())
	}
	s, errs := New(cfg, loaded, opts)
	if errs != nil {
		return s, errs.Err().Error()
	}
	return s, ""
}

func homes() fstest.MapFS {
	return fstest.MapFS{
		"content/_index.fi.md": page("title: Etusivu"),
		"content/_index.en.md": page("title: Home"),
		"content/_index.sv.md": page("title: Hem"),
	}
}

func paths(pages []*Page) string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Path)
	}
	return strings.Join(out, " ")
}

func TestPathsSlugsAndPairing(t *testing.T) {
	fsys := homes()
	fsys["content/practices/_index.fi.md"] = page("title: Hyvät käytännöt\nslug: hyvat-kaytannot")
	fsys["content/practices/_index.en.md"] = page("title: Good practices\nslug: good-practices")
	fsys["content/practices/dialogues.fi.md"] = page("title: Dialogit\nslug: dialogit")
	fsys["content/practices/dialogues.en.md"] = page("title: Dialogues")
	fsys["content/practices/nordic/ai.sv.md"] = page("title: AI")
	// Paired by key although the file names differ.
	fsys["content/practices/vaalit.fi.md"] = page("title: Vaalit\ntranslationKey: elections")
	fsys["content/practices/elections.en.md"] = page("title: Elections\ntranslationKey: elections")
	fsys["content/practices/secret.en.md"] = page("title: Secret\ndraft: true")

	s, errs := build(t, fsys, Options{})
	if errs != "" {
		t.Fatal(errs)
	}
	want := "en/ en/good-practices/ en/good-practices/dialogues/ en/good-practices/elections/ fi/ fi/hyvat-kaytannot/ fi/hyvat-kaytannot/dialogit/ fi/hyvat-kaytannot/vaalit/ sv/ sv/practices/nordic/ai/"
	if got := paths(s.Pages); got != want {
		t.Fatalf("paths\n got %s\nwant %s", got, want)
	}
	d := s.BySource("practices/dialogues", "fi")
	if got := paths(d.Translations()); got != "fi/hyvat-kaytannot/dialogit/ en/good-practices/dialogues/" {
		t.Errorf("translations of dialogues: %s", got)
	}
	if v := s.BySource("practices/vaalit", "fi"); v.Translation("en") != s.BySource("practices/elections", "en") {
		t.Error("translationKey did not pair vaalit and elections")
	}
	// The Swedish page's parent is the Swedish home (no Swedish section).
	ai := s.BySource("practices/nordic/ai", "sv")
	if ai.Parent != s.Home["sv"] {
		t.Errorf("parent of ai: %v", ai.Parent.Path)
	}
	// Nearest translated ancestor for a page missing in English.
	if p, exact := ai.NearestIn("en"); exact || p != s.Home["en"] {
		t.Errorf("NearestIn(en) = %v %v", p.Path, exact)
	}
	if p, exact := s.BySource("practices/vaalit", "fi").NearestIn("sv"); exact || p != s.Home["sv"] {
		t.Errorf("vaalit in sv: %v", p.Path)
	}
	if got := paths(s.BySource("practices/_index", "fi").Children); got != "fi/hyvat-kaytannot/dialogit/ fi/hyvat-kaytannot/vaalit/" {
		t.Errorf("children: %s", got)
	}
	if s.RelURL(d) != "/sub/fi/hyvat-kaytannot/dialogit/" || s.AbsURL(d) != "https://example.org/sub/fi/hyvat-kaytannot/dialogit/" {
		t.Errorf("urls %s %s", s.RelURL(d), s.AbsURL(d))
	}
	if m := s.Menus["fi"]; len(m) != 1 || m[0].Page != s.BySource("practices/_index", "fi") {
		t.Errorf("menu %+v", m)
	}

	withDrafts, _ := build(t, fsys, Options{Drafts: true})
	if withDrafts.BySource("practices/secret", "en") == nil {
		t.Error("--drafts should keep drafts")
	}
}

func TestModelErrorsNameBothFiles(t *testing.T) {
	fsys := homes()
	delete(fsys, "content/_index.sv.md")
	fsys["content/a.fi.md"] = page("title: A\nslug: sama")
	fsys["content/b.fi.md"] = page("title: B\nslug: sama")
	fsys["content/c.en.md"] = page("title: C\ntranslationKey: k")
	fsys["content/d.en.md"] = page("title: D\ntranslationKey: k")
	fsys["content/e.en.md"] = page("title: E\nsumary: x")
	_, errs := build(t, fsys, Options{})
	want := []string{
		`content/_index.sv.md: the home page of language "sv" is missing (every language in site.toml needs a home page)`,
		`content/b.fi.md:1: URL /fi/sama/ is also the URL of content/a.fi.md (give one of them another slug)`,
		`content/d.en.md:1: translation key "k" is also used by content/c.en.md (each language may have one page per key: change translationKey or rename a file)`,
		`content/e.en.md:3:1: unknown field "sumary" (did you mean "summary"?)`,
		`site.toml:10:3: menu entry "Käytännöt": there is no page practices/_index in language "fi" (name a content path without language, e.g. good-practices/_index)`,
	}
	if got := strings.Split(errs, "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("errors\n got %s\nwant %s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestResolve(t *testing.T) {
	fsys := homes()
	fsys["content/practices/_index.fi.md"] = page("title: Käytännöt\nslug: kaytannot")
	fsys["content/practices/_index.en.md"] = page("title: Practices")
	fsys["content/practices/x.fi.md"] = page("title: X")
	fsys["content/practices/x.en.md"] = page("title: X")
	fsys["content/practices/only-en.en.md"] = page("title: Only English")
	fsys["content/commitments/c.fi.md"] = page("title: C")
	s, errs := build(t, fsys, Options{})
	if errs != "" {
		t.Fatal(errs)
	}
	from := s.BySource("commitments/c", "fi")
	for _, tc := range []struct {
		dest, path, frag string
		other            bool
	}{
		{"../practices/x.md", "fi/kaytannot/x/", "", false},
		{"../practices/x.md#tausta", "fi/kaytannot/x/", "tausta", false},
		{"../practices/x.en.md", "en/practices/x/", "", true},
		{"../practices/", "fi/kaytannot/", "", false},
		{"../practices/_index.md", "fi/kaytannot/", "", false},
		{"../_index.md", "fi/", "", false},
		{"../practices/only-en.md", "en/practices/only-en/", "", true},
	} {
		l, err := s.Resolve(from, tc.dest)
		if err != nil || l.Page.Path != tc.path || l.Fragment != tc.frag || l.OtherLanguage != tc.other {
			t.Errorf("Resolve(%q) = %+v %v, want %s#%s other=%v", tc.dest, l, err, tc.path, tc.frag, tc.other)
		}
	}
	for _, dest := range []string{"../practices/missing.md", "../../outside.md", "x.md"} {
		if _, err := s.Resolve(from, dest); !errors.Is(err, ErrNoSuchPage) {
			t.Errorf("Resolve(%q) err = %v, want ErrNoSuchPage", dest, err)
		}
	}
	for dest, want := range map[string]bool{"x.md": true, "../a/": true, "https://x.org/a.md": false, "/fi/": false, "#top": false, "mailto:a@b": false, "a.png": false} {
		if IsContentLink(dest) != want {
			t.Errorf("IsContentLink(%q) != %v", dest, want)
		}
	}
}

func TestFolderNamesThatCannotBeURLs(t *testing.T) {
	_, got := build(t, fstest.MapFS{
		"content/_index.fi.md":                   page("title: Etusivu"),
		"content/Hyvät Jutut/x.fi.md":            page("title: X"),
		"content/Hyvät Jutut/y.fi.md":            page("title: Y"),
		"content/Named Folder/_index.fi.md":      page("title: N\nslug: nimetty"),
		"content/Named Folder/z.fi.md":           page("title: Z"),
		"content/Named Folder/Inner Dir/w.fi.md": page("title: W"),
	}, Options{})
	for _, want := range []string{
		`content/Hyvät Jutut/x.fi.md:1: the folder name "Hyvät Jutut" cannot be part of a URL: it may only have lowercase a-z, digits and single hyphens (rename the folder, or give content/Hyvät Jutut/_index.fi.md slug: hyvat-jutut)`,
		`content/Named Folder/Inner Dir/w.fi.md:1: the folder name "Inner Dir" cannot be part of a URL`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "cannot be part of a URL"); n != 2 {
		t.Errorf("%d errors, want one for each folder:\n%s", n, got)
	}
}

func TestRelativeLink(t *testing.T) {
	for _, tc := range []struct{ dir, key, want string }{
		{"good-practices", "good-practices/x", "x.md"},
		{"good-practices", "commitments/2023-2027/measure-1-1", "../commitments/2023-2027/measure-1-1.md"},
		{"good-practices", "good-practices/_index", "_index.md"},
		{"good-practices", "_index", "../"},
		{"", "good-practices/_index", "good-practices/"},
		{"", "about", "about.md"},
		{"commitments/2023-2027", "commitments/_index", "../"},
	} {
		if got := RelativeLink(tc.dir, tc.key); got != tc.want {
			t.Errorf("RelativeLink(%q, %q) = %q, want %q", tc.dir, tc.key, got, tc.want)
		}
	}
}

// TestMergeSortedIsSorting merges lists of pages with URL paths that are
// prefixes of each other and share source files, and checks that the
// result is what sorting them all gives.
func TestMergeSortedIsSorting(t *testing.T) {
	page := func(path, file string) *Page { return &Page{Path: path, File: &content.File{Path: file}} }
	a := []*Page{page("en/", "content/_index.en.md"), page("en/x/", "content/x/_index.en.md"), page("en/x-y/", "content/x-y.en.md"), page("fi/", "content/_index.fi.md")}
	b := []*Page{page("en/x/a/", "content/x/_index.en.md"), page("en/x/sivu/2/", "content/x/_index.en.md"), page("en/", "content/a.en.md"), page("fi/x/", "content/x/_index.fi.md")}
	slices.SortFunc(a, pathOrder)
	slices.SortFunc(b, pathOrder)
	got := mergeSorted(a, b)
	want := slices.SortedFunc(slices.Values(append(slices.Clone(a), b...)), pathOrder)
	if !slices.Equal(got, want) {
		for i := range want {
			t.Logf("%d: got %s %s, want %s %s", i, got[i].Path, got[i].File.Path, want[i].Path, want[i].File.Path)
		}
		t.Error("the merge is not the sorted list")
	}
}
