package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/internal/testsite"
)

// site writes the golden test site name into a temporary folder and
// returns it.
func site(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	if err := testsite.Write(dir, name); err != nil {
		t.Fatal(err)
	}
	return dir
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

// snapshot reads every file below dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBuildIsDeterministicAndLeavesNoStaleFiles(t *testing.T) {
	dir := site(t, "bilingual")
	out := filepath.Join(dir, "public")
	if code, _, stderr := runCLI("build", "--source", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	first := snapshot(t, out)
	if first["fi/hyvat-kaytannot/poikkeusajan-dialogit/index.html"] == "" || first["sitemap.xml"] == "" {
		t.Fatalf("expected pages missing: %v", keys(first))
	}
	writeFile(t, filepath.Join(out, "stale.html"), "from an earlier build")
	if err := os.Remove(filepath.Join(dir, "content/practices/only-fi.fi.md")); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI("build", "--source", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	second := snapshot(t, out)
	if _, ok := second["stale.html"]; ok {
		t.Error("a file from an earlier build survived")
	}
	if _, ok := second["fi/hyvat-kaytannot/only-fi/index.html"]; ok {
		t.Error("the deleted page's output survived")
	}
	// Apart from the removed page and the lists that named it, nothing changes.
	for name, data := range second {
		// The search index (pagefind/) held the removed page too.
		if strings.Contains(first[name], "only-fi") || strings.HasPrefix(name, "pagefind/") {
			continue
		}
		if first[name] != data {
			t.Errorf("%s differs between two builds of the same sources", name)
		}
	}
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	dir := site(t, "bilingual")
	out := filepath.Join(dir, "public")
	if code, _, stderr := runCLI("build", "--source", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	before := snapshot(t, out)
	writeFile(t, filepath.Join(dir, "content/practices/dialogues.en.md"), "---\ntitle: Broken\n---\nA [link](nowhere.md).\n")
	writeFile(t, filepath.Join(dir, "content/practices/bad.en.md"), "---\ntitle: 1\nyear: [\n---\n")
	code, stdout, stderr := runCLI("build", "--source", dir)
	if code != exitErrors {
		t.Fatalf("exit %d, want %d", code, exitErrors)
	}
	for _, want := range []string{
		"content/practices/bad.en.md:3: YAML syntax",
		"content/practices/dialogues.en.md:4:3: link to nowhere.md: no such page",
		"opengov: 2 errors; nothing was written",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if stdout != "" {
		t.Errorf("stdout on failure: %q", stdout)
	}
	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Fatalf("output changed: %d files before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed after a failed build", name)
		}
	}
}

func TestUsageAndVersion(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		out  string
	}{
		{nil, exitUsage, "Usage:"},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{[]string{"build", "--nope"}, exitUsage, "flag provided but not defined"},
		{[]string{"build", "extra"}, exitUsage, `unexpected argument "extra"`},
		{[]string{"build", "-h"}, exitOK, "-base-url URL"},
		{[]string{"version"}, exitOK, "opengov "},
		{[]string{"-h"}, exitOK, "opengov build"},
	} {
		code, stdout, stderr := runCLI(tc.args...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.out) {
			t.Errorf("%v: exit %d, output %q; want exit %d with %q", tc.args, code, stdout+stderr, tc.code, tc.out)
		}
	}
}

func TestBaseURLFlag(t *testing.T) {
	dir := site(t, "bilingual")
	out := filepath.Join(t.TempDir(), "site")
	if code, _, stderr := runCLI("build", "--source", dir, "--out", out, "--base-url", "https://example.net/sub/dir"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	page := snapshot(t, out)["fi/index.html"]
	for _, want := range []string{`href="https://example.net/sub/dir/fi/"`, `href="/sub/dir/fi/hyvat-kaytannot/"`, `href="/sub/dir/site.`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s:\n%s", want, page)
		}
	}
	if code, _, stderr := runCLI("build", "--source", dir, "--out", out, "--base-url", "ftp://x"); code != exitErrors || !strings.Contains(stderr, "--base-url") {
		t.Errorf("bad --base-url: exit %d %s", code, stderr)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestNewScaffoldsAndRefusesToOverwrite(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"site.toml", "content/_vocabularies.toml"} {
		data, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), string(data))
	}
	code, stdout, stderr := runCLI("new", "practice", "open-budget", "--source", dir)
	if code != exitOK || !strings.Contains(stdout, "open-budget.fi.md") || !strings.Contains(stdout, "open-budget.en.md") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := runCLI("new", "--source", dir, "practice", "open-budget"); code != exitErrors || !strings.Contains(stderr, "already exists") {
		t.Errorf("overwrite: exit %d %s", code, stderr)
	}
	if code, _, _ := runCLI("new", "practice"); code != exitUsage {
		t.Errorf("missing name: exit %d", code)
	}
	if code, _, _ := runCLI("new", "news", "x", "--source", dir); code != exitUsage {
		t.Errorf("unknown kind: exit %d", code)
	}
}
