package cms_test

import (
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/cms"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/testsite"
)

// backendSite writes the golden site "basic" into a temporary folder and
// returns a backend over it whose saves are checked by the real build.
func backendSite(t *testing.T) (*cms.Backend, string, *[]diag.List) {
	t.Helper()
	dir := t.TempDir()
	if err := testsite.Write(dir, "bilingual"); err != nil {
		t.Fatal(err)
	}
	if _, errs := build.Run(os.DirFS(dir), build.Options{}); errs != nil {
		t.Fatalf("the test site does not build: %v", errs)
	}
	var rejected []diag.List
	b := &cms.Backend{Root: dir,
		Check:    func(fsys fs.FS) diag.List { _, errs := build.Run(fsys, build.Options{}); return errs },
		Rejected: func(errs diag.List, _ fs.FS) { rejected = append(rejected, errs) },
	}
	return b, dir, &rejected
}

func post(t *testing.T, h http.Handler, body string, edit func(r *http.Request)) (int, map[string]any, string) {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:1313/"+cms.APIPath, strings.NewReader(body))
	r.RemoteAddr = "127.0.0.1:50000"
	r.Header.Set("Content-Type", "application/json")
	if edit != nil {
		edit(r)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	var m map[string]any
	_ = json.Unmarshal(w.Body.Bytes(), &m)
	return w.Code, m, w.Body.String()
}

func persist(path, raw string) string {
	b, _ := json.Marshal(map[string]any{"action": "persistEntry", "params": map[string]any{
		"dataFiles": []map[string]string{{"path": path, "raw": raw}}, "assets": []any{}}})
	return string(b)
}

func TestBackendSavesAValidEntry(t *testing.T) {
	b, dir, rejected := backendSite(t)
	src, err := os.ReadFile(filepath.Join(dir, "content/practices/dialogues.en.md"))
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "\n---\n", "\n---\n\nA sentence the CMS added.\n", 1)
	code, m, body := post(t, b, persist("content/practices/dialogues.en.md", edited), nil)
	if code != http.StatusOK || m["message"] != "entry persisted" {
		t.Fatalf("status %d: %s", code, body)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "content/practices/dialogues.en.md"))
	if string(got) != edited {
		t.Errorf("the file is\n%s\nwant\n%s", got, edited)
	}
	if len(*rejected) != 0 {
		t.Errorf("rejected: %v", *rejected)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "content/practices"))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("a temporary file is left: %s", e.Name())
		}
	}
	code, m, body = post(t, b, `{"action":"getEntry","params":{"path":"content/practices/dialogues.en.md"}}`, nil)
	if code != http.StatusOK || m["data"] != edited {
		t.Errorf("getEntry: %d %s", code, body)
	}
}

func TestBackendRefusesAnEntryTheBuildRejects(t *testing.T) {
	b, dir, rejected := backendSite(t)
	before, _ := os.ReadFile(filepath.Join(dir, "content/practices/dialogues.en.md"))
	broken := "---\ntitle: About\nweight: many\n---\n\nText.\n"
	code, m, body := post(t, b, persist("content/practices/dialogues.en.md", broken), nil)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "content/practices/dialogues.en.md:3:") {
		t.Fatalf("status %d, want 422 naming content/practices/dialogues.en.md:3: %s", code, body)
	}
	if !strings.Contains(m["error"].(string), "not saved") {
		t.Errorf("error %q", m["error"])
	}
	after, _ := os.ReadFile(filepath.Join(dir, "content/practices/dialogues.en.md"))
	if string(after) != string(before) {
		t.Error("a refused save changed the file")
	}
	if len(*rejected) != 1 || (*rejected)[0][0].Pos.File != "content/practices/dialogues.en.md" {
		t.Errorf("Rejected was told %v", *rejected)
	}
	// A new page that links nowhere is refused too, and not written.
	code, _, _ = post(t, b, persist("content/practices/new.en.md", "---\ntitle: New\n---\n\n[x](nowhere.md)\n"), nil)
	if _, err := os.Stat(filepath.Join(dir, "content/practices/new.en.md")); code != http.StatusUnprocessableEntity || err == nil {
		t.Errorf("status %d; the refused new file exists: %v", code, err == nil)
	}
}

