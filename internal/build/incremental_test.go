package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/output"
)

// copySite copies the sources of the site in this repository into a
// temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"site.toml", "content", "templates", "static", "i18n"} {
		err := filepath.WalkDir(filepath.Join(repoRoot, name), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(repoRoot, p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dir, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// pagedBuilder copies the site, with three entries a list page (so that
// its lists have several pages, and edits move practices between them),
// and returns the copy's folder, its files, and a Builder that has built
// it once.
func pagedBuilder(t *testing.T) (string, fs.FS, *Builder) {
	t.Helper()
	dir := copySite(t)
	edit(t, dir, "site.toml", "paginate = 20", "paginate = 3")
	fsys := os.DirFS(dir)
	b := NewBuilder(fsys, Options{})
	if _, errs := b.Build(nil); errs != nil {
		t.Fatal(errs)
	}
	return dir, fsys, b
}

// sameAsFull fails unless inc has exactly the files a full build of fsys
// makes, which it returns.
func sameAsFull(t *testing.T, step string, inc *Result, fsys fs.FS) *Result {
	t.Helper()
	full, errs := Run(fsys, Options{})
	if errs != nil {
		t.Fatalf("%s: full build: %v", step, errs)
	}
	if len(inc.Files) != len(full.Files) {
		t.Fatalf("%s: %d files incrementally, %d in full", step, len(inc.Files), len(full.Files))
	}
	for i := range full.Files {
		if inc.Files[i].Path != full.Files[i].Path || !bytes.Equal(inc.Files[i].Data, full.Files[i].Data) {
			t.Fatalf("%s: %s differs from the full build", step, full.Files[i].Path)
		}
	}
	return full
}

// TestIncrementalEqualsFull edits a copy of the site step by step and
// checks after each step that the incremental build gives exactly the files
// a full build gives, while rendering only what the edit touched.
func TestIncrementalEqualsFull(t *testing.T) {
	dir, fsys, b := pagedBuilder(t)
	const practice = "content/good-practices/lockdown-dialogues.en.md"
	const practiceFI = "content/good-practices/lockdown-dialogues.fi.md"
	steps := []struct {
		name    string
		change  func()
		changed []string // content files the watcher would report
		most    int      // at most this many pages rendered again; 0: no limit
	}{
		{"nothing", func() {}, nil, 0 + 1},
		{"practice body", func() { edit(t, dir, practice, "## What it is", "## What the practice is") }, []string{practice}, 1},
		{"practice title", func() {
			edit(t, dir, practice, "title: Lockdown Dialogues and national dialogues", "title: Lockdown and national dialogues")
		}, []string{practice}, 0},
		{"practice themes", func() { // in both languages: they must agree
			edit(t, dir, practice, "themes: [dialogue, participation, trust, democracy]", "themes: [dialogue, trust]")
			edit(t, dir, practiceFI, "themes: [dialogue, participation, trust, democracy]", "themes: [dialogue, trust]")
		}, []string{practice, practiceFI}, 60}, // not every list page: the new counts are spliced in
		{"practice relations and summary", func() { // the site's structure stays: the model is made on it
			for _, f := range []string{practice, practiceFI} {
				edit(t, dir, f, "related_commitments: [commitments/2019-2023/fi0034, commitments/2023-2027/commitment-1, commitments/2023-2027/measure-1-1]", "related_commitments: [commitments/2023-2027/commitment-1]")
			}
			edit(t, dir, practice, "summary: In the Lockdown Dialogues,", "summary: In the Lockdown Dialogues of 2020,")
		}, []string{practice, practiceFI}, 0},
		{"section summary", func() {
			edit(t, dir, "content/good-practices/_index.fi.md", "summary: Tietokanta kokoaa", "summary: Tämä tietokanta kokoaa")
		}, []string{"content/good-practices/_index.fi.md"}, 0},
		{"practice moves to another page", func() {
			edit(t, dir, practice, "published: 2026-11-23", "published: 2015-01-01")
		}, []string{practice}, 0},
		{"new page in one language", func() {
			write(t, dir, "content/good-practices/new-practice.fi.md", "---\nid: new-practice\ntitle: Uusi käytäntö\nsummary: Lyhyt kuvaus.\nslug: uusi-kaytanto\norganisation: Valtiovarainministeriö\ncountry: FI\nlevel: national\nthemes: [open-data]\nstatus: ongoing\npublished: 2026-11-24\n---\nKatso [dialogit](lockdown-dialogues.md).\n")
		}, []string{"content/good-practices/new-practice.fi.md"}, 0},
		{"link to the new page", func() {
			edit(t, dir, "content/about.fi.md", "\n## ", "\nKatso [uusi käytäntö](good-practices/new-practice.md).\n\n## ")
		}, []string{"content/about.fi.md"}, 2},
		{"slug of a linked page", func() { edit(t, dir, "content/good-practices/new-practice.fi.md", "slug: uusi-kaytanto", "slug: uusi") }, []string{"content/good-practices/new-practice.fi.md"}, 0},
		{"section title", func() {
			edit(t, dir, "content/good-practices/_index.en.md", "title: Good practices", "title: Good practices database")
		}, []string{"content/good-practices/_index.en.md"}, 0},
		{"remove the link again", func() {
			edit(t, dir, "content/about.fi.md", "Katso [uusi käytäntö](good-practices/new-practice.md).\n", "")
		}, []string{"content/about.fi.md"}, 0},
		{"delete a page", func() { os.Remove(filepath.Join(dir, "content/good-practices/new-practice.fi.md")) }, nil, 0},
		{"template", func() { edit(t, dir, "templates/single.html", "<article>", `<article class="page">`) }, nil, 0},
		{"message", func() { edit(t, dir, "i18n/en.toml", `published = "Published"`, `published = "First published"`) }, nil, 0},
		{"stylesheet", func() { edit(t, dir, "static/css/site.css", "--radius: 6px;", "--radius: 4px;") }, nil, 0},
		{"menu", func() { edit(t, dir, "site.toml", `name = "About"`, `name = "About us"`) }, nil, 0},
		{"glossary", func() {
			edit(t, dir, "content/_glossary.toml", "# English names on Finnish pages\n", "[[names]]\ntext = \"Gipuzkoa\"\nlang = \"eu\"\n")
		}, nil, 0},
	}
	// Two tabs are open, on the practice and on the listing: their pages
	// are made first, and must be what the whole build makes.
	first := []string{"en/good-practices/lockdown-dialogues/index.html", "fi/hyvat-kaytannot/index.html"}
	shownFirst := 0
	for _, step := range steps {
		step.change()
		var early []output.File
		inc, errs := b.Showing(step.changed, Show{First: first, Early: func(files []output.File) { early = files }})
		if errs != nil {
			t.Fatalf("%s: incremental build: %v", step.name, errs)
		}
		full := sameAsFull(t, step.name, inc, fsys)
		if early != nil {
			shownFirst++
			made := map[string][]byte{}
			for _, f := range full.Files {
				made[f.Path] = f.Data
			}
			pages := 0
			for _, f := range early {
				if !bytes.Equal(f.Data, made[f.Path]) {
					t.Errorf("%s: the early %s is not what the build makes", step.name, f.Path)
				}
				if slices.Contains(first, f.Path) {
					pages++
				}
			}
			if pages != len(first) {
				t.Errorf("%s: %d of the %d open pages were made first", step.name, pages, len(first))
			}
		}
		if step.most > 0 && inc.Rendered > step.most {
			t.Errorf("%s: rendered %d pages again, expected at most %d", step.name, inc.Rendered, step.most)
		}
		t.Logf("%-26s rendered %3d of %d pages", step.name, inc.Rendered, len(full.Site.Pages))
	}
	// A build after no change or a body's edit (4 steps) is quick, and
	// reuses the last model; every other step makes the open pages first.
	if want := len(steps) - 4; shownFirst < want {
		t.Errorf("the open pages were made first in %d steps, want at least %d", shownFirst, want)
	}
}

// TestUnseenFindsWhatTheWatcherMissed builds, changes sources without
// reporting them, and checks that Unseen names them, and that a build
// with what it names gives what a full build gives.
func TestUnseenFindsWhatTheWatcherMissed(t *testing.T) {
	dir := copySite(t)
	fsys := os.DirFS(dir)
	b := NewBuilder(fsys, Options{})
	if _, errs := b.Build(nil); errs != nil {
		t.Fatal(errs)
	}
	if unseen := b.Unseen(); unseen != nil {
		t.Fatalf("Unseen = %v right after a build", unseen)
	}
	const practice = "content/good-practices/lockdown-dialogues.en.md"
	edit(t, dir, practice, "## What it is", "## What the practice is")
	edit(t, dir, "templates/single.html", "<article>", `<article class="page">`)
	unseen := b.Unseen()
	if strings.Join(unseen, " ") != practice+" site.toml" {
		t.Fatalf("Unseen = %v, want the practice and site.toml (for the template)", unseen)
	}
	inc, errs := b.Build(unseen)
	if errs != nil {
		t.Fatal(errs)
	}
	full, errs := Run(fsys, Options{})
	if errs != nil {
		t.Fatal(errs)
	}
	for i := range full.Files {
		if inc.Files[i].Path != full.Files[i].Path || !bytes.Equal(inc.Files[i].Data, full.Files[i].Data) {
			t.Fatalf("%s differs from the full build", full.Files[i].Path)
		}
	}
	if unseen := b.Unseen(); unseen != nil {
		t.Errorf("Unseen = %v after building with what it named", unseen)
	}
}

// TestStoppedBuildLeavesTheBuilderGood stops builds once their open
// pages are made, as a server does when a newer save comes, and checks
// that Stop is asked only then, that a stopped build gives nothing, and
// that the builds after it give what a full build gives.
func TestStoppedBuildLeavesTheBuilderGood(t *testing.T) {
	dir, fsys, b := pagedBuilder(t)
	const practice = "content/good-practices/lockdown-dialogues.en.md"
	const practiceFI = "content/good-practices/lockdown-dialogues.fi.md"
	first := []string{"en/good-practices/lockdown-dialogues/index.html"}
	stopped := func(changed []string) {
		t.Helper()
		early := false
		res, errs := b.Showing(changed, Show{First: first,
			Early: func([]output.File) { early = true },
			Stop: func() bool {
				if !early {
					t.Error("Stop was asked before the open pages were handed over")
				}
				return true
			}})
		if res != nil || errs != nil || !early {
			t.Fatalf("a stopped build gave %v, %v (open pages handed over: %v)", res != nil, errs, early)
		}
	}
	same := func(step string, changed []string) {
		t.Helper()
		inc, errs := b.Build(changed)
		if errs != nil {
			t.Fatalf("%s: %v", step, errs)
		}
		sameAsFull(t, step, inc, fsys)
	}
	both := []string{practice, practiceFI}
	edit(t, dir, practice, "themes: [dialogue, participation, trust, democracy]", "themes: [dialogue, trust]")
	edit(t, dir, practiceFI, "themes: [dialogue, participation, trust, democracy]", "themes: [dialogue, trust]")
	stopped(both)
	same("after a stopped themes edit", both) // the same sources again
	edit(t, dir, practice, "title: Lockdown Dialogues and national dialogues", "title: Lockdown and national dialogues")
	stopped([]string{practice})
	edit(t, dir, practice, "## What it is", "## What the practice is")
	same("a body edit after a stopped title edit", []string{practice})
	edit(t, dir, practice, "title: Lockdown and national dialogues", "title: Lockdown Dialogues and national dialogues")
	edit(t, dir, practice, "## What the practice is", "## What it is")
	stopped([]string{practice})
	edit(t, dir, practice, "themes: [dialogue, trust]", "themes: [dialogue, participation, trust, democracy]")
	edit(t, dir, practiceFI, "themes: [dialogue, trust]", "themes: [dialogue, participation, trust, democracy]")
	same("the site as it was", both)
}

// A save in which the checks of the model's relations find a mistake (a
// translation that disagrees on its themes) reloads no tab early: the
// build fails with the check's error alone.
func TestCheckErrorsKeepTheTabsWaiting(t *testing.T) {
	dir, _, b := pagedBuilder(t)
	const practice = "content/good-practices/lockdown-dialogues.en.md"
	edit(t, dir, practice, "themes: [dialogue, participation, trust, democracy]", "themes: [dialogue, trust]")
	early := false
	res, errs := b.Showing([]string{practice}, Show{First: []string{"en/good-practices/lockdown-dialogues/index.html"},
		Early: func([]output.File) { early = true }})
	if res != nil || early {
		t.Errorf("a build whose translations disagree gave a result %v, reloaded the tabs early %v", res != nil, early)
	}
	if len(errs) != 1 || errs[0].Code != diag.CodeTranslationsDisagree || errs[0].Pos.File != practice {
		t.Fatalf("errors %v, want the one of the disagreeing themes at %s", errs, practice)
	}
	// Mended in the other language, the tabs reload early again.
	edit(t, dir, "content/good-practices/lockdown-dialogues.fi.md", "themes: [dialogue, participation, trust, democracy]", "themes: [dialogue, trust]")
	if _, errs := b.Showing([]string{"content/good-practices/lockdown-dialogues.fi.md"}, Show{First: []string{"en/good-practices/lockdown-dialogues/index.html"},
		Early: func([]output.File) { early = true }}); errs != nil || !early {
		t.Errorf("after the mend: errors %v, tabs reloaded early %v", errs, early)
	}
}
