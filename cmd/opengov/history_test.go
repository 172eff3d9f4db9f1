package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.invalid",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.invalid", "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestTranslationReportShowsWhatChanged: in a git repository, the report
// finds the version of the Finnish source an English page was translated
// from and shows what changed since: the title and the paragraphs. Out
// of a repository it says plainly that it cannot tell.
func TestTranslationReportShowsWhatChanged(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := copySiteSources(t)
	fi := filepath.Join(dir, "content", "about.fi.md")
	data, err := os.ReadFile(fi)
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	// The commit the English page was translated from, then a change.
	git(t, dir, "init", "-q")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "site")
	end := strings.Index(src[4:], "\n---\n") + 4
	front, body := src[:end], src[end:]
	title := strings.SplitN(strings.SplitN(front, "\ntitle: ", 2)[1], "\n", 2)[0]
	front = strings.Replace(front, "\ntitle: "+title, "\ntitle: Sivustosta", 1)
	writeFile(t, fi, front+body+"\nUusi kappale sivuston ylläpidosta.\n")
	git(t, dir, "commit", "-q", "-am", "edit")

	code, stdout, stderr := runCLI("check", "--source", dir, "--translations")
	if code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	block := stdout[strings.Index(stdout, "content/about.fi.md"):]
	for _, want := range []string{
		"en  stale      content/about.en.md",
		"changed in the source since ",
		`title: "` + strings.Trim(title, `"`) + `" -> "Sivustosta"`,
		"+ Uusi kappale sivuston ylläpidosta.",
	} {
		if !strings.Contains(block, want) {
			t.Errorf("the report lacks %q:\n%s", want, block)
		}
	}
	if !strings.Contains(stderr, "1 stale") {
		t.Errorf("stderr: %s", stderr)
	}

	// The same edit without a repository: the report says it cannot tell.
	if err := os.RemoveAll(filepath.Join(dir, ".git")); err != nil {
		t.Fatal(err)
	}
	_, stdout, _ = runCLI("check", "--source", dir, "--translations")
	if !strings.Contains(stdout, "what changed is not known: the site is not in a git repository") {
		t.Errorf("without git:\n%s", stdout)
	}
}
