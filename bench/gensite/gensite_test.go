package gensite

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/opengov-fi/opengov/internal/build"
)

// The generated site must build without errors, or the benchmarks measure
// an error report.
func TestGeneratedSiteBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 40); err != nil {
		t.Fatal(err)
	}
	res, errs := build.Run(os.DirFS(dir), build.Options{})
	if errs != nil {
		t.Fatalf("the generated site does not build:\n%v", errs)
	}
	// 40 practices, 24 commitment pages and 7 other pages per language,
	// plus the generated facet pages.
	if n := len(res.Site.Pages); n < 2*(40+24+7) {
		t.Fatalf("%d pages", n)
	}
}

func TestGeneratedSiteIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := WriteHugo(d, 10); err != nil {
			t.Fatal(err)
		}
	}
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSummariesAreShort(t *testing.T) {
	for i := 1; i <= 200; i++ {
		for _, p := range practicePages(i, 200) {
			for _, f := range p.front {
				if s, ok := f.val.(string); ok && f.key == "summary" && len([]rune(s)) >= 300 {
					t.Fatalf("%s.%s: summary of %d characters", p.path, p.lang, len([]rune(s)))
				}
			}
		}
	}
}
