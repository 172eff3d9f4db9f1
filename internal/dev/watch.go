package dev

import (
	"context"
	"errors"
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

// watchedDirs are the source folders below the site root. The root folder
// itself is watched too: it tells of site.toml, also when an editor renames
// a new file over it, and of a source folder replaced as a whole.
var watchedDirs = []string{content.Dir, render.TemplateDir, assets.Dir, i18n.Dir}

// watcher collects changed source paths and signals once per burst of
// events (see pacer). After a burst that created, renamed or removed
// anything it first rescans the source folders, so that each folder on
// disk is watched under its own name whatever fsnotify made of the moves.
type watcher struct {
	fsw    *fsnotify.Watcher
	root   string
	pace   pacer
	signal chan struct{} // one pending signal at most
	logf   func(format string, args ...any)

	mu       sync.Mutex
	pending  map[string]bool // slash paths relative to root
	deferred time.Time       // when overlapped began to hold builds back
}

func newWatcher(root string, logf func(string, ...any)) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fsw: fsw, root: root, pace: defaultPacer(),
		signal: make(chan struct{}, 1), logf: logf, pending: map[string]bool{}}
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	w.rescan(nil)
	clear(w.pending) // the first build reads everything
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
		w.add(p)
		return nil
	})
}

func (w *watcher) add(dir string) {
	if err := w.fsw.Add(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
		w.logf("cannot watch %s: %v", dir, err)
	}
}

// rescan makes the watched folders the source folders on disk. fsnotify
// can lose a watch (a folder renamed: the watch added under the new name
// is dropped when the old name's IN_MOVE_SELF arrives after it) or keep
// one under a name that is gone (the subfolders of a renamed folder), so
// this drops every watch of a name that is no longer a source folder and
// adds every source folder again, which costs one system call for those
// already watched. Files below fresh folders (folders in fresh, and any
// not watched under their name before) are marked as changed: edits in
// them may have come before their watch; rescan returns their names.
func (w *watcher) rescan(fresh []string) []string {
	watched := map[string]bool{}
	for _, p := range w.fsw.WatchList() {
		watched[p] = true
	}
	dirs := []string{w.root}
	isDir := map[string]bool{w.root: true}
	var files []string
	isFresh := func(p string) bool {
		return slices.ContainsFunc(fresh, func(f string) bool {
			return p == f || strings.HasPrefix(p, f+string(filepath.Separator))
		})
	}
	for _, top := range watchedDirs {
		_ = filepath.WalkDir(filepath.Join(w.root, top), func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return nil // gone meanwhile; its events will tell
			case content.Ignored(d.Name()):
				if d.IsDir() {
					return filepath.SkipDir
				}
			case d.IsDir():
				dirs = append(dirs, p)
				isDir[p] = true
				if !watched[p] {
					fresh = append(fresh, p)
				}
			case isFresh(p):
				files = append(files, p)
			}
			return nil
		})
	}
	for p := range watched {
		if !isDir[p] {
			_ = w.fsw.Remove(p) // moved away or deleted; the kernel may have dropped it already
		}
	}
	for _, p := range dirs {
		w.add(p)
	}
	w.mu.Lock()
	for _, p := range files {
		if rel, ok := w.relevant(p); ok {
			w.pending[rel] = true
		}
	}
	w.mu.Unlock()
	return files
}

