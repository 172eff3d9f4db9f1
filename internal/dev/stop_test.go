package dev

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opengov-fi/opengov/bench/gensite"
)

// TestANewerSaveStopsTheRest saves a practice's themes on a generated site
// large enough for the rest of a build to take a while, and saves it again
// as soon as the open tab reloads: the first build stops for the second,
// and every page asked for after it (the open one, and a list that only
// the whole build makes) is of the second save.
func TestANewerSaveStopsTheRest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 1,200 pages")
	}
	dir := t.TempDir()
	if err := gensite.Write(dir, 300); err != nil {
		t.Fatal(err)
	}
	name := gensite.PracticeName(150)
	os.Remove(filepath.Join(dir, "content", "good-practices", name+".fi.md")) // its themes change in one file
	file := filepath.Join(dir, "content", "good-practices", name+".en.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var slug string
	lines := strings.Split(string(src), "\n")
	for _, l := range lines {
		if v, ok := strings.CutPrefix(l, "slug:"); ok {
			slug = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	d := &devSite{t: t, dir: dir, events: make(chan event, 64), warnings: make(chan event, 64), log: &syncBuffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	go Run(ctx, Options{Root: dir, Bind: "127.0.0.1", Log: d.log, Ready: func(url string) { ready <- url }})
	select {
	case d.url = <-ready:
	case <-time.After(60 * time.Second):
		t.Fatal("server did not start")
	}
	open := "/en/good-practices/" + slug + "/"
	events := d.tab(open)
	reload := func() {
		t.Helper()
		select {
		case ev := <-events:
			if ev.Type != "reload" {
				t.Fatalf("event %+v; log:\n%s", ev, d.log.String())
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("no reload; log:\n%s", d.log.String())
		}
	}
	// A save gives the practice a title, a theme, and the newest date, so
	// that it is first on its theme's list.
	save := func(theme, title string) {
		t.Helper()
		edited := slices.Clone(lines)
		for i, l := range edited {
			switch {
			case strings.HasPrefix(l, "title:"):
				edited[i] = "title: " + title
			case strings.HasPrefix(l, "themes:"):
				edited[i] = "themes: [" + theme + "]"
			case strings.HasPrefix(l, "published:"):
				edited[i] = "published: 2026-07-01"
			}
		}
		if err := os.WriteFile(file, []byte(strings.Join(edited, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	save("dialogue", "First save")
	reload()
	save("participation", "Second save")
	reload()
	if !strings.Contains(d.page(open), "Second save") {
		t.Error("the open page is not of the second save")
	}
	// The themes' first list pages show the practice, the newest.
	if !strings.Contains(d.page("/en/good-practices/themes/participation/"), "Second save") {
		t.Error("the list of the second save's theme does not show it")
	}
	if strings.Contains(d.page("/en/good-practices/themes/dialogue/"), "First save") {
		t.Error("the first save's list is served")
	}
	if log := d.log.String(); !strings.Contains(log, "a newer save stops the rest of the build") {
		t.Errorf("the first build was not stopped:\n%s", log)
	}
}
