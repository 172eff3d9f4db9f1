// Package latency measures the watch mode on a generated site (2,000
// pages unless -pages says otherwise): the time from saving a page to the
// reload event a browser tab receives, for an edit of a practice's body
// and for one of its themes (which changes lists and facets), the heap
// across many consecutive rebuilds, and the cold start of the server to
// its first page against a full build. Run it with bench/serve.sh.
package latency

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/opengov-fi/opengov/bench/gensite"
	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/dev"
)

// pagesPerLang is the number of good practices in each of the two
// languages: go test ./bench/latency -bench . -args -pages 5000.
var pagesPerLang = flag.Int("pages", 1000, "good practices per language in the generated site")

// pause is how long the save-to-reload benchmarks wait after a reload
// before the next save. The watcher takes saves sooner than 50 ms after
// the one before for a burst (a script, a checkout) and builds it once it
// pauses, so saving the moment each reload arrives would time bursts, not
// saves; a person reading the reloaded page is slower still.
var pause = flag.Duration("pause", 100*time.Millisecond, "wait after each reload before the next save")

func site(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if err := gensite.Write(dir, *pagesPerLang); err != nil {
		b.Fatal(err)
	}
	// The edited practice has no Finnish version, whose themes would have
	// to agree: its themes change in one file, with one save.
	if err := os.Remove(filepath.Join(dir, "content", "good-practices", practice()+".fi.md")); err != nil {
		b.Fatal(err)
	}
	return dir
}

// practice is the practice the benchmarks edit, in the middle of the site.
func practice() string { return gensite.PracticeName(max(1, *pagesPerLang/2)) }

// BenchmarkSaveToReload saves one page again and again and times each save
// until the server's reload event arrives, as an open tab sees it: an
// edit of the practice's body, and one of its themes, which moves it
// between facet values and changes the counts every list page shows.
func BenchmarkSaveToReload(b *testing.B) {
	b.Run("body", func(b *testing.B) {
		saveToReload(b, func(original []byte, i int) []byte {
			return append(slices.Clone(original), fmt.Sprintf("\nEdit number %d.\n", i)...)
		})
	})
	b.Run("themes", func(b *testing.B) {
		saveToReload(b, func(original []byte, i int) []byte {
			if i%2 == 1 {
				return original
			}
			return themesEdited(b, original)
		})
	})
}

// slugOf returns the slug in a practice's front matter.
func slugOf(b *testing.B, src []byte) string {
	for l := range strings.Lines(string(src)) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(l), "slug:"); ok {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	b.Fatal("the practice has no slug")
	return ""
}

// get returns the page at url, without the live-reload script, which
// names the build.
func get(b *testing.B, url string) string {
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("%s: %s %v", url, resp.Status, err)
	}
	page, _, _ := strings.Cut(string(body), `<script src="/__livereload.js"`)
	return page
}

// themesEdited gives the practice the single theme "dialogue", or
// "participation" if that is what it has.
func themesEdited(b *testing.B, src []byte) []byte {
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "themes:") {
			theme := "dialogue"
			if v := strings.TrimSpace(strings.TrimPrefix(l, "themes:")); v == "[dialogue]" || v == `["dialogue"]` {
				theme = "participation"
			}
			lines[i] = "themes: [" + theme + "]"
			return []byte(strings.Join(lines, "\n"))
		}
	}
	b.Fatal("the practice has no themes line")
	return nil
}