// relevant returns the slash path of name relative to the root, and
// whether a change there matters: site.toml, a source folder itself, or a
// file or folder in one that is not an editor's temporary or backup file.
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
	if !slices.Contains(watchedDirs, segs[0]) {
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
	rescan := false                   // the burst moved, made or removed something
	var fresh []string                // folders made, renamed in or replaced in the burst
	written := map[string]time.Time{} // files written in the burst: when last
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
					w.addTree(ev.Name) // a new folder, or one renamed in: watch it at once
					fresh = append(fresh, filepath.Clean(ev.Name))
					rescan = true
				}
			}
			if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
				rescan = true
			}
			if slices.Contains(watchedDirs, rel) { // a source folder itself, made, moved or replaced
				fresh = append(fresh, filepath.Clean(ev.Name))
				rescan = true
			}
			now := time.Now()
			if ev.Has(fsnotify.Write) || ev.Has(fsnotify.Create) {
				written[ev.Name] = now
			}
			w.mu.Lock()
			w.pending[rel] = true
			w.mu.Unlock()
			timer.Reset(w.pace.event(now))
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.logf("watch: %v", err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: look at everything again.
				for _, dir := range watchedDirs {
					fresh = append(fresh, filepath.Join(w.root, dir))
				}
				rescan = true
				timer.Reset(w.pace.event(time.Now()))
			}
		case <-timer.C:
			if rescan {
				now := time.Now()
				for _, name := range w.rescan(fresh) {
					written[name] = now // may be a copy's file made but not yet written
				}
				rescan, fresh = false, nil
			}
			if wait := emptyWait(written, time.Now()); wait > 0 {
				timer.Reset(wait)
				continue
			}
			clear(written)
			w.pace.fired()
			select {
			case w.signal <- struct{}{}:
			default: // a rebuild is already due; it will take these paths too
			}
		}
	}
}

// emptyHold is how long a file just written may stay empty before it is
// built: a save in place truncates the file before it writes it, and a
// build between the two (on a busy machine the writer may pause there)
// would publish pages made from an empty template or report a page
// without front matter.
const emptyHold = 100 * time.Millisecond

// emptyWait returns how long to wait for the written files that are empty
// to be written, or 0 when none is empty or each stayed empty for
// emptyHold.
func emptyWait(written map[string]time.Time, now time.Time) time.Duration {
	var wait time.Duration
	for name, at := range written {
		if left := emptyHold - now.Sub(at); left > wait {
			if info, err := os.Stat(name); err == nil && info.Mode().IsRegular() && info.Size() == 0 {
				wait = left
			}
		}
	}
	return wait
}

// saved reports whether sources changed since the last take: a newer
// save, whose build is due.
func (w *watcher) saved() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.pending) > 0
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

// overlapped reports whether sources changed while the build of changed
// ran, so that it may have read a file half saved (truncated, not yet
// written) or files from before and after a save: then the build is not
// published, its paths go back to the pending ones, and the next build,
// already due, publishes. Builds are held back for maxWait at most, so
// that a stream of changes still shows.
func (w *watcher) overlapped(changed []string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	now := time.Now()
	if changed == nil || len(w.pending) == 0 || !w.deferred.IsZero() && now.Sub(w.deferred) > w.pace.maxWait {
		w.deferred = time.Time{}
		return false
	}
	if w.deferred.IsZero() {
		w.deferred = now
	}
	for _, p := range changed {
		w.pending[p] = true
	}
	return true
}

func (w *watcher) close() error { return w.fsw.Close() }

// pacer decides when a burst of events has ended and a rebuild should
// start. A save alone is rebuilt after quiet with no further event, so
// that the events of one save (an editor's write, rename and chmod) make
// one rebuild. An event sooner than burstGap after the one before starts
// a burst (a script, a formatter, a branch checkout saving file after
// file): it waits for a pause of burstQuiet, so that a burst is built
// once after its last save, besides its first save, which was built at
// once as a save alone. A stream that never pauses is built every
// maxWait. Nothing is dropped: an event after the rebuild started arms
// the pacer again.
type pacer struct {
	quiet, burstGap, burstQuiet, maxWait time.Duration

	start, last time.Time // start: of the current wait; last: of the latest event
	armed       bool      // a rebuild is due when the timer fires
	inBurst     bool
}

func defaultPacer() pacer {
	return pacer{quiet: 10 * time.Millisecond, burstGap: 50 * time.Millisecond,
		burstQuiet: 100 * time.Millisecond, maxWait: time.Second}
}

// event records an event at now and returns how long to wait for the next
// one before rebuilding.
func (p *pacer) event(now time.Time) time.Duration {
	if !p.armed {
		p.armed, p.start = true, now
		p.inBurst = !p.last.IsZero() && now.Sub(p.last) < p.burstGap
	}
	p.last = now
	wait := p.quiet
	if p.inBurst {
		wait = p.burstQuiet
	}
	return min(wait, max(0, p.start.Add(p.maxWait).Sub(now)))
}

// fired records that the wait ended and a rebuild was asked for.
func (p *pacer) fired() { p.armed = false }
