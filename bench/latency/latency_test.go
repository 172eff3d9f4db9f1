// Package latency measures the watch mode on a generated 2,000-page site:
// the time from saving a page to the reload event a browser tab receives,
// and the heap across many consecutive rebuilds. Run it with bench/serve.sh.
package latency

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
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

// pagesPerLang gives a site of 2,000 generated pages in two languages.
const pagesPerLang = 1000

func site(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if err := gensite.Write(dir, pagesPerLang); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkSaveToReload saves one page again and again and times each save
// until the server's reload event arrives, as an open tab sees it.
func BenchmarkSaveToReload(b *testing.B) {
	dir := site(b)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	go dev.Run(ctx, dev.Options{Root: dir, Bind: "127.0.0.1", Ready: func(url string) { ready <- url }})
	url := <-ready
	resp, err := http.Get(url + "__livereload")
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
				events <- ev.Type
			}
		}
	}()
	<-events // the status on connecting
	page := filepath.Join(dir, "content", "good-practices", gensite.PracticeName(500)+".en.md")
	original, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	var took []time.Duration
	b.ResetTimer()
	for i := range b.N {
		edited := append(slices.Clone(original), fmt.Sprintf("\nEdit number %d.\n", i)...)
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
	page := "content/good-practices/" + gensite.PracticeName(500) + ".en.md"
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
			if _, errs := builder.Build(func(p string) bool { return p == page }); errs != nil {
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
