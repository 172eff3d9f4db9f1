package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func titles(files []*File) string {
	var out []string
	for _, f := range files {
		out = append(out, f.Front.Title)
	}
	return strings.Join(out, " ")
}

// TestReloadReadsWhatItIsTold checks that Reload reads the files it is
// given and trusts the rest, and that Unseen finds what it was not told.
func TestReloadReadsWhatItIsTold(t *testing.T) {
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\n"), ModTime: time.Unix(1, 0)}
	}
	fsys := fstest.MapFS{"content/a.fi.md": page("A"), "content/b.fi.md": page("B"), "content/x/c.fi.md": page("C")}
	l := NewLoader()
	if _, _, ok := l.Reload(fsys, []string{"fi"}, nil); ok {
		t.Fatal("Reload before any Load")
	}
	if first, errs := l.Load(fsys, []string{"fi"}, nil); errs != nil || titles(first) != "A B C" {
		t.Fatal(errs, titles(first))
	}
	fsys["content/a.fi.md"] = page("A2")
	fsys["content/b.fi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Bigger\n---\n")} // not reported
	fsys["content/d.fi.md"] = page("D")
	delete(fsys, "content/x/c.fi.md")
	got, errs, ok := l.Reload(fsys, []string{"fi"}, []string{"content/a.fi.md", "content/d.fi.md", "content/x/c.fi.md", "templates/single.html", "content/.a.fi.md.swp"})
	if !ok || errs != nil || titles(got) != "A2 B D" {
		t.Fatalf("Reload: %v %v %q", ok, errs, titles(got))
	}
	if unseen := l.Unseen(fsys); !slices.Equal(unseen, []string{"content/b.fi.md"}) {
		t.Errorf("Unseen = %v, want the unreported edit of b", unseen)
	}
	if got, _, _ := l.Reload(fsys, []string{"fi"}, []string{"content/b.fi.md"}); titles(got) != "A2 Bigger D" {
		t.Errorf("after reporting b: %q", titles(got))
	}
	if unseen := l.Unseen(fsys); unseen != nil {
		t.Errorf("Unseen = %v after everything was read", unseen)
	}
	fsys["content/y/e.fi.md"] = page("E") // a folder made or moved in: its files are not reported one by one
	if _, _, ok := l.Reload(fsys, []string{"fi"}, []string{"content/y"}); ok {
		t.Error("Reload took a folder for a file")
	}
	if unseen := l.Unseen(fsys); !slices.Equal(unseen, []string{"content/y/e.fi.md"}) {
		t.Errorf("Unseen = %v, want the new folder's file", unseen)
	}
	delete(fsys, "content/d.fi.md")
	if unseen := l.Unseen(fsys); !slices.Equal(unseen, []string{"content/d.fi.md", "content/y/e.fi.md"}) {
		t.Errorf("Unseen = %v, want the removed file too", unseen)
	}
}

// TestReloadReadsFailedFilesAgain checks that a file that failed is read
// again by every Reload, as by Load, so its errors are reported each time.
func TestReloadReadsFailedFilesAgain(t *testing.T) {
	fsys := fstest.MapFS{"content/a.fi.md": {Data: []byte("---\ntitle: [\n---\n")}, "content/b.fi.md": {Data: []byte("---\ntitle: B\n---\n")}}
	l := NewLoader()
	if _, errs := l.Load(fsys, []string{"fi"}, nil); errs == nil {
		t.Fatal("no error for broken front matter")
	}
	if _, errs, ok := l.Reload(fsys, []string{"fi"}, []string{"content/b.fi.md"}); !ok || errs == nil {
		t.Errorf("the broken file's error was not reported again: %v %v", ok, errs)
	}
	fsys["content/a.fi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\n")}
	if got, errs, _ := l.Reload(fsys, []string{"fi"}, nil); errs != nil || titles(got) != "A B" {
		t.Errorf("the mended file, unreported: %v %q", errs, titles(got))
	}
}