func saveToReload(b *testing.B, edit func(original []byte, i int) []byte) {
	dir := site(b)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	go dev.Run(ctx, dev.Options{Root: dir, Bind: "127.0.0.1", Ready: func(url string) { ready <- url }})
	url := <-ready
	page := filepath.Join(dir, "content", "good-practices", practice()+".en.md")
	original, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	// The tab shows the practice being edited, as an editor's would.
	shown := "/en/good-practices/" + slugOf(b, original) + "/"
	before := get(b, url+shown[1:])
	resp, err := http.Get(url + "__livereload?page=" + shown)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var ev struct{ Type string }
				json.Unmarshal([]byte(data), &ev)
				if ev.Type != "warnings" { // opengov check's findings, when the saves pause
					events <- ev.Type
				}
			}
		}
	}()
	<-events // the status on connecting
	var took []time.Duration
	b.ResetTimer()
	for i := range b.N {
		time.Sleep(*pause)
		edited := edit(original, i)
		start := time.Now()
		if err := os.WriteFile(page, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case ev := <-events:
			if ev != "reload" {
				b.Fatalf("event %q after save %d", ev, i)
			}
		case <-time.After(10 * time.Second):
			b.Fatal("no reload event")
		}
		took = append(took, time.Since(start))
		// What the tab reloads is the page after this save, which every
		// save changes.
		b.StopTimer()
		after := get(b, url+shown[1:])
		if after == before {
			b.Fatalf("save %d: the reloaded page is the one from before it", i)
		}
		before = after
		b.StartTimer()
	}
	b.StopTimer()
	slices.Sort(took)
	pct := func(p float64) float64 {
		return float64(took[min(len(took)-1, int(p*float64(len(took))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkRebuildMemory edits a page and rebuilds 200 times in a row,
// reporting the live heap after the first and the last twenty rebuilds:
// caches that are replaced, not grown, keep them equal.
func BenchmarkRebuildMemory(b *testing.B) {
	dir := site(b)
	page := "content/good-practices/" + practice() + ".en.md"
	original, err := os.ReadFile(filepath.Join(dir, page))
	if err != nil {
		b.Fatal(err)
	}
	heap := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc) / (1 << 20)
	}
	for range b.N {
		builder := build.NewBuilder(os.DirFS(dir), build.Options{})
		if _, errs := builder.Build(nil); errs != nil {
			b.Fatal(errs)
		}
		var samples []float64
		for i := 1; i <= 200; i++ {
			edited := append(slices.Clone(original), fmt.Sprintf("\nEdit %d.\n", i)...)
			os.WriteFile(filepath.Join(dir, page), edited, 0o644)
			if _, errs := builder.Build([]string{page}); errs != nil {
				b.Fatal(errs)
			}
			if i%20 == 0 {
				samples = append(samples, heap())
			}
		}
		b.ReportMetric(samples[0], "heap-MiB@20")
		b.ReportMetric(samples[len(samples)-1], "heap-MiB@200")
		b.ReportMetric(slices.Max(samples), "heap-MiB-max")
	}
	b.ReportMetric(0, "ns/op")
}

// BenchmarkColdStart times a full build of the site, then the start of
// the server until it serves its first page, on the same sources: the
// server builds everything before it serves, but keeps the files in
// memory rather than writing them.
func BenchmarkColdStart(b *testing.B) {
	dir := site(b)
	var builds, starts []time.Duration
	for range b.N {
		start := time.Now()
		if _, errs := build.Run(os.DirFS(dir), build.Options{}); errs != nil {
			b.Fatal(errs)
		}
		builds = append(builds, time.Since(start))
		runtime.GC()

		start = time.Now()
		ctx, cancel := context.WithCancel(context.Background())
		ready := make(chan string, 1)
		done := make(chan error, 1)
		go func() {
			done <- dev.Run(ctx, dev.Options{Root: dir, Bind: "127.0.0.1", Ready: func(url string) { ready <- url }})
		}()
		url := <-ready
		resp, err := http.Get(url + "en/good-practices/")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("first page: %s", resp.Status)
		}
		starts = append(starts, time.Since(start))
		cancel()
		<-done
		runtime.GC()
	}
	median := func(d []time.Duration) float64 {
		slices.Sort(d)
		return float64(d[len(d)/2].Milliseconds())
	}
	b.ReportMetric(median(builds), "build-ms")
	b.ReportMetric(median(starts), "serve-first-page-ms")
	b.ReportMetric(median(starts)/median(builds), "serve/build")
	b.ReportMetric(0, "ns/op")
}
