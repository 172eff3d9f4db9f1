package render

import (
	"bytes"
	"os"
	"sync"
	"testing"

	"github.com/opengov-fi/opengov/internal/assets"
	"github.com/opengov-fi/opengov/internal/minifier"
	"github.com/opengov-fi/opengov/internal/output"
)

// TestFirstPagesBeforeTheRest renders the real site with two pages asked
// for first, and checks that Early gets them, and only them, before any
// other page is rendered, and that they are the pages Site returns.
func TestFirstPagesBeforeTheRest(t *testing.T) {
	r := realSite(t)
	fsys := os.DirFS("../..")
	m := minifier.New()
	tpl, errs := LoadTemplates(fsys, m)
	if errs != nil {
		t.Fatal(errs)
	}
	static, errs := assets.Load(fsys, m)
	if errs != nil {
		t.Fatal(errs)
	}
	first := []string{"en/good-practices/index.html", "fi/hyvat-kaytannot/poikkeusajan-dialogit/index.html"}
	var mu sync.Mutex
	emitted := map[string][]byte{}
	var early []output.File
	emittedBefore := -1
	in := Input{Site: r.site, Catalog: r.cat, Templates: tpl, Assets: static, Minifier: m, First: first,
		Emit: func(f output.File) error {
			mu.Lock()
			defer mu.Unlock()
			emitted[f.Path] = bytes.Clone(f.Data)
			return nil
		},
		Early: func(files []output.File) {
			mu.Lock()
			defer mu.Unlock()
			if early != nil {
				t.Error("Early was called twice")
			}
			early, emittedBefore = files, len(emitted)
		}}
	if _, errs := Site(in); errs != nil {
		t.Fatal(errs)
	}
	if emittedBefore != 0 {
		t.Errorf("%d files were rendered before the first pages were handed over", emittedBefore)
	}
	if len(early) != len(first) {
		t.Fatalf("Early got %d files, want the %d pages asked for", len(early), len(first))
	}
	for i, f := range early {
		if f.Path != first[i] && f.Path != first[1-i] {
			t.Errorf("Early got %s, which was not asked for", f.Path)
		}
		if !bytes.Equal(f.Data, emitted[f.Path]) {
			t.Errorf("%s: the early file is not the one the build made", f.Path)
		}
	}
	if len(emitted) < len(r.site.Pages) {
		t.Errorf("%d files made, want every page's (%d)", len(emitted), len(r.site.Pages))
	}
}
