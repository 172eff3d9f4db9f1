package check

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/build"
)

// TestCheckAfterABodyEdit edits the text of a page whose English version
// records the hash it was translated from, and checks the server's
// incremental build, which keeps the model and renders that page alone,
// against a full build: the same files, and the same findings, among them
// the translation that has become stale (found by reading the edited
// body through the model).
func TestCheckAfterABodyEdit(t *testing.T) {
	fsys := repoFS(t)
	b := build.NewBuilder(fsys, build.Options{Reports: true})
	if _, errs := b.Build(nil); errs != nil {
		t.Fatal(errs)
	}
	const source = "content/about.fi.md"
	fsys[source] = &fstest.MapFile{Data: append(bytes.Clone(fsys[source].Data), "\nUusi kappale, jota käännös ei vielä kerro.\n"...)}
	inc, errs := b.Build([]string{source})
	if errs != nil {
		t.Fatal(errs)
	}
	if inc.Rendered != 1 {
		t.Errorf("rendered %d pages again, want the edited one alone", inc.Rendered)
	}
	full, errs := build.Run(fsys, build.Options{Reports: true})
	if errs != nil {
		t.Fatal(errs)
	}
	if len(inc.Files) != len(full.Files) {
		t.Fatalf("%d files incrementally, %d in full", len(inc.Files), len(full.Files))
	}
	for i := range full.Files {
		if inc.Files[i].Path != full.Files[i].Path || !bytes.Equal(inc.Files[i].Data, full.Files[i].Data) {
			t.Fatalf("%s differs from the full build", full.Files[i].Path)
		}
	}
	got, want := Site(inc).Error(), Site(full).Error()
	if got != want {
		t.Errorf("findings differ:\nincremental:\n%s\nfull:\n%s", got, want)
	}
	if !bytes.Contains([]byte(want), []byte("content/about.en.md")) || !bytes.Contains([]byte(want), []byte("stale")) {
		t.Errorf("the full build's findings do not name the stale translation:\n%s", want)
	}
}

// TestCheckGivesUpAndKeepsWhatItParsed stops a check early, as the server
// does when a newer build is served, and checks that the next check gives
// what a fresh one gives, parsing only the files the first did not.
func TestCheckGivesUpAndKeepsWhatItParsed(t *testing.T) {
	res, errs := build.Run(repoFS(t), build.Options{Reports: true})
	if errs != nil {
		t.Fatal(errs)
	}
	c := NewChecker()
	asked := 0
	if _, done := c.SiteUnless(res, func() bool { asked++; return asked > 1 }); done {
		t.Fatal("the check did not stop when asked to")
	}
	first := c.Parsed
	got := c.Site(res)
	fresh := NewChecker()
	want := fresh.Site(res)
	if got.Error() != want.Error() {
		t.Errorf("findings after stopping differ from a fresh check's:\n%s\nwant:\n%s", got.Error(), want.Error())
	}
	if first == 0 || c.Parsed != fresh.Parsed-first {
		t.Errorf("parsed %d files before stopping and %d after, of %d", first, c.Parsed, fresh.Parsed)
	}
}
