package site

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
)

// describe writes out everything New makes of a model, by paths, so that
// two models compare as text.
func describe(s *Site) string {
	var b strings.Builder
	ref := func(p *Page) string {
		if p == nil {
			return "-"
		}
		return p.Path + "(" + p.File.Path + ")"
	}
	for _, p := range s.Pages {
		fmt.Fprintf(&b, "%s kind=%d key=%s type=%s title=%q summary=%q parent=%s params=%v\n", ref(p), p.Kind, p.Key, p.Type,
			p.Front.Title, p.Front.Summary, ref(p.Parent), p.Params)
		for _, c := range p.Children {
			fmt.Fprintf(&b, "  child %s\n", ref(c))
		}
		for _, t := range p.Translations() {
			fmt.Fprintf(&b, "  translation %s\n", ref(t))
		}
		if p.File != s.structure.files[p.file] || s.structure.editor[p.seq] != p {
			fmt.Fprintf(&b, "  file %d or seq %d is not this page's\n", p.file, p.seq)
		}
	}
	for _, lang := range slices.Sorted(maps.Keys(s.Home)) {
		fmt.Fprintf(&b, "home %s %s\n", lang, ref(s.Home[lang]))
		for _, m := range append(slices.Clone(s.Menus[lang]), s.Footers[lang]...) {
			fmt.Fprintf(&b, "  menu %s %s %s\n", m.Name, ref(m.Page), m.URL)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(s.bySource)) {
		fmt.Fprintf(&b, "source %s %s\n", key, ref(s.bySource[key]))
	}
	for _, d := range s.Drafts {
		fmt.Fprintf(&b, "draft %s %q\n", d.Path, d.Front.Summary)
	}
	return b.String()
}

// New on an earlier model's structure makes what New makes from nothing,
// and reuses the structure only when the front matter that places pages
// is the same.
func TestNewLikeAnEarlierModel(t *testing.T) {
	site := func(edit map[string]string) fstest.MapFS {
		fsys := homes()
		fsys["site.toml"] = &fstest.MapFile{Data: []byte(siteTOML)}
		fm := map[string]string{
			"content/practices/_index.fi.md": "title: Käytännöt",
			"content/practices/_index.en.md": "title: Practices\nslug: good-practices",
			"content/practices/a.fi.md":      "title: Aa\nsummary: yksi\nweight: 2",
			"content/practices/a.en.md":      "title: Aa\nsummary: one",
			"content/practices/b.fi.md":      "title: Bb\npublished: 2024-01-02",
			"content/practices/c.en.md":      "title: Cc\ntranslationKey: a-other\ndraft: true",
			"content/about.sv.md":            "title: Om\nsummary: x",
		}
		maps.Copy(fm, edit)
		for name, text := range fm {
			if text != "" {
				fsys[name] = page(text)
			}
		}
		return fsys
	}
	decoded := Schema{Decode: func(f *content.File) (any, diag.List) { return f.Front.Summary + "!", nil }}
	opts := Options{Schemas: map[string]Schema{"": decoded, "x": decoded}}
	model := func(fsys fstest.MapFS, like *Site) *Site {
		t.Helper()
		cfg, errs := config.Load(fsys, nil)
		if errs != nil {
			t.Fatal(errs.Err())
		}
		files, errs := content.Load(fsys, []string{"fi", "en", "sv"})
		if errs != nil {
			t.Fatal(errs.Err())
		}
		o := opts
		o.Like = like
		s, errs := New(cfg, files, o)
		if errs != nil {
			t.Fatal(errs.Err())
		}
		return s
	}
	first := model(site(nil), nil)
	before := describe(first)
	for _, c := range []struct {
		name   string
		edit   map[string]string
		reused bool
	}{
		{"nothing", nil, true},
		{"a summary", map[string]string{"content/practices/a.en.md": "title: Aa\nsummary: changed"}, true},
		{"a draft's summary", map[string]string{"content/practices/c.en.md": "title: Cc\ntranslationKey: a-other\ndraft: true\nsummary: s"}, true},
		{"a section's summary", map[string]string{"content/practices/_index.fi.md": "title: Käytännöt\nsummary: kaikki"}, true},
		{"a title", map[string]string{"content/practices/b.fi.md": "title: A first\npublished: 2024-01-02"}, false},
		{"a weight", map[string]string{"content/practices/a.fi.md": "title: Aa\nsummary: yksi"}, false},
		{"a published date", map[string]string{"content/practices/b.fi.md": "title: Bb\npublished: 2020-01-02"}, false},
		{"a slug", map[string]string{"content/practices/_index.en.md": "title: Practices"}, false},
		{"a translation key", map[string]string{"content/practices/a.en.md": "title: Aa\nsummary: one\ntranslationKey: zz"}, false},
		{"a draft published", map[string]string{"content/practices/c.en.md": "title: Cc\ntranslationKey: a-other"}, false},
		{"a layout", map[string]string{"content/about.sv.md": "title: Om\nsummary: x\nlayout: x"}, false},
		{"a page added", map[string]string{"content/practices/d.sv.md": "title: Dd"}, false},
		{"a page removed", map[string]string{"content/about.sv.md": ""}, false},
	} {
		fsys := site(c.edit)
		got, want := model(fsys, first), model(fsys, nil)
		if got.structure.reused != c.reused {
			t.Errorf("%s: structure reused %v, want %v", c.name, got.structure.reused, c.reused)
		}
		if g, w := describe(got), describe(want); g != w {
			t.Errorf("%s: New on the earlier model made\n%s\nNew from nothing\n%s", c.name, g, w)
		}
		// A model made on the earlier one's structure is itself reused.
		if again := model(fsys, got); describe(again) != describe(want) || !again.structure.reused {
			t.Errorf("%s: the model made again on the remade model differs", c.name)
		}
		if describe(first) != before {
			t.Fatalf("%s: New changed the earlier model", c.name)
		}
	}
}
