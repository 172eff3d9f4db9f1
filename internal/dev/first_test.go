package dev

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// tab connects a browser tab that shows the page at path and returns its
// events, after the status sent on connecting.
func (d *devSite) tab(path string) <-chan event {
	d.t.Helper()
	resp, err := http.Get(d.url + "__livereload?page=" + path)
	if err != nil {
		d.t.Fatal(err)
	}
	d.t.Cleanup(func() { resp.Body.Close() })
	events := make(chan event, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var ev event
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok && json.Unmarshal([]byte(data), &ev) == nil && ev.Type != "warnings" {
				events <- ev
			}
		}
	}()
	select {
	case <-events:
	case <-time.After(5 * time.Second):
		d.t.Fatal("no status event")
	}
	return events
}

// TestOpenPageReloadsFirst opens a tab on a page, changes its title, and
// checks that the tab is told to reload once its page is made, before the
// rest of the build, and that every other page it asks for is of the new
// build.
func TestOpenPageReloadsFirst(t *testing.T) {
	d := start(t)
	events := d.tab("/en/good-practices/lockdown-dialogues/")
	d.write(page, pageSource("A title the list shows", "Saved."))
	select {
	case ev := <-events:
		if ev.Type != "reload" {
			t.Fatalf("after the save: %+v", ev)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("no reload; log:\n%s", d.log.String())
	}
	if !strings.Contains(d.page("/en/good-practices/lockdown-dialogues/"), "A title the list shows") {
		t.Error("the open page is not the new one")
	}
	if !strings.Contains(d.page("/en/good-practices/"), "A title the list shows") {
		t.Error("the list, asked for after the reload, is from before the save")
	}
	d.next() // the other tab's reload
	for wait := time.Now(); !strings.Contains(d.log.String(), "(the open tabs reloaded after "); time.Sleep(10 * time.Millisecond) {
		if time.Since(wait) > 5*time.Second {
			t.Fatalf("the log does not say the open page reloaded first:\n%s", d.log.String())
		}
	}
}

// TestFilesWaitForTheBuildOfTheOpenPages serves a snapshot in which only
// the open page is of the build under way: it is served at once, and
// any other file only once the build is done, from it.
func TestFilesWaitForTheBuildOfTheOpenPages(t *testing.T) {
	s := newServer()
	pending := make(chan struct{})
	s.snap.Store(&snapshot{version: 2, pending: pending,
		files: map[string][]byte{"a/index.html": []byte("old a"), "b/index.html": []byte("old b")},
		fresh: map[string][]byte{"a/index.html": []byte("new a")}})
	srv := httptest.NewServer(s)
	defer srv.Close()
	get := func(path string) string {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Error(err)
			return ""
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		text, _, _ := strings.Cut(string(body), "<script")
		return text
	}
	if got := get("/a/"); got != "new a" {
		t.Errorf("the open page: %q", got)
	}
	other := make(chan string, 1)
	go func() { other <- get("/b/") }()
	select {
	case got := <-other:
		t.Fatalf("another page was served before the build was done: %q", got)
	case <-time.After(200 * time.Millisecond):
	}
	s.snap.Store(&snapshot{version: 2, files: map[string][]byte{"a/index.html": []byte("new a"), "b/index.html": []byte("new b")}})
	close(pending)
	select {
	case got := <-other:
		if got != "new b" {
			t.Errorf("another page after the build: %q", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("another page was not served once the build was done")
	}
}

// TestTabsNameTheirPages connects tabs with and without the page they
// show, and checks which pages the server would build first.
func TestTabsNameTheirPages(t *testing.T) {
	s := newServer()
	srv := httptest.NewServer(s)
	defer srv.Close()
	for _, q := range []string{"", "?page=", "?page=/en/x/", "?page=/en/x/", "?page=/fi/y/index.html", "?page=/../etc/passwd", "?page=/css/site.css"} {
		resp, err := http.Get(srv.URL + eventsPath + q)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		bufio.NewReader(resp.Body).ReadString('\n') // subscribed once the status is sent
	}
	got := strings.Join(s.hub.pages(), " ")
	if want := "en/x/index.html fi/y/index.html"; got != want {
		t.Errorf("pages to build first: %q, want %q", got, want)
	}
}

// TestErrorAfterTheOpenPageIsShown opens a tab on the home page and breaks
// the practices' template, which the home page does not use: the tab
// reloads with its page, then the build fails on the practices, and the
// server keeps serving the last good build of them, and says so.
func TestErrorAfterTheOpenPageIsShown(t *testing.T) {
	d := start(t)
	events := d.tab("/en/")
	withoutScript := func(page string) string {
		page, _, _ = strings.Cut(page, `<script src="/__livereload.js"`)
		return page
	}
	good := withoutScript(d.page("/en/good-practices/lockdown-dialogues/"))
	const tpl = "templates/practices/single.html"
	d.write(tpl, `{{ template "baseof.html" . }}{{ define "main" }}{{ .Nope }}{{ end }}`)
	var got []string
	for len(got) < 2 {
		select {
		case ev := <-events:
			got = append(got, ev.Type)
		case <-time.After(10 * time.Second):
			t.Fatalf("events %v; log:\n%s", got, d.log.String())
		}
	}
	if strings.Join(got, " ") != "reload error" {
		t.Fatalf("the open tab was told %v, want its reload, then the error", got)
	}
	if withoutScript(d.page("/en/good-practices/lockdown-dialogues/")) != good {
		t.Error("a practice is not the last good build's")
	}
	if ev := d.firstEvent(); ev.Type != "error" {
		t.Errorf("a tab connecting now is told %+v", ev)
	}
	d.write(tpl, `{{ template "baseof.html" . }}{{ define "main" }}<h1>Fixed</h1>{{ .Content }}{{ end }}`)
	d.waitFor("/en/good-practices/lockdown-dialogues/", "Fixed")
	if ev := d.firstEvent(); ev.Type != "ok" {
		t.Errorf("after the fix a tab connecting is told %+v", ev)
	}
}
