// Package dev is the editors' watch mode: it builds the site, serves the
// last good build from memory, watches the sources with fsnotify, rebuilds
// incrementally once per burst of changes, and tells the open browser tabs
// over Server-Sent Events to reload, to swap their stylesheets, or to show
// the build's errors in an overlay. A mistake never stops the server.
package dev

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/check"
	"github.com/opengov-fi/opengov/internal/cms"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/output"
)

// Options configure the server.
type Options struct {
	Root   string // the site's folder
	Bind   string // address to listen on; loopback unless told otherwise
	Port   int    // 0 picks a free port
	Drafts bool
	Log    io.Writer // the terminal
	// Ready, if set, is called with the server's URL once it serves.
	Ready func(url string)
	// Built, if set, is called after each build with its event type
	// ("reload", "css" or "error"); tests use it.
	Built func(kind string)
}

// Run serves the site until ctx is done.
func Run(ctx context.Context, opts Options) error {
	ln, err := net.Listen("tcp", net.JoinHostPort(opts.Bind, strconv.Itoa(opts.Port)))
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String() + "/"
	d := &devServer{opts: opts, srv: newServer()}
	d.builder = build.NewBuilder(os.DirFS(opts.Root), build.Options{Drafts: opts.Drafts, BaseURL: url, Reports: true,
		Decap: os.DirFS(filepath.Join(opts.Root, cms.PackageDir))})
	d.checker = check.NewChecker()
	d.search = newSearchIndexer(ctx, opts.Root, d.logf) // search: the index follows each build
	defer d.search.stop()
	d.watch, err = newWatcher(opts.Root, d.logf)
	if err != nil {
		ln.Close()
		return fmt.Errorf("cannot watch %s: %w", opts.Root, err)
	}
	defer d.watch.close()
	d.checks = make(chan checkJob, 1)
	d.rebuild(nil)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() { d.watch.run(ctx) })
	wg.Go(func() { // opengov check, beside the builds: a save never waits for it
		for {
			select {
			case <-ctx.Done():
				return
			case job := <-d.checks:
				// Once the saves pause: a check takes CPU the next build
				// would want, and only the last build's findings matter.
				timer := time.NewTimer(checkPause)
				for waiting := true; waiting; {
					select {
					case <-ctx.Done():
						timer.Stop()
						return
					case job = <-d.checks:
						timer.Reset(checkPause)
					case <-timer.C:
						waiting = false
					}
				}
				d.checkSite(job.res, job.built)
			}
		}
	})
	wg.Go(func() {
		// When the saves pause, look for changes the watcher missed (a
		// build reads only the files it reports).
		unseen := time.NewTimer(unseenPause)
		defer unseen.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-d.watch.signal:
				d.rebuild(d.watch.take())
				unseen.Reset(unseenPause)
			case <-unseen.C:
				if missed := d.builder.Unseen(); len(missed) > 0 {
					d.logf("%d %s changed unseen by the watcher", len(missed), plural(len(missed), "file", "files"))
					d.rebuild(missed)
				}
			}
		}
	})

	var handler http.Handler = d.srv
	if ip := net.ParseIP(opts.Bind); ip != nil && ip.IsLoopback() { // the CMS saves into Root: this machine only
		handler = d.withCMS(d.srv, url)
	}
	httpSrv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	httpSrv.RegisterOnShutdown(func() { close(d.srv.done) })
	served := make(chan error, 1)
	go func() { served <- httpSrv.Serve(ln) }()
	d.logf("serving %s (Ctrl-C stops)", url)
	if opts.Ready != nil {
		opts.Ready(url)
	}
	select {
	case <-ctx.Done():
	case err = <-served:
	}
	shutdown, stop := context.WithTimeout(context.Background(), 3*time.Second)
	defer stop()
	if serr := httpSrv.Shutdown(shutdown); serr != nil && err == nil {
		err = serr
	}
	cancel()
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	d.logf("stopped")
	return err
}

type devServer struct {
	opts    Options
	srv     *server
	builder *build.Builder
	watch   *watcher
	// checker runs opengov check after each good build, so its findings
	// show while an editor types; printed is what the terminal was last
	// told of them.
	checker *check.Checker
	printed string
	checks  chan checkJob // the newest good build not checked yet
	search  *searchIndexer
	// building is set while a build runs: background work for the last
	// one stops, to leave it the CPU.
	building atomic.Bool
	served   *build.Result // the build the snapshot serves, once one succeeded
	// waiting are the pending channels of snapshots that show the tabs'
	// pages of a build not done yet (of stopped builds, and of the one
	// under way), since waitingSince; a build served closes them.
	waiting      []chan struct{}
	waitingSince time.Time
}

func (d *devServer) logf(format string, args ...any) {
	if d.opts.Log != nil {
		fmt.Fprintf(d.opts.Log, "opengov: "+format+"\n", args...)
	}
}

