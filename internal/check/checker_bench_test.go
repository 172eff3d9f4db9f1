package check

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/opengov-fi/opengov/bench/gensite"
	"github.com/opengov-fi/opengov/internal/build"
)

// BenchmarkCheckAfterEdit times what the watching server does after a
// save of one practice's body: the rebuild, then the check, which parses
// only the page rendered again; beside it, the check of a whole fresh
// build. 1,000 practices per language.
func BenchmarkCheckAfterEdit(b *testing.B) {
	dir := b.TempDir()
	if err := gensite.Write(dir, 1000); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "content", "good-practices", gensite.PracticeName(7)+".en.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	builder := build.NewBuilder(os.DirFS(dir), build.Options{Reports: true})
	res, errs := builder.Build(nil)
	if errs != nil {
		b.Fatal(errs)
	}
	b.Run("whole", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			NewChecker().Site(res)
		}
	})
	c := NewChecker()
	c.Site(res)
	b.Run("after-edit", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			edited := append(append([]byte{}, orig...), []byte("\nOne more line "+string(rune('a'+i%26))+".\n")...)
			if err := os.WriteFile(file, edited, 0o644); err != nil {
				b.Fatal(err)
			}
			rel := "content/good-practices/" + gensite.PracticeName(7) + ".en.md"
			res, errs := builder.Build([]string{rel})
			if errs != nil {
				b.Fatal(errs)
			}
			b.StartTimer()
			c.Site(res)
			if c.Parsed > 10 {
				b.Fatalf("parsed %d files after one edit", c.Parsed)
			}
		}
	})
}
