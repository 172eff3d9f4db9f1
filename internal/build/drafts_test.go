package build

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestDraftBanner: built with drafts, a draft says so at its top in its
// own language, and no published page does.
func TestDraftBanner(t *testing.T) {
	fsys := repoFS(t)
	re := regexp.MustCompile(`(?m)^title:`)
	for _, f := range []string{"content/about.fi.md", "content/about.en.md"} {
		fsys[f] = &fstest.MapFile{Data: []byte(re.ReplaceAllLiteralString(string(fsys[f].Data), "draft: true\ntitle:"))}
	}
	res, errs := Run(fsys, Options{Drafts: true})
	if errs != nil {
		t.Fatal(errs)
	}
	banners := map[string]string{"fi/": "<strong>Luonnos.</strong> Tätä sivua ei ole julkaistu.", "en/": "<strong>Draft.</strong> This page is not published"}
	var drafts int
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		isDraft := strings.Contains(string(f.Data), `class="notice draft-notice wrap"`)
		if strings.HasSuffix(f.Path, "/index.html") && (strings.Contains(f.Path, "/tietoa/") || strings.Contains(f.Path, "/about/")) {
			drafts++
			banner := banners[f.Path[:3]]
			if !isDraft || !strings.Contains(string(f.Data), banner) {
				t.Errorf("%s is a draft without the banner %q", f.Path, banner)
			}
			continue
		}
		if isDraft {
			t.Errorf("%s is not a draft but has the draft banner", f.Path)
		}
	}
	if drafts != 2 {
		t.Errorf("found %d draft pages, want 2", drafts)
	}
}
