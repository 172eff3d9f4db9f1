package dev

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/opengov-fi/opengov/internal/assets"
	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/render"
)

// watchedDirs are the source folders below the site root; site.toml is
// watched through the root folder, so that editors that replace the file
// by renaming a new one over it are seen.
var watchedDirs = []string{content.Dir, render.TemplateDir, assets.Dir, i18n.Dir}

// watcher collects changed source paths and signals once per burst of
// events: after quiet passes with no new event, or at the latest maxWait
// after the burst began.
type watcher struct {
	fsw     *fsnotify.Watcher
	root    string
	quiet   time.Duration
	maxWait time.Duration
	signal  chan struct{} // one pending signal at most
	logf    func(format string, args ...any)

	mu      sync.Mutex
	pending map[string]bool // slash paths relative to root
}

func newWatcher(root string, logf func(string, ...any)) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fsw: fsw, root: root, quiet: 10 * time.Millisecond, maxWait: 200 * time.Millisecond,
		signal: make(chan struct{}, 1), logf: logf, pending: map[string]bool{}}
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, dir := range watchedDirs {
		w.addTree(filepath.Join(root, dir))
	}
	return w, nil
}

// addTree watches dir and every folder below it.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if p != dir && content.Ignored(d.Name()) {
			return filepath.SkipDir
		}
		if err := w.fsw.Add(p); err != nil {
			w.logf("cannot watch %s: %v", p, err)
		}
		return nil
	})
}

// relevant returns the slash path of name relative to the root, and
// whether a change there matters: site.toml, or a file in a watched
// folder that is not an editor's temporary or backup file.
func (w *watcher) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(w.root, name)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == config.File {
		return rel, true
	}
	segs := strings.Split(rel, "/")
	if len(segs) < 2 || !slices.Contains(watchedDirs, segs[0]) {
		return "", false
	}
	for _, s := range segs[1:] {
		if content.Ignored(s) {
			return "", false
		}
	}
	return rel, true
}

// run reads events until ctx is done.
func (w *watcher) run(ctx context.Context) {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var burstStart time.Time
	armed := false
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			rel, ok := w.relevant(ev.Name)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					w.addTree(ev.Name) // a new folder, or one renamed in
				}
			}
			w.mu.Lock()
			w.pending[rel] = true
			w.mu.Unlock()
			now := time.Now()
			if !armed {
				burstStart, armed = now, true
			}
			wait := min(w.quiet, max(0, burstStart.Add(w.maxWait).Sub(now)))
			timer.Reset(wait)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.logf("watch: %v", err)
		case <-timer.C:
			armed = false
			select {
			case w.signal <- struct{}{}:
			default: // a rebuild is already due; it will take these paths too
			}
		}
	}
}

// take returns the paths changed since the last take.
func (w *watcher) take() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]string, 0, len(w.pending))
	for p := range w.pending {
		out = append(out, p)
	}
	clear(w.pending)
	slices.Sort(out)
	return out
}

func (w *watcher) close() error { return w.fsw.Close() }
