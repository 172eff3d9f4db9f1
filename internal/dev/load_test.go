package dev

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opengov-fi/opengov/internal/build"
)

// The load test's own pages: one in the practices section, whose title and
// body carry its revision, and a folder that is renamed back and forth.
const (
	loadPage     = "content/practices/load.en.md"
	loadPageURL  = "/en/good-practices/load/"
	loadListURL  = "/en/good-practices/"
	loadTemplate = "templates/practices/single.html"
	goodTemplate = `{{ template "baseof.html" . }}{{ define "main" }}<h1>{{ .Page.Front.Title }}</h1>{{ .Content }}{{ end }}`
)

func loadSource(rev string) string {
	return "---\ntitle: Load " + rev + "\npublished: 2026-11-23\n---\nRevision " + rev + " of the load page.\n"
}

var (
	scriptTag   = regexp.MustCompile(`<script src="/__livereload\.js" data-version="(\d+)"></script>`)
	loadMarkers = regexp.MustCompile(`(?:Load|Revision) (\w+)`)
)

// loadStats is what the readers saw; every field but the counts is a
// failure.
type loadStats struct {
	mu       sync.Mutex
	requests int
	failures []string
	byVer    map[int]map[string][32]byte // version -> path -> body hash
	revOfVer map[int]string              // version -> revision of the load page it shows
}

func (s *loadStats) fail(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.failures) < 20 {
		s.failures = append(s.failures, fmt.Sprintf(format, args...))
	}
}

// check checks one answer: whole (its length as announced, an HTML page
// from its doctype to </html> with one live-reload script), of one build
// (the same bytes as every other answer for that path from that build, the
// load page's revision the same in its title, heading and text and in the
// listing of the same build), and of no build older than one this reader
// saw before. It returns the build's version, or -1.
func (s *loadStats) check(path string, resp *http.Response, body []byte, lastVersion int) int {
	if resp.StatusCode >= 500 {
		s.fail("GET %s: %d %s", path, resp.StatusCode, body)
		return -1
	}
	if n, err := strconv.Atoi(resp.Header.Get("Content-Length")); resp.Request.Method == http.MethodGet && (err != nil || n != len(body)) {
		s.fail("GET %s: Content-Length %q, body of %d bytes", path, resp.Header.Get("Content-Length"), len(body))
	}
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNotFound ||
		!strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		return -1 // a redirect, a stylesheet, the sitemap
	}
	tags := scriptTag.FindAllSubmatch(body, -1)
	if len(tags) != 1 || !bytes.HasPrefix(bytes.ToLower(body), []byte("<!doctype html>")) || !bytes.HasSuffix(bytes.TrimSpace(body), []byte("</html>")) {
		s.fail("GET %s: %d, not one whole page with one live-reload script: %.200q ... %.200q", path, resp.StatusCode, body, body[max(0, len(body)-200):])
		return -1
	}
	version, _ := strconv.Atoi(string(tags[0][1]))
	if version < lastVersion {
		s.fail("GET %s: build %d after this reader saw build %d", path, version, lastVersion)
	}
	var rev string
	if path == loadPageURL || path == loadListURL {
		for _, m := range loadMarkers.FindAllSubmatch(body, -1) {
			if rev != "" && string(m[1]) != rev {
				s.fail("GET %s (build %d): a mixed page, revisions %s and %s", path, version, rev, m[1])
			}
			rev = string(m[1])
		}
	}
	sum := sha256.Sum256(body)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	paths := s.byVer[version]
	if paths == nil {
		paths = map[string][32]byte{}
		s.byVer[version] = paths
	}
	if old, ok := paths[path]; ok && old != sum {
		s.failures = append(s.failures, fmt.Sprintf("GET %s: two different answers from build %d", path, version))
	}
	paths[path] = sum
	if rev != "" && resp.StatusCode == http.StatusOK {
		if old, ok := s.revOfVer[version]; ok && old != rev {
			s.failures = append(s.failures, fmt.Sprintf("build %d shows revision %s on one page and %s on another (%s)", version, old, rev, path))
		}
		s.revOfVer[version] = rev
	}
	return version
}

// sseClient records the events of one tab.
type sseClient struct {
	mu     sync.Mutex
	events []event
	err    error
}

