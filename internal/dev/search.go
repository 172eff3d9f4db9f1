package dev

import (
	"context"
	"maps"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/output"
	"github.com/opengov-fi/opengov/internal/search"
)

// searchIndexer keeps the served search index in step with the builds: after
// each good build, in the background, so that the reload never waits for it,
// it indexes the build's pages and adds the index to the snapshot, if that
// build is still the one served. A newer build cancels an indexing that is
// still running. Until the new index is there, the previous one is served.
type searchIndexer struct {
	tool *search.Tool // nil: no Node.js or Pagefind, search is off
	logf func(format string, args ...any)

	mu      sync.Mutex
	cancel  context.CancelFunc
	indexed int // the last version whose index was served
	wg      sync.WaitGroup
}

func newSearchIndexer(ctx context.Context, root string, logf func(string, ...any)) *searchIndexer {
	tool, err := search.Find(ctx, root)
	if err != nil {
		logf("search is off while serving: %v", err)
	}
	return &searchIndexer{tool: tool, logf: logf}
}

// carry copies the previous snapshot's index into the next one's files.
func carrySearch(old, next map[string][]byte) {
	for p, data := range old {
		if strings.HasPrefix(p, search.Dir+"/") {
			next[p] = data
		}
	}
}

// settle is how long a build must stay the newest before it is indexed.
const settle = 250 * time.Millisecond

// yield stops a running indexing: a build has started, which wants the
// CPU, and will be indexed in its turn.
func (x *searchIndexer) yield() {
	x.mu.Lock()
	if x.cancel != nil {
		x.cancel()
	}
	x.mu.Unlock()
}

// indexedVersion is the last version whose index was added to the
// served files.
func (x *searchIndexer) indexedVersion() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.indexed
}

// update indexes res, the build served as version since reloaded.
func (x *searchIndexer) update(srv *server, res *build.Result, version int, reloaded time.Time) {
	if x.tool == nil {
		return
	}
	x.mu.Lock()
	if x.cancel != nil {
		x.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	x.cancel = cancel
	x.mu.Unlock()
	x.wg.Go(func() {
		defer cancel()
		// A burst of saves gives a burst of builds: index the last one.
		select {
		case <-ctx.Done():
			return
		case <-time.After(settle):
		}
		site := fstest.MapFS{} // the build's files, which the indexer reads
		for _, f := range res.Files {
			site[f.Path] = &fstest.MapFile{Data: f.Data}
		}
		pages, records := search.Plan(res.Site)
		index := map[string][]byte{}
		_, err := x.tool.Index(ctx, search.Input{Site: site, Pages: pages, Records: records}, func(f output.File) error {
			index[f.Path] = f.Data
			return nil
		})
		if ctx.Err() != nil {
			return // a newer build took over
		}
		if err != nil {
			x.logf("%v", err)
			return
		}
		for {
			cur := srv.snap.Load()
			if cur.version != version {
				return
			}
			files := make(map[string][]byte, len(cur.files))
			for p, data := range cur.files {
				if !strings.HasPrefix(p, search.Dir+"/") {
					files[p] = data
				}
			}
			maps.Copy(files, index)
			next := *cur
			next.files = files
			if srv.snap.CompareAndSwap(cur, &next) {
				break
			}
		}
		x.mu.Lock()
		x.indexed = version
		x.mu.Unlock()
		x.logf("search index updated %v after the reload", time.Since(reloaded).Round(time.Millisecond))
	})
}

// stop cancels a running indexing and waits for it.
func (x *searchIndexer) stop() {
	x.mu.Lock()
	if x.cancel != nil {
		x.cancel()
	}
	x.mu.Unlock()
	x.wg.Wait()
}
