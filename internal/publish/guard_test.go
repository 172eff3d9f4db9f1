package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/internal/output"
)

// layout makes a folder holding notes beside a site with every kind of
// source, and returns the folder and the site's folder.
func layout(t *testing.T) (top, site string) {
	t.Helper()
	top = t.TempDir()
	site = filepath.Join(top, "site")
	for name, data := range map[string]string{
		"notes.txt":                       "beside the site\x00\xff",
		"site/site.toml":                  "title = 'x'\n",
		"site/content/a.fi.md":            "---\ntitle: A\n---\n",
		"site/content/sub/b.fi.md":        "---\ntitle: B\n---\n",
		"site/templates/baseof.html":      "<html>",
		"site/static/css/site.css":        "body{}",
		"site/i18n/fi.toml":               "x = 'y'\n",
		"site/.git/HEAD":                  "ref: refs/heads/main\n",
		"site/README.md":                  "read me",
		"site/public/" + ManifestName:     manifestHeader + "index.html\n",
		"site/public/index.html":          "old build",
		"site/cmd/opengov/main.go":        "package main",
		"elsewhere/.git/HEAD":             "ref: refs/heads/x\n",
		"elsewhere/worktree-of-it/README": "x",
	} {
		writeFile(t, filepath.Join(top, name), data)
	}
	return top, site
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// snapshot is every file, folder and link below dir, with contents.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case d.Type()&os.ModeSymlink != 0:
			target, err := os.Readlink(p)
			files[rel] = "-> " + target
			return err
		case d.IsDir():
			files[rel+"/"] = ""
		default:
			data, err := os.ReadFile(p)
			files[rel] = string(data)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameTree(t *testing.T, before, after map[string]string) {
	t.Helper()
	for name, data := range before {
		if got, ok := after[name]; !ok {
			t.Errorf("%s is gone", name)
		} else if got != data {
			t.Errorf("%s changed: %q, was %q", name, got, data)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s appeared", name)
		}
	}
}

// build stands for a whole build: a stage, files, commit.
func build(dir, siteDir string, files ...output.File) error { return write(dir, siteDir, files) }

var page = output.File{Path: "fi/index.html", Data: []byte("new build")}

func TestRefusesSourcesAndForeignFolders(t *testing.T) {
	top, site := layout(t)
	if err := os.Symlink(filepath.Join(site, "content"), filepath.Join(top, "link-to-content")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(top, filepath.Join(site, "public", "..", "up")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(site, "worktree", ".git"), "gitdir: ../../elsewhere/.git\n")
	writeFile(t, filepath.Join(site, "worktree", "site.toml"), "")
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	for _, tc := range []struct {
		out, site, why string
	}{
		{site, site, "it is the site's folder"},
		{top, site, "it holds the site's folder"},
		{filepath.Join(site, "content"), site, "it is the site's content"},
		{filepath.Join(site, "templates"), site, "it is the site's templates"},
		{filepath.Join(site, "static"), site, "it is the site's static"},
		{filepath.Join(site, "i18n"), site, "it is the site's i18n"},
		{filepath.Join(site, ".git"), site, "it is the site's .git"},
		{filepath.Join(site, "content", "sub"), site, "it lies inside the site's content"},
		{filepath.Join(site, "content", "new", "folder"), site, "it lies inside the site's content"},
		{filepath.Join(site, ".git", "refs"), site, "it lies inside the site's .git"},
		{filepath.Join(site, "public", "..", "content"), site, "it is the site's content"},
		{filepath.Join(top, "link-to-content"), site, "it is the site's content"},
		{filepath.Join(top, "link-to-content", "x"), site, "it lies inside the site's content"},
		{filepath.Join(site, "up", "site"), site, "it is the site's folder"},
		{"content", ".", "it is the site's content"},
		{"..", ".", "it holds the site's folder"},
		{filepath.Join(top, "elsewhere"), filepath.Join(site, "worktree"), "it holds the site's .git"},
		{filepath.Join(top, "elsewhere", "worktree-of-it"), filepath.Join(site, "worktree"), "no opengov build made it"},
		{filepath.Join(top, "elsewhere", ".git"), filepath.Join(site, "worktree"), "it is the site's .git"},
		{filepath.Join(site, "cmd"), site, "no opengov build made it"},
		{filepath.Join(site, "README.md"), site, "it exists and is not a folder"},
		{filepath.Join(top, "notes.txt", "x"), site, "not a directory"},
	} {
		os.Chdir(site)
		before := snapshot(t, top)
		err := build(tc.out, tc.site, page)
		after := snapshot(t, top)
		os.Chdir(wd)
		if err == nil || !strings.Contains(err.Error(), tc.why) {
			t.Errorf("--out %s: err = %v, want %q", tc.out, err, tc.why)
			continue
		}
		var refused *RefusedError
		if errors.As(err, &refused) && !strings.Contains(err.Error(), "refusing to build into "+tc.out+":") {
			t.Errorf("--out %s: the message does not name the folder as given: %v", tc.out, err)
		}
		sameTree(t, before, after)
	}
}

func TestRefusesFilesNoBuildWrote(t *testing.T) {
	top, site := layout(t)
	out := filepath.Join(site, "public")
	writeFile(t, filepath.Join(out, "drafts", "mine.txt"), "an editor's notes")
	before := snapshot(t, top)
	err := build(out, site, page)
	if err == nil || !strings.Contains(err.Error(), "no opengov build wrote: drafts/") {
		t.Fatalf("err = %v", err)
	}
	sameTree(t, before, snapshot(t, top))

	// A manifest that is not ours counts as none.
	writeFile(t, filepath.Join(out, ManifestName), "index.html\ndrafts/mine.txt\n")
	before = snapshot(t, top)
	if err := build(out, site, page); err == nil || !strings.Contains(err.Error(), "no opengov build made it") {
		t.Fatalf("err = %v", err)
	}
	sameTree(t, before, snapshot(t, top))
}

func TestReplacesMissingEmptyAndEarlierBuilds(t *testing.T) {
	top, site := layout(t)
	empty := filepath.Join(top, "empty")
	os.Mkdir(empty, 0o755)
	for _, out := range []string{filepath.Join(site, "public"), empty, filepath.Join(top, "new", "deep")} {
		beside := snapshot(t, site)
		if err := build(out, site, page, output.File{Path: "old.html", Data: []byte("x")}); err != nil {
			t.Fatalf("--out %s: %v", out, err)
		}
		writeFile(t, filepath.Join(out, ".DS_Store"), "finder")
		if err := build(out, site, page); err != nil {
			t.Fatalf("--out %s, again: %v", out, err)
		}
		want := map[string]string{"./": "", "fi/": "", "fi/index.html": "new build", ManifestName: manifestHeader + "fi/index.html\n"}
		sameTree(t, want, snapshot(t, out))
		// Nothing else in the site changed, and no staging folder is left.
		after := snapshot(t, site)
		for name, data := range beside {
			if !strings.HasPrefix(name, "public") && after[name] != data {
				t.Errorf("%s changed", name)
			}
		}
		entries, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*staging*"))
		if len(entries) > 0 {
			t.Errorf("left behind: %v", entries)
		}
	}
}

func TestBuildsThroughALinkIntoItsTarget(t *testing.T) {
	top, site := layout(t)
	real := filepath.Join(top, "www")
	if err := build(real, site, page); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(site, "public-link")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := build(link, site, output.File{Path: "x.html", Data: []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(real, "x.html")); string(got) != "x" {
		t.Errorf("the link's target was not rebuilt")
	}
	if target, err := os.Readlink(link); err != nil || target != real {
		t.Errorf("the link was replaced: %v %v", target, err)
	}
}

func TestCommitChecksAgainAndLeavesNoStaging(t *testing.T) {
	top, site := layout(t)
	out := filepath.Join(site, "public")
	st, err := NewStage(out, site)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Add(page); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(out, "saved-during-the-build.txt"), "keep me")
	before := snapshot(t, top)
	if err := st.Commit(); err == nil || !strings.Contains(err.Error(), "saved-during-the-build.txt") {
		t.Fatalf("err = %v", err)
	}
	after := snapshot(t, top)
	for name := range before {
		if strings.Contains(name, "staging") {
			delete(before, name)
		}
	}
	sameTree(t, before, after)
	st.Abort() // harmless after Commit
	if err := st.Add(page); err == nil {
		t.Error("Add after Commit should fail")
	}
}

func TestAbortLeavesNoStaging(t *testing.T) {
	top, site := layout(t)
	before := snapshot(t, top)
	st, err := NewStage(filepath.Join(site, "public"), site)
	if err != nil {
		t.Fatal(err)
	}
	st.Add(page)
	st.Abort()
	st.Abort()
	sameTree(t, before, snapshot(t, top))
}

func TestFindsFilesAddedDeepInAnEarlierBuild(t *testing.T) {
	top, site := layout(t)
	out := filepath.Join(top, "www")
	deep := output.File{Path: "en/a/b/index.html", Data: []byte("x")}
	if err := build(out, site, page, deep); err != nil {
		t.Fatal(err)
	}
	for _, added := range []string{"en/a/b/notes.txt", "en/a/new/x.txt", "fi/index.html.bak"} {
		writeFile(t, filepath.Join(out, added), "mine")
		before := snapshot(t, top)
		err := build(out, site, page, deep)
		want := added
		if added == "en/a/new/x.txt" {
			want = "en/a/new/"
		}
		if err == nil || !strings.Contains(err.Error(), "no opengov build wrote: "+want) {
			t.Errorf("%s: err = %v", added, err)
		}
		sameTree(t, before, snapshot(t, top))
		os.RemoveAll(filepath.Join(out, added))
		os.Remove(filepath.Join(out, "en/a/new"))
	}
	if err := build(out, site, page, deep); err != nil {
		t.Errorf("after removing them: %v", err)
	}
}
