package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNewEntryIsADraftUntilFilled follows an editor: `opengov new` writes
// drafts, which neither publish nor fail the build; `check --drafts`
// lists what is left to fill in, at each field's line; once the Finnish
// page is filled in and published, check says its English version is a
// draft rather than missing.
func TestNewEntryIsADraftUntilFilled(t *testing.T) {
	dir := copySiteSources(t)
	if code, _, stderr := runCLI("new", "--source", dir, "practice", "open-budget"); code != exitOK {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	fi := filepath.Join(dir, "content", "good-practices", "open-budget.fi.md")
	en := filepath.Join(dir, "content", "good-practices", "open-budget.en.md")
	for _, f := range []string{fi, en} {
		data, err := os.ReadFile(f)
		if err != nil || !regexp.MustCompile(`(?m)^draft: true`).Match(data) {
			t.Fatalf("%s is not a draft: %v\n%s", f, err, data)
		}
	}
	if data, _ := os.ReadFile(en); !regexp.MustCompile(`(?m)^source_hash: todo`).Match(data) {
		t.Errorf("the English scaffold does not say it is not translated yet:\n%s", data)
	}
	if code, stdout, stderr := runCLI("check", "--source", dir); code != exitOK || strings.Contains(stdout, "open-budget") {
		t.Fatalf("check without drafts: exit %d\n%s%s", code, stdout, stderr)
	}
	code, _, stderr := runCLI("check", "--source", dir, "--drafts")
	if code != exitErrors || !regexp.MustCompile(`open-budget\.fi\.md:\d+:\d+: a good practice needs a summary`).MatchString(stderr) {
		t.Fatalf("check --drafts: exit %d, want %d and the empty summary at its line:\n%s", code, exitErrors, stderr)
	}

	data, _ := os.ReadFile(fi)
	src := string(data)
	for field, value := range map[string]string{"draft": "", "title": "title: Avoin budjetti", "summary": "summary: Kuntalaiset päättävät osasta budjettia.",
		"organisation": "organisation: Esimerkkikunta", "themes": "themes: [participation]", "country": "country: FI", "level": "level: municipal", "contact": "", "  organisation": ""} {
		src = regexp.MustCompile(`(?m)^`+field+`:.*$`).ReplaceAllLiteralString(src, value)
	}
	writeFile(t, fi, src)
	code, stdout, stderr := runCLI("check", "--source", dir)
	want := `open-budget.fi.md:1: warning: section good-practices: the en version of "Avoin budjetti" is a draft`
	if code != exitOK || !strings.Contains(stdout, want) || strings.Contains(stdout, "has no English") {
		t.Fatalf("check: exit %d, want a line with\n%s\ngot\n%s%s", code, want, stdout, stderr)
	}
}