// rebuild builds the site after the changes in changed (nil: the first
// build), swaps the new files in and only then tells the tabs. The pages
// the tabs show are rendered first: the tabs reload as soon as those are
// made (showFirst), and any other file asked for meanwhile waits for the
// whole build. A save that comes after that stops the rest of the build
// for its own (unless the tabs' first pages have waited maxWait already):
// the requests waiting then wait for that build.
func (d *devServer) rebuild(changed []string) {
	start := time.Now()
	// The check and the search indexing of the last build give way.
	d.building.Store(true)
	defer d.building.Store(false)
	d.search.yield()
	var old *snapshot // what this build replaces: the last good build, or its errors
	var early *snapshot
	var shown time.Duration
	show := func(files []output.File) {
		if d.watch.overlapped(changed) {
			return // a save came meanwhile: this build may have read it half made
		}
		old = d.srv.snap.Load()
		early, shown = d.showFirst(old, files), time.Since(start)
	}
	if changed == nil || onlyStyles(changed) || d.srv.hub.count() == 0 {
		show = nil // nobody to show, or the stylesheets are swapped in place
	}
	stop := func() bool {
		return d.watch.saved() && (len(d.waiting) == 0 || time.Since(d.waitingSince) < d.watch.pace.maxWait)
	}
	res, errs := d.safeBuild(changed, build.Show{First: d.srv.hub.pages(), Early: show, Stop: stop})
	if res == nil && errs == nil { // stopped for a newer save's build
		if early != nil {
			if len(d.waiting) == 0 {
				d.waitingSince = time.Now()
			}
			d.waiting = append(d.waiting, early.pending)
			d.logf("the open tabs reloaded after %v; a newer save stops the rest of the build", shown.Round(time.Millisecond))
		}
		return
	}
	if early != nil {
		d.waiting = append(d.waiting, early.pending)
	} else if d.watch.overlapped(changed) {
		return // a save came during the build; the next build is due
	} else {
		old = d.srv.snap.Load()
	}
	defer d.done() // once this build is served
	if errs != nil {
		failed := old.version
		if early != nil {
			failed = early.version // the number of the pages the tabs were shown is not used again
		}
		problems := d.problems(errs)
		d.srv.snap.Store(&snapshot{files: old.files, version: failed, errors: problems, prefixes: old.prefixes})
		d.logf("%d %s; still serving the last good build", len(problems), plural(len(problems), "error", "errors"))
		if d.opts.Log != nil {
			_ = problems.Write(d.opts.Log)
		}
		d.notify(event{Type: "error", Errors: problems})
		if d.served != nil && d.search.indexedVersion() != old.version {
			// The indexing this build stopped: the served build's, again.
			d.search.update(d.srv, d.served, old.version, time.Now())
		}
		return
	}
	files := make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	var prefixes []string
	for _, l := range res.Site.Config.Languages {
		prefixes = append(prefixes, l.Prefix)
	}
	carrySearch(old.files, files) // search: the last index until the new one is made
	// The last check's findings stay shown until this build is checked.
	next := &snapshot{files: files, version: old.version + 1, prefixes: prefixes, warnings: old.warnings}
	ev := event{Type: "reload", Version: next.version}
	if old.errors == nil {
		if css := styleSwaps(changed, old.files, files); css != nil {
			ev = event{Type: "css", CSS: css}
		}
	}
	d.srv.snap.Store(next)
	if changed != nil && early == nil {
		d.notify(ev)
	}
	d.served = res
	d.search.update(d.srv, res, next.version, time.Now()) // search: in the background, after the reload
	var first string
	if early != nil {
		first = fmt.Sprintf(" (the open tabs reloaded after %v)", shown.Round(time.Millisecond))
	}
	d.logf("built in %v%s: %d of %d pages rendered%s", time.Since(start).Round(time.Millisecond), first, res.Rendered, len(res.Site.Pages), changedNote(changed))
	d.queueCheck(checkJob{res, next})
}

// done lets the requests that wait for a build go, once one is served.
func (d *devServer) done() {
	for _, ch := range d.waiting {
		close(ch)
	}
	d.waiting = nil
}

// showFirst serves the pages the tabs show, as the build under way made
// them, beside the last good build's files (of old), and tells the tabs to
// reload. Until the build is done (the snapshot's pending is closed),
// every other file waits for it.
func (d *devServer) showFirst(old *snapshot, pages []output.File) *snapshot {
	fresh := make(map[string][]byte, len(pages))
	for _, f := range pages {
		fresh[f.Path] = f.Data
	}
	snap := &snapshot{files: old.files, version: old.version + 1, prefixes: old.prefixes, warnings: old.warnings,
		pending: make(chan struct{}), fresh: fresh}
	d.srv.snap.Store(snap)
	d.notify(event{Type: "reload", Version: snap.version})
	return snap
}

