package content

import (
	"bytes"
	"github.com/opengov-fi/opengov/internal/diag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoad loads a content folder of one fuzzed file, named name, beside
// a good one: nothing may panic, every error names a file and a line
// inside it, and every page loaded has its body where the file has it.
func FuzzLoad(f *testing.F) {
	root := filepath.Join("..", "..", "content")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		f.Add(filepath.ToSlash(rel), data)
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("x.fi.md", []byte("\xef\xbb\xbf---\rtitle: K\xe4ytt\xe4j\xe4\r---\r"))
	f.Add("About Us.en.md", []byte("---\ntitle: A\n---\n"))
	good := []byte("---\ntitle: Good\n---\nBody\n")
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		p := "content/" + name
		if !fs.ValidPath(p) || p == "content/good.fi.md" {
			return
		}
		fsys := fstest.MapFS{p: {Data: data}, "content/good.fi.md": {Data: good}}
		files, errs := NewLoader().Load(fsys, []string{"fi", "en"}, nil)
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
		for _, e := range errs {
			if e.Pos.File == "" || !strings.HasPrefix(e.Pos.File, "content") {
				t.Errorf("error without a content file: %#v", e)
			}
			if e.Pos.Line < 0 || e.Pos.Line > lines+1 {
				t.Errorf("error at line %d of a file of %d lines: %v", e.Pos.Line, lines, e)
			}
		}
		for _, file := range files {
			if file.Path == "content/good.fi.md" {
				if string(file.Body) != "Body\n" || file.BodyLine != 4 {
					t.Errorf("the good file was loaded wrong: %q at line %d", file.Body, file.BodyLine)
				}
				continue
			}
			// A file with errors is kept, so the later stages report its
			// other mistakes too; one without must have a title.
			if file.Front.Title == "" && !hasErrorIn(errs, file.Path) {
				t.Errorf("%s loaded without a title and without an error", file.Path)
			}
			if !bytes.HasSuffix(normalize(data), file.Body) {
				t.Errorf("%s: the body is not the end of the file", file.Path)
			}
			if file.BodyLine < 1 || file.BodyLine > lines+1 {
				t.Errorf("%s: body on line %d of %d", file.Path, file.BodyLine, lines)
			}
		}
	})
}

func hasErrorIn(errs diag.List, file string) bool {
	for _, e := range errs {
		if e.Pos.File == file {
			return true
		}
	}
	return false
}
