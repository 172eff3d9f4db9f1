package dev

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/opengov-fi/opengov/internal/testsite"
)

// devSite runs the server on a copy of a golden test site and returns it.
type devSite struct {
	t      *testing.T
	dir    string
	url    string
	events chan event
	// warnings are the "warnings" events: opengov check's findings.
	warnings chan event
	builds   atomic.Int32
	log      *syncBuffer
	stop     func() error
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func start(t *testing.T) *devSite {
	t.Helper()
	dir := t.TempDir()
	if err := testsite.Write(dir, "bilingual"); err != nil {
		t.Fatal(err)
	}
	d := &devSite{t: t, dir: dir, events: make(chan event, 64), warnings: make(chan event, 64), log: &syncBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Root: dir, Bind: "127.0.0.1", Port: 0, Log: d.log,
			Ready: func(url string) { ready <- url },
			Built: func(string) { d.builds.Add(1) }})
	}()
	select {
	case d.url = <-ready:
	case err := <-done:
		t.Fatalf("server stopped: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("server did not start")
	}
	d.stop = func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(5 * time.Second):
			return fmt.Errorf("server did not stop")
		}
	}
	t.Cleanup(func() { d.stop() })
	d.listen()
	return d
}

// listen reads the event stream in the background; the first event, the
// status sent on connecting, is checked and dropped.
func (d *devSite) listen() {
	resp, err := http.Get(d.url + "__livereload")
	if err != nil {
		d.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		d.t.Fatalf("event stream content type %q", ct)
	}
	d.t.Cleanup(func() { resp.Body.Close() })
	first := make(chan event, 1)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		seen := false
		for sc.Scan() {
			data, ok := strings.CutPrefix(sc.Text(), "data: ")
			if !ok {
				continue
			}
			var ev event
			if err := json.Unmarshal([]byte(data), &ev); err != nil {
				continue
			}
			if !seen {
				seen = true
				first <- ev
				continue
			}
			if ev.Type == "warnings" { // check's findings, after a build: tests of them read these
				select {
				case d.warnings <- ev:
				default:
				}
				continue
			}
			d.events <- ev
		}
	}()
	select {
	case ev := <-first:
		if ev.Type != "ok" {
			d.t.Fatalf("status on connecting: %+v", ev)
		}
	case <-time.After(5 * time.Second):
		d.t.Fatal("no status event")
	}
}

// firstEvent connects a new tab and returns the status it is sent.
func (d *devSite) firstEvent() event {
	d.t.Helper()
	resp, err := http.Get(d.url + "__livereload")
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
			var ev event
			if err := json.Unmarshal([]byte(data), &ev); err != nil {
				d.t.Fatal(err)
			}
			return ev
		}
	}
	d.t.Fatal("no event")
	return event{}
}

// next waits for the next event.
func (d *devSite) next() event {
	d.t.Helper()
	select {
	case ev := <-d.events:
		return ev
	case <-time.After(10 * time.Second):
		d.t.Fatalf("no event; log:\n%s", d.log.String())
	}
	return event{}
}

// quiet checks that no event comes for a while.
func (d *devSite) quiet() {
	d.t.Helper()
	select {
	case ev := <-d.events:
		d.t.Fatalf("unexpected event %+v", ev)
	case <-time.After(400 * time.Millisecond):
	}
}

func (d *devSite) write(name, data string) {
	d.t.Helper()
	path := filepath.Join(d.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		d.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		d.t.Fatal(err)
	}
}

