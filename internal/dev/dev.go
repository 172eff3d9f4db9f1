// Package dev is the editors' watch mode: it builds the site, serves the
// last good build from memory, watches the sources with fsnotify, rebuilds
// incrementally once per burst of changes, and tells the open browser tabs
// over Server-Sent Events to reload, to swap their stylesheets, or to show
// the build's errors in an overlay. A mistake never stops the server.
package dev

import (
	"bufio"
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
	"time"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/diag"
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
	d.builder = build.NewBuilder(os.DirFS(opts.Root), build.Options{Drafts: opts.Drafts, BaseURL: url})
	d.search = newSearchIndexer(ctx, opts.Root, d.logf) // search: the index follows each build
	defer d.search.stop()
	d.watch, err = newWatcher(opts.Root, d.logf)
	if err != nil {
		ln.Close()
		return fmt.Errorf("cannot watch %s: %w", opts.Root, err)
	}
	defer d.watch.close()
	d.rebuild(nil)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() { d.watch.run(ctx) })
	wg.Go(func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-d.watch.signal:
				d.rebuild(d.watch.take())
			}
		}
	})

	httpSrv := &http.Server{Handler: d.srv, ReadHeaderTimeout: 10 * time.Second}
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
	search  *searchIndexer
}

func (d *devServer) logf(format string, args ...any) {
	if d.opts.Log != nil {
		fmt.Fprintf(d.opts.Log, "opengov: "+format+"\n", args...)
	}
}

// rebuild builds the site after the changes in changed (nil: the first
// build), swaps the new files in and only then tells the tabs.
func (d *devServer) rebuild(changed []string) {
	start := time.Now()
	set := map[string]bool{}
	for _, p := range changed {
		set[p] = true
	}
	var isChanged func(string) bool
	if changed != nil {
		isChanged = func(p string) bool { return set[p] }
	}
	res, errs := d.safeBuild(isChanged)
	old := d.srv.snap.Load()
	if errs != nil {
		problems := d.problems(errs)
		d.srv.snap.Store(&snapshot{files: old.files, version: old.version, errors: problems, prefixes: old.prefixes})
		d.logf("%d %s; still serving the last good build", len(problems), plural(len(problems), "error", "errors"))
		for _, p := range problems {
			d.printProblem(p)
		}
		d.notify(event{Type: "error", Errors: problems})
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
	next := &snapshot{files: files, version: old.version + 1, prefixes: prefixes}
	ev := event{Type: "reload", Version: next.version}
	if old.errors == nil {
		if css := styleSwaps(changed, old.files, files); css != nil {
			ev = event{Type: "css", CSS: css}
		}
	}
	d.srv.snap.Store(next)
	if changed != nil {
		d.notify(ev)
	}
	d.search.update(d.srv, res, next.version, time.Now()) // search: in the background, after the reload
	d.logf("built in %v: %d of %d pages rendered%s", time.Since(start).Round(time.Millisecond), res.Rendered, len(res.Site.Pages), changedNote(changed))
}

func (d *devServer) notify(ev event) {
	d.srv.hub.publish(ev.encode())
	if d.opts.Built != nil {
		d.opts.Built(ev.Type)
	}
}

// safeBuild builds, turning a panic into an error so that no mistake can
// stop the server.
func (d *devServer) safeBuild(changed func(string) bool) (res *build.Result, errs diag.List) {
	defer func() {
		if r := recover(); r != nil {
			res, errs = nil, diag.List{{Pos: diag.Pos{File: "opengov"}, Msg: fmt.Sprintf("internal error: %v", r), Hint: "please report this"}}
		}
	}()
	return d.builder.Build(changed)
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

// problems turns build errors into what the overlay and the terminal show,
// with the offending line of each source file.
func (d *devServer) problems(errs diag.List) []Problem {
	out := make([]Problem, 0, len(errs))
	for _, e := range errs {
		p := Problem{Pos: e.Pos.String(), Message: e.Msg, Hint: e.Hint}
		if e.Pos.Line > 0 {
			p.Source = sourceLine(filepath.Join(d.opts.Root, filepath.FromSlash(e.Pos.File)), e.Pos.Line, e.Pos.Col)
		}
		out = append(out, p)
	}
	return out
}

// sourceLine returns line n of the file with a caret under column col.
func sourceLine(name string, n, col int) string {
	f, err := os.Open(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for i := 1; sc.Scan(); i++ {
		if i == n {
			text := strings.ReplaceAll(sc.Text(), "\t", "    ")
			gutter := fmt.Sprintf("%5d | ", n)
			out := gutter + text
			if col > 0 {
				out += "\n" + strings.Repeat(" ", len(gutter)-2) + "| " + strings.Repeat(" ", col-1) + "^"
			}
			return out
		}
	}
	return ""
}

func (d *devServer) printProblem(p Problem) {
	line := p.Pos + ": " + p.Message
	if p.Hint != "" {
		line += " (" + p.Hint + ")"
	}
	if d.opts.Log != nil {
		fmt.Fprintln(d.opts.Log, line)
		if p.Source != "" {
			fmt.Fprintln(d.opts.Log, p.Source)
		}
	}
}

// styleSwaps returns, when only stylesheets changed, the old stylesheet
// URLs with their new (fingerprinted) ones; otherwise nil.
func styleSwaps(changed []string, old, next map[string][]byte) map[string]string {
	if len(changed) == 0 {
		return nil
	}
	for _, p := range changed {
		if !strings.HasPrefix(p, "static/") || path.Ext(p) != ".css" {
			return nil
		}
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