// onlyStyles reports whether every path in changed is a stylesheet, which
// the tabs swap in place rather than reload for.
func onlyStyles(changed []string) bool {
	for _, p := range changed {
		if !strings.HasPrefix(p, "static/") || path.Ext(p) != ".css" {
			return false
		}
	}
	return len(changed) > 0
}

// unseenPause is how long no save must come before the sources are
// looked at for changes the watcher did not report.
const unseenPause = 300 * time.Millisecond

// checkPause is how long no new build must come before the last one is
// checked.
const checkPause = 300 * time.Millisecond

// checkJob is a good build to check, with the snapshot it is served as.
type checkJob struct {
	res   *build.Result
	built *snapshot
}

// queueCheck hands a build to the check goroutine, in place of an older
// one it has not started on: only the newest build is worth checking.
func (d *devServer) queueCheck(job checkJob) {
	for {
		select {
		case d.checks <- job:
			return
		default:
			select {
			case <-d.checks: // dropped: a newer build replaces it
			default:
			}
		}
	}
}

// checkSite runs opengov check over a good build, in a goroutine of its
// own beside the builds (so neither a reload nor the next save's build
// waits for it; a check done after a newer build is served is dropped),
// and shows the findings:
// in every tab's panel, and in the terminal when they changed. Only the
// pages the build rendered again are read again (check.Checker).
func (d *devServer) checkSite(res *build.Result, built *snapshot) {
	found, done := d.checker.SiteUnless(res, func() bool {
		return d.building.Load() || d.srv.snap.Load().version != built.version
	})
	if !done {
		return // a newer build is made or served; it is checked in its turn
	}
	found = found.WithExcerpts(os.DirFS(d.opts.Root))
	for { // the same build may be served meanwhile with its search index added
		cur := d.srv.snap.Load()
		if cur.version != built.version || cur.errors != nil {
			return // a newer build is served already; it checks itself
		}
		withFindings := *cur
		withFindings.warnings = found
		if d.srv.snap.CompareAndSwap(cur, &withFindings) {
			break
		}
	}
	var text strings.Builder
	_ = found.Write(&text)
	if text.String() == d.printed {
		return // what the tabs show already (they were sent it, or the last findings with the status)
	}
	d.printed = text.String()
	// The terminal first, then the tabs.
	nerr, nwarn := found.Count()
	if len(found) == 0 {
		d.logf("check: no findings")
	} else {
		d.logf("check: %d %s, %d %s (the pages are served; the browser shows them in a panel)", nerr, plural(nerr, "error", "errors"), nwarn, plural(nwarn, "warning", "warnings"))
		if d.opts.Log != nil {
			io.WriteString(d.opts.Log, d.printed)
		}
	}
	d.srv.hub.publish(event{Type: "warnings", Warnings: found}.encode()) // not a build: Built is not called
}

func (d *devServer) notify(ev event) {
	d.srv.hub.publish(ev.encode())
	if d.opts.Built != nil {
		d.opts.Built(ev.Type)
	}
}

// safeBuild builds, turning a panic into an error so that no mistake can
// stop the server.
func (d *devServer) safeBuild(changed []string, show build.Show) (res *build.Result, errs diag.List) {
	defer func() {
		if r := recover(); r != nil {
			res, errs = nil, diag.List{{Pos: diag.Pos{File: "opengov"}, Msg: fmt.Sprintf("internal error: %v", r), Hint: "please report this"}}
		}
	}()
	return d.builder.Showing(changed, show)
}

func changedNote(changed []string) string {
	switch len(changed) {
	case 0:
		return ""
	case 1:
		return " after a change to " + changed[0]
	}
	return fmt.Sprintf(" after changes to %d files", len(changed))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// problems adds to build errors the offending line of each source file,
// as the overlay and the terminal show them.
func (d *devServer) problems(errs diag.List) diag.List {
	return errs.WithExcerpts(os.DirFS(d.opts.Root))
}

// styleSwaps returns, when only stylesheets changed, the old stylesheet
// URLs with their new (fingerprinted) ones; otherwise nil.
func styleSwaps(changed []string, old, next map[string][]byte) map[string]string {
	if !onlyStyles(changed) {
		return nil
	}
	stem := func(p string) string { // "css/site.1a2b3c4d5e.css" -> "css/site"
		p = strings.TrimSuffix(p, ".css")
		return strings.TrimSuffix(p, path.Ext(p))
	}
	swaps := map[string]string{}
	for p := range old {
		if path.Ext(p) != ".css" {
			continue
		}
		if _, still := next[p]; still {
			continue
		}
		for q := range next {
			if path.Ext(q) == ".css" && stem(q) == stem(p) {
				if _, was := old[q]; !was {
					swaps["/"+p] = "/" + q
				}
			}
		}
		if _, ok := swaps["/"+p]; !ok {
			return nil
		}
	}
	return swaps
}