func TestBackendStaysInsideContent(t *testing.T) {
	b, dir, _ := backendSite(t)
	for _, p := range []string{"site.toml", "content/../site.toml", "/etc/passwd", "content/.x.md", "templates/baseof.html"} {
		if code, _, body := post(t, b, persist(p, "---\ntitle: x\n---\n"), nil); code != http.StatusForbidden {
			t.Errorf("persist %s: status %d %s", p, code, body)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "etc")); err == nil {
		t.Error("wrote outside content/")
	}
	for name, edit := range map[string]func(*http.Request){
		"another machine": func(r *http.Request) { r.RemoteAddr = "192.0.2.7:4000" },
		"another host":    func(r *http.Request) { r.Host = "attacker.example" },
		"another origin":  func(r *http.Request) { r.Header.Set("Origin", "https://attacker.example") },
		"a form post":     func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") },
	} {
		if code, _, _ := post(t, b, `{"action":"info"}`, edit); code == http.StatusOK {
			t.Errorf("%s: answered", name)
		}
	}
	if code, m, _ := post(t, b, `{"action":"info"}`, nil); code != http.StatusOK || m["type"] != "local_fs" {
		t.Errorf("info: %d %v", code, m)
	}
}

func TestBackendListsAFolder(t *testing.T) {
	b, _, _ := backendSite(t)
	code, _, body := post(t, b, `{"action":"entriesByFolder","params":{"folder":"content/practices","extension":"md","depth":1}}`, nil)
	if code != http.StatusOK || !strings.Contains(body, `"path":"content/practices/dialogues.en.md"`) || strings.Contains(body, `"path":"content/practices/_index`) {
		t.Errorf("status %d: %s", code, body)
	}
}

// FuzzBackendPaths sends persistEntry, getEntry and deleteFile with any
// path: whatever the backend does, it touches nothing outside content/
// and the media folder.
func FuzzBackendPaths(f *testing.F) {
	for _, p := range []string{"content/x.fi.md", "content/../site.toml", "../x.md", "/etc/x.md", "content/a/../../x.md", "static/media/a.png", "content/.x.md", "content\\..\\x.md", "content/%2e%2e/x.md"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		dir := t.TempDir()
		site := filepath.Join(dir, "site")
		if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
			t.Fatal(err)
		}
		b := &cms.Backend{Root: site}
		for _, action := range []string{"persistEntry", "persistMedia", "getEntry", "deleteFile"} {
			params := map[string]any{"path": p, "dataFiles": []map[string]string{{"path": p, "raw": "x"}}, "assets": []any{},
				"asset": map[string]string{"path": p, "content": "eA==", "encoding": "base64"}}
			body, _ := json.Marshal(map[string]any{"action": action, "params": params})
			post(t, b, string(body), nil)
		}
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(site, path)
			rel = filepath.ToSlash(rel)
			if !strings.HasPrefix(rel, "content/") && !strings.HasPrefix(rel, "static/media/") {
				t.Errorf("path %q wrote %s", p, rel)
			}
			return nil
		})
	})
}

func TestBackendRefusesASaveThatPanicsTheBuild(t *testing.T) {
	b, dir, _ := backendSite(t)
	b.Check = func(fsys fs.FS) diag.List {
		if data, _ := fs.ReadFile(fsys, "content/practices/dialogues.en.md"); string(data) == "---\ntitle: x\n---\n" {
			panic("boom")
		}
		return nil
	}
	code, _, body := post(t, b, persist("content/practices/dialogues.en.md", "---\ntitle: x\n---\n"), nil)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "internal error while building the save: boom") {
		t.Errorf("status %d: %s", code, body)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "content/practices/dialogues.en.md")); string(got) == "---\ntitle: x\n---\n" {
		t.Error("the save was written")
	}
}
