package main

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
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
	if err := os.Remove(filepath.Join(dir, "content/practices/only-fi.fi.md")); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI("build", "--source", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	second := snapshot(t, out)
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
	noStaging(t, dir)
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

func TestBuildRefusesToReplaceSourcesAndForeignFolders(t *testing.T) {
	top := t.TempDir()
	dir := filepath.Join(top, "site")
	if err := testsite.Write(dir, "bilingual"); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(top, "beside.txt"), "not part of the site\n")
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "ref: refs/heads/main\n")
	writeFile(t, filepath.Join(dir, "notes", "todo.md"), "my notes")
	abs, _ := filepath.Abs(top)
	for _, tc := range []struct{ out, why string }{
		{abs, "it holds the site's folder"},
		{"..", "it holds the site's folder"},
		{".", "it is the site's folder"},
		{"content", "it is the site's content"},
		{"templates", "it is the site's templates"},
		{"i18n", "it is the site's i18n"},
		{".git", "it is the site's .git"},
		{"content/practices", "it lies inside the site's content"},
		{"public/../content", "it is the site's content"},
		{"notes", "no opengov build made it"},
	} {
		before := snapshot(t, top)
		code, stdout, stderr := runCLI("build", "--source", dir, "--out", tc.out)
		if code != exitUsage || !strings.Contains(stderr, tc.why) || !strings.Contains(stderr, "refusing to build into ") || stdout != "" {
			t.Errorf("--out %s: exit %d, stderr %q; want exit %d with %q", tc.out, code, stderr, exitUsage, tc.why)
		}
		after := snapshot(t, top)
		if len(after) != len(before) {
			t.Errorf("--out %s: %d files before, %d after", tc.out, len(before), len(after))
		}
		for name, data := range before {
			if after[name] != data {
				t.Errorf("--out %s: %s changed", tc.out, name)
			}
		}
	}
}

func TestBuildKeepsFilesItDidNotWrite(t *testing.T) {
	dir := site(t, "bilingual")
	out := filepath.Join(dir, "public")
	if code, _, stderr := runCLI("build", "--source", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	writeFile(t, filepath.Join(out, "CNAME"), "opengov.fi\n")
	before := snapshot(t, out)
	code, _, stderr := runCLI("build", "--source", dir)
	if code != exitUsage || !strings.Contains(stderr, "no opengov build wrote: CNAME") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	after := snapshot(t, out)
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed", name)
		}
	}
	if err := os.Remove(filepath.Join(out, "CNAME")); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI("build", "--source", dir); code != 0 {
		t.Fatalf("after removing CNAME: exit %d: %s", code, stderr)
	}
	noStaging(t, dir)
}

// noStaging fails if a staging folder was left in dir.
func noStaging(t *testing.T, dir string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(dir, ".*staging*"))
	if len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

func TestBuildStopsAtYAMLAliasLoopsAndBombs(t *testing.T) {
	bomb := "---\ntitle: x\na0: &a0 [lol]\n"
	for i := 1; i <= 8; i++ {
		bomb += fmt.Sprintf("a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 9), ","))
	}
	bomb += "---\nBody.\n"
	for _, tc := range []struct{ src, want string }{
		{"---\ntitle: T\nx: &a [*a]\n---\nBody.\n", "content/loop.en.md:3:8: alias *a is inside the value of &a itself"},
		{bomb, "content/loop.en.md:7:10: alias *a3 expands to too many values"},
	} {
		dir := site(t, "bilingual")
		writeFile(t, filepath.Join(dir, "content/loop.en.md"), tc.src)
		code, _, stderr := runCLI("build", "--source", dir)
		if code != exitErrors || !strings.Contains(stderr, tc.want) {
			t.Errorf("exit %d, stderr %q; want %d with %q", code, stderr, exitErrors, tc.want)
		}
		noStaging(t, dir)
		if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
			t.Error("a failed first build made public/")
		}
	}
}

// urlRefs finds the URLs in HTML attributes and in sitemap and feed
// elements.
var urlRefs = regexp.MustCompile(`(?:href|src)="([^"]*)"|<(?:loc|id|uri)>([^<]*)</`)

// validURL reports whether s has only characters a URL may carry as they
// are, with every % starting an escape.
func validURL(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.IndexByte("-._~:/?#[]@!$&'()*+,;=", c) >= 0:
		default:
			return false
		}
	}
	return true
}

func isHex(c byte) bool { return strings.IndexByte("0123456789abcdefABCDEF", c) >= 0 }

func TestEveryURLIsValid(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI("build", "--source", "../..", "--out", out, "--base-url", "https://example.org/my site/"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checked := 0
	for name, data := range snapshot(t, out) {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") {
			continue
		}
		for _, m := range urlRefs.FindAllStringSubmatch(data, -1) {
			u := html.UnescapeString(m[1] + m[2])
			if !validURL(u) {
				t.Errorf("%s: %q is not a valid URL", name, u)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d URLs checked", checked)
	}
	if sitemap := snapshot(t, out)["sitemap.xml"]; !strings.Contains(sitemap, "https://example.org/my%20site/fi/") {
		t.Errorf("the sitemap does not carry the encoded base URL:\n%.500s", sitemap)
	}
}

func TestFileNameThatCannotBeAURL(t *testing.T) {
	for name, want := range map[string]string{
		"content/About Us.en.md": `content/About Us.en.md:2: the file name "About Us" cannot be part of a URL`,
		"content/404.html.en.md": `content/404.html.en.md:2: the file name "404.html" cannot be part of a URL`,
	} {
		dir := site(t, "bilingual")
		writeFile(t, filepath.Join(dir, name), "---\ntitle: T\n---\nBody.\n")
		code, _, stderr := runCLI("build", "--source", dir)
		if code != exitErrors || !strings.Contains(stderr, want) || strings.Contains(stderr, "staging") {
			t.Errorf("%s: exit %d, stderr %q; want %d with %q", name, code, stderr, exitErrors, want)
		}
		noStaging(t, dir)
	}
}

// TestBuildWithoutSearch checks that --search=false leaves out the search
// index and nothing else, so that the build can be timed without Pagefind.
func TestBuildWithoutSearch(t *testing.T) {
	dir := site(t, "bilingual")
	with, without := filepath.Join(t.TempDir(), "with"), filepath.Join(t.TempDir(), "without")
	if code, _, stderr := runCLI("build", "--source", dir, "--out", with); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, stdout, stderr := runCLI("build", "--source", dir, "--out", without, "--search=false")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout, "indexed") {
		t.Errorf("--search=false indexed: %s", stdout)
	}
	a, b := snapshot(t, with), snapshot(t, without)
	indexed := 0
	for name, data := range a {
		if strings.HasPrefix(name, "pagefind/") {
			indexed++
			if _, ok := b[name]; ok {
				t.Errorf("--search=false wrote %s", name)
			}
			continue
		}
		if name == ".opengov-manifest" {
			continue
		}
		if b[name] != data {
			t.Errorf("%s differs without search", name)
		}
	}
	if indexed == 0 {
		t.Fatal("the build with search wrote no pagefind/ files")
	}
	if len(b) != len(a)-indexed {
		t.Errorf("without search %d files, with search %d of which %d indexed", len(b), len(a), indexed)
	}
}
