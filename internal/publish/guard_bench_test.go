package publish

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/opengov-fi/opengov/internal/output"
)

// BenchmarkCheckEarlierBuild times the checks a build makes of a folder
// an earlier build of 2,000 pages made (a site of 1,000 practices per
// language): that it may be replaced, before the build, and that it holds
// nothing the manifest does not list, before the swap.
func BenchmarkCheckEarlierBuild(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "public")
	var files []output.File
	for i := range 2000 {
		files = append(files, output.File{Path: fmt.Sprintf("%s/good-practices/p%d/index.html", []string{"fi", "en"}[i%2], i), Data: []byte("x")})
	}
	if err := Write(dir, files); err != nil {
		b.Fatal(err)
	}
	site := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := checkTarget(dir, site); err != nil {
			b.Fatal(err)
		}
		if err := replaceable(dir, true); err != nil {
			b.Fatal(err)
		}
	}
}
