package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// fuzzedFile is the page whose text the build fuzz targets replace.
const fuzzedFile = "content/good-practices/lockdown-dialogues.en.md"

// smallTypedSite is the site of this repository with a few pages of each
// typed section: enough for every kind of page, small enough to build many
// times a second.
func smallTypedSite(tb testing.TB) fstest.MapFS {
	tb.Helper()
	keep := func(p string) bool {
		switch {
		case strings.HasPrefix(p, "content/good-practices/"):
			return strings.Contains(p, "/_index.") || strings.Contains(p, "/lockdown-dialogues.") || strings.Contains(p, "/do-you-know-your-neighbour.")
		case strings.HasPrefix(p, "content/commitments/2023-2027/"):
			return strings.Contains(p, "/_index.") || strings.Contains(p, "/commitment-1.") || strings.Contains(p, "/measure-1-1.")
		}
		return true
	}
	fsys := fstest.MapFS{}
	for _, name := range []string{"site.toml", "content", "templates", "static", "i18n"} {
		err := filepath.WalkDir(filepath.Join(repoRoot, name), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(repoRoot, p)
			rel = filepath.ToSlash(rel)
			if !keep(rel) {
				return nil
			}
			data, err := os.ReadFile(p)
			if strings.HasSuffix(rel, ".md") {
				data = frontMatterOnly(data)
			}
			fsys[rel] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	return fsys
}

// frontMatterOnly keeps a page's front matter, without links to pages
// the small site leaves out, and gives it a body of one short paragraph.
func frontMatterOnly(src []byte) []byte {
	_, rest, _ := bytes.Cut(src, []byte("---\n"))
	front, _, _ := bytes.Cut(rest, []byte("\n---\n"))
	var out bytes.Buffer
	out.WriteString("---\n")
	for _, line := range strings.Split(string(front), "\n") {
		if strings.HasPrefix(line, "related_commitments:") {
			line = "related_commitments: [commitments/2023-2027/measure-1-1]"
		}
		out.WriteString(line + "\n")
	}
	out.WriteString("---\n\nA paragraph with *emphasis* and [a link](https://example.org/).\n\n## A heading\n")
	return out.Bytes()
}

// seedPages seeds f with a few pages of content/ (each seed is a whole
// build when plain go test replays it), the small site's own version of
// the fuzzed page, and inputs that broke builds before.
func seedPages(f *testing.F, fsys fstest.MapFS) {
	for _, name := range []string{fuzzedFile, "content/good-practices/do-you-know-your-neighbour.fi.md", "content/commitments/2023-2027/measure-1-1.en.md", "content/accessibility.en.md"} {
		data, err := os.ReadFile(filepath.Join(repoRoot, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(fsys[fuzzedFile].Data)
	f.Add([]byte("---\ntitle: x\nx: &a [*a]\n---\n"))
	f.Add([]byte("\xef\xbb\xbf---\r\ntitle: T\r\n---\r\n## Main\r\n"))
}

// FuzzBuild builds a small typed site with one page's text fuzzed: the
// build must not panic, and it either fails with positioned errors or
// gives a site.
func FuzzBuild(f *testing.F) {
	base := smallTypedSite(f)
	if _, errs := Run(base, Options{}); errs != nil {
		f.Fatalf("the small site does not build: %v", errs)
	}
	seedPages(f, base)
	f.Fuzz(func(t *testing.T, page []byte) {
		fsys := copyMapFS(base)
		fsys[fuzzedFile] = &fstest.MapFile{Data: page}
		res, errs := Run(fsys, Options{})
		if errs == nil && (res == nil || len(res.Files) == 0) {
			t.Fatal("no errors and no files")
		}
		for _, e := range errs {
			if e.Pos.File == "" || e.Msg == "" {
				t.Errorf("an error without a file or message: %#v", e)
			}
		}
	})
}

// FuzzIncrementalEqualsFull builds the small site, changes one page to the
// fuzzed text, and checks that the incremental build gives exactly what a
// full build gives, errors included; then it puts the page back.
func FuzzIncrementalEqualsFull(f *testing.F) {
	base := smallTypedSite(f)
	seedPages(f, base)
	f.Fuzz(func(t *testing.T, page []byte) {
		fsys := copyMapFS(base)
		b := NewBuilder(fsys, Options{})
		if _, errs := b.Build(nil); errs != nil {
			t.Fatal(errs)
		}
		changed := []string{fuzzedFile}
		for _, data := range [][]byte{page, base[fuzzedFile].Data} {
			fsys[fuzzedFile] = &fstest.MapFile{Data: data}
			inc, incErrs := b.Build(changed)
			full, fullErrs := Run(fsys, Options{})
			if incErrs.Error() != fullErrs.Error() {
				t.Fatalf("errors differ:\nincremental: %v\nfull: %v", incErrs, fullErrs)
			}
			if full == nil {
				continue
			}
			if len(inc.Files) != len(full.Files) {
				t.Fatalf("incremental build has %d files, full %d", len(inc.Files), len(full.Files))
			}
			for i := range full.Files {
				if inc.Files[i].Path != full.Files[i].Path || !bytes.Equal(inc.Files[i].Data, full.Files[i].Data) {
					t.Fatalf("%s differs between the incremental and the full build", full.Files[i].Path)
				}
			}
		}
	})
}

// copyMapFS copies the map, not the files, which no build changes.
func copyMapFS(fsys fstest.MapFS) fstest.MapFS {
	out := make(fstest.MapFS, len(fsys))
	for k, v := range fsys {
		out[k] = v
	}
	return out
}