func (d *devSite) get(path string) (int, string, string) {
	d.t.Helper()
	resp, err := http.Get(d.url + strings.TrimPrefix(path, "/"))
	if err != nil {
		d.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
}

func (d *devSite) page(path string) string {
	d.t.Helper()
	status, _, body := d.get(path)
	if status != http.StatusOK {
		d.t.Fatalf("GET %s: %d", path, status)
	}
	return body
}

const page = "content/practices/dialogues.en.md"

func pageSource(title, body string) string {
	return "---\ntitle: " + title + "\nslug: lockdown-dialogues\npublished: 2026-11-23\n---\n" + body + "\n"
}

func TestReloadAfterPlainAndAtomicSaves(t *testing.T) {
	d := start(t)
	if !strings.Contains(d.page("/en/good-practices/lockdown-dialogues/"), `<script src="/__livereload.js"`) {
		t.Fatal("the live-reload script is not injected")
	}
	d.write(page, pageSource("Plain save", "Saved in place."))
	if ev := d.next(); ev.Type != "reload" {
		t.Fatalf("after a plain save: %+v", ev)
	}
	if !strings.Contains(d.page("/en/good-practices/lockdown-dialogues/"), "Plain save") {
		t.Error("the page was not rebuilt before the reload event")
	}
	// An atomic save as vim, VS Code or JetBrains do it: write a temporary
	// file, then rename it over the page, with a backup file on the side.
	tmp := filepath.Join(d.dir, "content/practices/.dialogues.en.md.tmp")
	os.WriteFile(tmp, []byte(pageSource("Atomic save", "Renamed into place.")), 0o644)
	os.WriteFile(filepath.Join(d.dir, "content/practices/dialogues.en.md~"), []byte("backup"), 0o644)
	os.WriteFile(filepath.Join(d.dir, "content/practices/4913"), []byte(""), 0o644)
	if err := os.Rename(tmp, filepath.Join(d.dir, page)); err != nil {
		t.Fatal(err)
	}
	if ev := d.next(); ev.Type != "reload" {
		t.Fatalf("after an atomic save: %+v", ev)
	}
	if !strings.Contains(d.page("/en/good-practices/lockdown-dialogues/"), "Atomic save") {
		t.Error("the atomic save was not picked up")
	}
	d.quiet()
	// Temporary and backup files alone cause no rebuild.
	os.WriteFile(filepath.Join(d.dir, "content/practices/.#dialogues.en.md"), []byte("lock"), 0o644)
	os.WriteFile(filepath.Join(d.dir, "content/practices/dialogues.en.md.swp"), []byte("swap"), 0o644)
	os.WriteFile(filepath.Join(d.dir, "content/practices/x.bck"), []byte("b"), 0o644)
	d.quiet()
}

func TestCreateDeleteAndRenameFilesAndFolders(t *testing.T) {
	d := start(t)
	d.write("content/practices/new.en.md", "---\ntitle: Brand new\n---\nNew.\n")
	d.next()
	if !strings.Contains(d.page("/en/good-practices/new/"), "Brand new") {
		t.Fatal("new page missing")
	}
	// A new folder with a page in it.
	d.write("content/topics/_index.en.md", "---\ntitle: Topics\n---\n")
	d.write("content/topics/one.en.md", "---\ntitle: Topic one\n---\n")
	d.next()
	if !strings.Contains(d.page("/en/topics/one/"), "Topic one") {
		t.Fatal("page in a new folder missing")
	}
	// Files added later to the new folder are seen, so it is watched.
	d.write("content/topics/two.en.md", "---\ntitle: Topic two\n---\n")
	d.next()
	d.page("/en/topics/two/")
	// Renaming a folder moves its pages; the old output disappears.
	if err := os.Rename(filepath.Join(d.dir, "content/topics"), filepath.Join(d.dir, "content/subjects")); err != nil {
		t.Fatal(err)
	}
	d.next()
	if status, _, _ := d.get("/en/topics/one/"); status != http.StatusNotFound {
		t.Errorf("old URL after renaming the folder: %d", status)
	}
	d.page("/en/subjects/one/")
	// Renaming and deleting files.
	if err := os.Rename(filepath.Join(d.dir, "content/practices/new.en.md"), filepath.Join(d.dir, "content/practices/newer.en.md")); err != nil {
		t.Fatal(err)
	}
	d.next()
	if status, _, _ := d.get("/en/good-practices/new/"); status != http.StatusNotFound {
		t.Errorf("old URL after renaming the file: %d", status)
	}
	d.page("/en/good-practices/newer/")
	os.Remove(filepath.Join(d.dir, "content/practices/newer.en.md"))
	d.next()
	if status, _, _ := d.get("/en/good-practices/newer/"); status != http.StatusNotFound {
		t.Errorf("deleted page still served: %d", status)
	}
	// Deleting a folder.
	os.RemoveAll(filepath.Join(d.dir, "content/subjects"))
	d.next()
	if status, _, _ := d.get("/en/subjects/one/"); status != http.StatusNotFound {
		t.Errorf("page of a deleted folder still served: %d", status)
	}
}

func TestBurstGivesOneRebuild(t *testing.T) {
	d := start(t)
	before := d.builds.Load()
	var saved []time.Time
	for i := range 200 {
		d.write(fmt.Sprintf("content/practices/burst-%03d.en.md", i), fmt.Sprintf("---\ntitle: Burst %d\n---\n", i))
		saved = append(saved, time.Now())
	}
	d.waitFor("/en/good-practices/burst-199/", "Burst 199")
	d.settle()
	// One rebuild; two where this busy machine paused the writes for
	// longer than the 10 ms a save alone waits; more for longer pauses.
	if n, allowed := int(d.builds.Load()-before), allowedRebuilds(2, saved); n > allowed {
		t.Fatalf("%d rebuilds for a burst of 200 files written in %v, want 1 (at most %d)", n, saved[199].Sub(saved[0]), allowed)
	}
	d.page("/en/good-practices/burst-199/")
}

func TestErrorOverlayAndRecovery(t *testing.T) {
	d := start(t)
	good := d.page("/en/good-practices/lockdown-dialogues/")
	d.write(page, "---\ntitle: Broken\nyear: [\n---\nBody.\n")
	ev := d.next()
	if ev.Type != "error" || len(ev.Errors) != 1 {
		t.Fatalf("after a broken save: %+v", ev)
	}
	p := ev.Errors[0]
	if p.Pos.String() != "content/practices/dialogues.en.md:3" || !strings.Contains(p.Msg, "YAML syntax") || !strings.Contains(p.Excerpt, "year: [") {
		t.Errorf("problem %+v", p)
	}
	if !strings.Contains(d.log.String(), "content/practices/dialogues.en.md:3: YAML syntax") {
		t.Errorf("the terminal does not show the error:\n%s", d.log.String())
	}
	// The last good build is still served, and a new tab learns of the error.
	if d.page("/en/good-practices/lockdown-dialogues/") != good {
		t.Error("the last good build is not served")
	}
	if ev := d.firstEvent(); ev.Type != "error" || len(ev.Errors) != 1 {
		t.Errorf("a tab connecting now is told %+v", ev)
	}
	// A broken link and a template error are reported the same way.
	d.write(page, pageSource("Linked", "See [nothing](missing.md)."))
	if ev := d.next(); ev.Type != "error" || ev.Errors[0].Pos.String() != "content/practices/dialogues.en.md:6:5" {
		t.Fatalf("broken link: %+v", ev)
	}
	const tpl = "templates/practices/single.html"
	d.write(tpl, `{{ template "baseof.html" . }}{{ define "main" }}{{ .Nope }}{{ end }}`)
	if ev := d.next(); ev.Type != "error" || !strings.HasPrefix(ev.Errors[len(ev.Errors)-1].Pos.String(), tpl+":1:") {
		t.Fatalf("template error: %+v", ev)
	}
	// The next good saves clear it.
	d.write(page, pageSource("Fixed", "All good."))
	d.write(tpl, `{{ template "baseof.html" . }}{{ define "main" }}<h1>{{ .Page.Front.Title }}</h1>{{ .Content }}{{ end }}`)
	// (A rebuild may come between a save's truncation and its write.)
	d.waitFor("/en/good-practices/lockdown-dialogues/", "Fixed")
	if ev := d.firstEvent(); ev.Type != "ok" {
		t.Errorf("after the fixes a tab connecting is told %+v", ev)
	}
}

func TestStylesheetChangeSwapsStyles(t *testing.T) {
	d := start(t)
	d.write("static/site.css", "body { color: #222222; }\n")
	ev := d.next()
	if ev.Type != "css" || len(ev.CSS) != 1 {
		t.Fatalf("after a stylesheet change: %+v", ev)
	}
	for old, next := range ev.CSS {
		if old == next || !strings.HasPrefix(next, "/site.") {
			t.Errorf("swap %s -> %s", old, next)
		}
		if status, ctype, body := d.get(next); status != 200 || ctype != "text/css; charset=utf-8" || !strings.Contains(body, "#222") {
			t.Errorf("new stylesheet: %d %s %q", status, ctype, body)
		}
	}
}

func TestServingRules(t *testing.T) {
	d := start(t)
	for _, tc := range []struct {
		path   string
		status int
		ctype  string
		has    string
	}{
		{"/", 200, "text/html; charset=utf-8", `lang="fi"`},
		{"/fi/hyvat-kaytannot/", 200, "text/html; charset=utf-8", "Hyvät käytännöt"},
		{"/sitemap.xml", 200, "application/xml; charset=utf-8", "urlset"},
		{"/robots.txt", 200, "text/plain; charset=utf-8", "Sitemap:"},
		{"/__livereload.js", 200, "text/javascript; charset=utf-8", "EventSource"},
		{"/fi/ei-ole/", 404, "text/html; charset=utf-8", "Sivua ei löytynyt"},
		{"/en/missing/page/", 404, "text/html; charset=utf-8", "Page not found"},
		{"/nowhere", 404, "text/html; charset=utf-8", "Sivua ei löytynyt"},
		{"/fi/../../etc/passwd", 404, "", ""},
		{"/fi/%2e%2e/%2e%2e/etc/passwd", 404, "", ""},
		{"/..%2f..%2fetc%2fpasswd", 404, "", ""},
		{"/fi/..%5c..%5csite.toml", 404, "", ""},
	} {
		status, ctype, body := d.get(tc.path)
		if status != tc.status || (tc.ctype != "" && ctype != tc.ctype) || !strings.Contains(body, tc.has) {
			t.Errorf("GET %s: %d %s, want %d %s with %q", tc.path, status, ctype, tc.status, tc.ctype, tc.has)
		}
		if strings.Contains(body, "root:") || strings.Contains(body, "base_url") {
			t.Errorf("GET %s leaked a file outside the site", tc.path)
		}
	}
	// A folder without its slash is redirected to it.
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(d.url + "fi/hyvat-kaytannot")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/fi/hyvat-kaytannot/" {
		t.Errorf("redirect: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestStopsCleanly(t *testing.T) {
	d := start(t)
	if err := d.stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(d.url); err == nil {
		t.Error("still serving after stop")
	}
	if !strings.Contains(d.log.String(), "stopped") {
		t.Errorf("log:\n%s", d.log.String())
	}
}

// TestCheckFindingsWhileTyping: what opengov check finds shows while an
// editor types: a save that adds a broken anchor and a link written as a
// URL still reloads the page, then brings the findings to the open tabs
// (and to the terminal); the next save that fixes them clears them.
func TestCheckFindingsWhileTyping(t *testing.T) {
	d := start(t)
	before := d.firstEvent().Warnings
	d.write(page, pageSource("Linked", "See [the home page](/en/) and [a section](practices-anchor.md#nowhere)."))
	d.write("content/practices/practices-anchor.en.md", "---\ntitle: Anchor\nsummary: A page with a heading.\n---\n## Here\n")
	// The reload comes first, and the page is served.
	if ev := d.next(); ev.Type != "reload" {
		t.Fatalf("after the save: %+v", ev)
	}
	// The check runs beside the builds: the findings of the save come in
	// one of the next "warnings" events (the first may be the initial
	// build's).
	var found event
	var codes []string
	deadline := time.After(10 * time.Second)
	for strings.Join(codes, " ") != "url-link broken-anchor" {
		select {
		case found = <-d.warnings:
		case <-deadline:
			t.Fatalf("no findings of the save; last %v; log:\n%s", found.Warnings, d.log.String())
		}
		codes = nil
		for _, f := range found.Warnings {
			if f.Pos.File == page && (f.Code == "url-link" || f.Code == "broken-anchor") {
				codes = append(codes, string(f.Code))
				if f.Excerpt == "" {
					t.Errorf("%v has no excerpt", f)
				}
			}
		}
	}
	if strings.Join(codes, " ") != "url-link broken-anchor" {
		t.Errorf("findings in %s: %v, want url-link and broken-anchor; all:\n%v", page, codes, found.Warnings)
	}
	if !strings.Contains(d.log.String(), "warning: link to /en/ is the URL of content/_index.en.md") {
		t.Errorf("the terminal does not show the finding:\n%s", d.log.String())
	}
	// A tab that connects now is told of them with its status.
	if ev := d.firstEvent(); ev.Type != "ok" || len(ev.Warnings) != len(found.Warnings) {
		t.Errorf("a new tab is told %+v", ev)
	}
	d.write(page, pageSource("Linked", "See [the home page](../_index.md) and [a section](practices-anchor.md#here)."))
	if ev := d.next(); ev.Type != "reload" {
		t.Fatalf("after the fix: %+v", ev)
	}
	deadline = time.After(10 * time.Second)
	for fixed := false; !fixed; {
		select {
		case found = <-d.warnings:
		case <-deadline:
			t.Fatalf("the findings stay after the fix: %v", found.Warnings)
		}
		fixed = true
		for _, f := range found.Warnings {
			if f.Code == "url-link" || f.Code == "broken-anchor" {
				fixed = false
			}
		}
	}
	if len(found.Warnings) <= len(before) {
		t.Errorf("the findings of the new page (no summary, no Finnish version) are missing: %v", found.Warnings)
	}
}
