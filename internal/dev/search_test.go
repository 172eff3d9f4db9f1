package dev

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// waitFor polls until cond holds, for at most 30 seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(30 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestSearchIndexFollowsSaves(t *testing.T) {
	d := start(t)
	updated := func(n int) func() bool {
		return func() bool { return strings.Count(d.log.String(), "search index updated") >= n }
	}
	waitFor(t, "the first index", updated(1))
	status, ctype, entry := d.get("/pagefind/pagefind-entry.json")
	if status != http.StatusOK || !strings.HasPrefix(ctype, "application/json") {
		t.Fatalf("GET /pagefind/pagefind-entry.json: %d %s", status, ctype)
	}
	if status, _, _ := d.get("/pagefind/pagefind.js"); status != http.StatusOK {
		t.Fatalf("GET /pagefind/pagefind.js: %d", status)
	}

	d.write(page, pageSource("Saved again", "A body with the word kumquat."))
	if ev := d.next(); ev.Type != "reload" {
		t.Fatalf("after a save: %+v", ev)
	}
	// The reload did not wait for the index: until the new one is made,
	// the last one is served.
	if status, _, _ := d.get("/pagefind/pagefind-entry.json"); status != http.StatusOK {
		t.Fatal("no index served between the reload and the new index")
	}
	waitFor(t, "the index after the save", updated(2))
	if _, _, now := d.get("/pagefind/pagefind-entry.json"); now == entry {
		t.Error("the index did not change after the save")
	}
	log := d.log.String()
	if i, j := strings.LastIndex(log, "built in"), strings.LastIndex(log, "search index updated"); i > j {
		t.Errorf("the index was made before the build that it follows:\n%s", log)
	}
}