func (c *sseClient) run(ctx context.Context, url string, connected chan<- struct{}) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"__livereload", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.mu.Lock()
		c.err = err
		c.mu.Unlock()
		close(connected)
		return
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	first := true
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok {
			continue
		}
		var ev event
		if err := json.Unmarshal([]byte(data), &ev); err != nil {
			c.mu.Lock()
			c.err = fmt.Errorf("event %q: %v", data, err)
			c.mu.Unlock()
			continue
		}
		c.mu.Lock()
		c.events = append(c.events, ev)
		c.mu.Unlock()
		if first {
			first = false
			close(connected)
		}
	}
	if err := sc.Err(); err != nil && ctx.Err() == nil {
		c.mu.Lock()
		c.err = err
		c.mu.Unlock()
	}
}

// last returns the last event about a build the tab received (events of
// other types, such as opengov check's findings sent after a build, are
// not builds), and how many events it received.
func (c *sseClient) last() (event, int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := len(c.events) - 1; i >= 0; i-- {
		if ev := c.events[i]; slices.Contains([]string{"ok", "reload", "css", "error"}, ev.Type) {
			return ev, len(c.events), c.err
		}
	}
	return event{}, len(c.events), c.err
}

// While readers fetch every page without pause and tabs listen, the test
// saves (in place and atomically), renames files and folders, deletes and
// recreates pages, breaks and fixes a page, a link and a template, and
// changes the stylesheet. No answer may be an error, cut short, or a mix
// of two builds; at the end the site served is what a fresh build of the
// sources makes, and every tab was told of the last build.
func TestServeUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test takes some seconds; ./build.sh test runs it")
	}
	d := start(t)
	go func() { // the devSite's own tab: keep it drained
		for range d.events {
		}
	}()
	d.write(loadPage, loadSource("0"))
	d.write("content/load-a/_index.en.md", "---\ntitle: Load folder\n---\n")
	d.write("content/load-a/item.en.md", "---\ntitle: Load item\n---\nAn item.\n")
	d.waitFor("/en/load-a/item/", "An item.")

	fresh := func() map[string][]byte {
		t.Helper()
		res, errs := build.Run(os.DirFS(d.dir), build.Options{BaseURL: d.url})
		if errs != nil {
			t.Fatalf("fresh build: %v", errs)
		}
		files := map[string][]byte{}
		for _, f := range res.Files {
			files[f.Path] = f.Data
		}
		return files
	}
	var urls []string
	for p := range fresh() {
		urls = append(urls, "/"+strings.TrimSuffix(p, "index.html"))
	}
	urls = append(urls, "/en/load-b/", "/en/load-b/item/", "/en/good-practices/load-renamed/", "/fi/hyvat-kaytannot", "/en/missing/")
	slices.Sort(urls)

	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	stats := &loadStats{byVer: map[int]map[string][32]byte{}, revOfVer: map[int]string{}}
	client := &http.Client{
		Transport:     &http.Transport{MaxIdleConnsPerHost: 16},
		Timeout:       15 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	defer client.CloseIdleConnections()
	readers, stop := sync.WaitGroup{}, make(chan struct{})
	for r := range 4 {
		readers.Go(func() {
			last := 0 // the newest build this reader saw
			for i := r; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				path := urls[i%len(urls)]
				resp, err := client.Get(d.url + strings.TrimPrefix(path, "/"))
				if err != nil {
					stats.fail("GET %s: %v", path, err)
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil {
					stats.fail("GET %s: reading the body: %v", path, err)
					continue
				}
				last = max(last, stats.check(path, resp, body, last))
			}
		})
	}
	// Tabs: three listen throughout, one connects only in the middle.
	tabs := make([]*sseClient, 4)
	var listening sync.WaitGroup
	connect := func(i int) {
		tabs[i] = &sseClient{}
		connected := make(chan struct{})
		listening.Go(func() { tabs[i].run(ctx, d.url, connected) })
		select {
		case <-connected:
		case <-time.After(10 * time.Second):
			t.Fatalf("tab %d could not connect", i)
		}
	}
	for i := range 3 {
		connect(i)
	}

	abs := func(name string) string { return filepath.Join(d.dir, filepath.FromSlash(name)) }
	pause := func() { time.Sleep(40 * time.Millisecond) }
	atomicSave := func(name, data string) {
		tmp := abs(name) + ".new"
		if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, abs(name)); err != nil {
			t.Fatal(err)
		}
	}
	rev := 0
	save := func() string {
		rev++
		return loadSource(strconv.Itoa(rev))
	}
	started := time.Now()
	for round := range 6 {
		if round == 3 {
			connect(3)
		}
		d.write(loadPage, save()) // saved in place
		pause()
		atomicSave(loadPage, save()) // saved as editors that rename do
		time.Sleep(150 * time.Millisecond)
		for range 5 { // a quick succession of saves
			d.write(loadPage, save())
			time.Sleep(15 * time.Millisecond)
		}
		d.rename(loadPage, "content/practices/load-renamed.en.md") // rename a file, and back
		pause()
		d.rename("content/practices/load-renamed.en.md", loadPage)
		pause()
		from, to := "content/load-a", "content/load-b" // rename a folder
		if round%2 == 1 {
			from, to = to, from
		}
		d.rename(from, to)
		pause()
		d.write(to+"/item.en.md", fmt.Sprintf("---\ntitle: Load item\n---\nAn item, round %d.\n", round))
		pause()
		os.Remove(abs(loadPage)) // delete, then write again
		pause()
		d.write(loadPage, save())
		pause()
		d.write(loadPage, "---\ntitle: [\n---\nBroken.\n") // break and fix the page
		time.Sleep(150 * time.Millisecond)
		d.write(loadPage, save())
		pause()
		d.write(loadPage, "---\ntitle: Load link\n---\nSee [nothing](missing.md).\n") // a broken link
		pause()
		atomicSave(loadPage, save())
		pause()
		d.write(loadTemplate, `{{ template "baseof.html" . }}{{ define "main" }}{{ .Nope }}{{ end }}`) // break and fix a template
		time.Sleep(150 * time.Millisecond)
		d.write(loadTemplate, goodTemplate)
		pause()
		d.write("static/site.css", fmt.Sprintf("body { color: #%06d; }\n", round)) // a stylesheet
		time.Sleep(100 * time.Millisecond)
	}
	// The last changes: a save, a folder renamed and an edit in it, then
	// the templates folder replaced by a copy and a template edited in it.
	// Nothing comes after, so an edit the watcher misses is never built.
	d.write(loadPage, loadSource("final"))
	d.rename("content/load-a", "content/load-b")
	pause()
	d.write("content/load-b/item.en.md", "---\ntitle: Load item\n---\nThe last item.\n")
	d.waitFor("/en/load-b/item/", "The last item.")
	spare := filepath.Join(t.TempDir(), "templates")
	copyTree(t, abs("templates"), spare)
	if err := os.RemoveAll(abs("templates")); err != nil {
		t.Fatal(err)
	}
	copyTree(t, spare, abs("templates"))
	pause()
	d.write(loadTemplate, strings.Replace(goodTemplate, "<h1>", `<h1 class="last">`, 1))
	mutating := time.Since(started)

	// The last save is built and served, and no build follows.
	deadline := time.Now().Add(15 * time.Second)
	version := -1
	for {
		status, _, body := d.get(loadPageURL)
		m := scriptTag.FindStringSubmatch(body)
		if status == http.StatusOK && strings.Contains(body, "Revision final") && strings.Contains(body, `<h1 class="last">`) && m != nil {
			v, _ := strconv.Atoi(m[1])
			if v == version {
				break
			}
			version = v
			time.Sleep(500 * time.Millisecond)
			continue
		}
		if time.Now().After(deadline) {
			t.Fatalf("the last changes were never served; log:\n%s", d.log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	readers.Wait()

	// Every tab was told of the last build, and of nothing after it.
	for i, tab := range tabs {
		deadline := time.Now().Add(5 * time.Second)
		for {
			ev, n, err := tab.last()
			if ev.Type == "reload" && ev.Version == version {
				t.Logf("tab %d: %d events", i, n)
				break
			}
			if time.Now().After(deadline) {
				t.Errorf("tab %d: last of %d events %+v (err %v), want reload %d", i, n, ev, err, version)
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	cancel()
	listening.Wait()

	for _, f := range stats.failures {
		t.Error(f)
	}
	t.Logf("%d answers checked in %v of changes, %d builds served", stats.requests, mutating.Round(time.Millisecond), len(stats.byVer))

	// The site served is the fresh build of the sources, script aside.
	want := fresh()
	for p, data := range want {
		status, _, body := d.get("/" + p)
		if status != http.StatusOK {
			t.Errorf("GET /%s: %d", p, status)
			continue
		}
		if got := scriptTag.ReplaceAllString(body, ""); got != string(data) {
			t.Errorf("GET /%s differs from a fresh build:\n got %.300q\nwant %.300q", p, got, data)
		}
	}
	for _, u := range []string{"/en/good-practices/load-renamed/", "/en/load-a/item/"} {
		if status, _, _ := d.get(u); status != http.StatusNotFound {
			t.Errorf("GET %s: %d after it was renamed away, want 404", u, status)
		}
	}
}
