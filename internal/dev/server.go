package dev

import (
	"bytes"
	_ "embed"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/opengov-fi/opengov/internal/diag"

	"github.com/opengov-fi/opengov/internal/cms"
)

//go:embed livereload.js
var liveReloadJS []byte

// Paths the server answers itself.
const (
	eventsPath = "/__livereload"
	scriptPath = "/__livereload.js"
)

// snapshot is what the server serves: the files of the last good build,
// and the errors of the last build if it failed.
type snapshot struct {
	files    map[string][]byte // by output path, "fi/index.html"
	version  int               // counts good builds
	errors   diag.List         // of the last build, if it failed
	warnings diag.List         // opengov check's findings on files, once checked
	prefixes []string          // language URL prefixes, for their 404 pages
	// pending, when not nil, is closed once a whole build is served: this
	// version's, or, when a newer save stopped it, a later one. So far
	// only the pages in fresh, which the tabs show, are of this version
	// (files are the last whole build's): a request for any other file
	// waits, so that no page is served from before the save.
	pending chan struct{}
	fresh   map[string][]byte
}

// server serves snapshots over HTTP. It never reads the disk: a page is
// either wholly of the last good build or not there.
type server struct {
	snap atomic.Pointer[snapshot]
	hub  *hub
	done chan struct{} // closed when the server shuts down
}

func newServer() *server {
	s := &server{hub: newHub(), done: make(chan struct{})}
	s.snap.Store(&snapshot{files: map[string][]byte{}})
	return s
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case eventsPath:
		s.serveEvents(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(liveReloadJS)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.serveFile(w, r)
}

// serveFile answers from the current snapshot. A path that climbs out of
// the site (.., encoded or not), or that names nothing, gets the 404 page.
func (s *server) serveFile(w http.ResponseWriter, r *http.Request) {
	snap := s.snap.Load()
	p := r.URL.Path
	name, ok := siteName(p)
	for snap.pending != nil { // a build is under way
		if data, fresh := snap.fresh[name]; ok && fresh {
			s.write(w, r, snap, name, data, http.StatusOK)
			return
		}
		select {
		case <-snap.pending:
			snap = s.snap.Load()
		case <-r.Context().Done():
			return
		}
	}
	if !ok {
		s.notFound(w, r, snap, "")
		return
	}
	data, found := snap.files[name]
	if !found && !strings.HasSuffix(p, "/") {
		if _, dir := snap.files[path.Join(name, "index.html")]; dir {
			target := p + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
	}
	if !found {
		s.notFound(w, r, snap, name)
		return
	}
	s.write(w, r, snap, name, data, http.StatusOK)
}

// siteName maps a URL path to an output file name, refusing any path with
// a ".." segment or a NUL.
func siteName(p string) (string, bool) {
	if strings.ContainsRune(p, 0) || strings.Contains(p, "\\") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if strings.HasSuffix(p, "/") || name == "" {
		name = path.Join(name, "index.html")
	}
	return name, true
}

// notFound answers with the 404 page of the language the path is under,
// or the root one, and status 404.
func (s *server) notFound(w http.ResponseWriter, r *http.Request, snap *snapshot, name string) {
	page := "404.html"
	first, _, _ := strings.Cut(name, "/")
	for _, prefix := range snap.prefixes {
		if first == prefix {
			if _, ok := snap.files[prefix+"/404.html"]; ok {
				page = prefix + "/404.html"
			}
		}
	}
	data, ok := snap.files[page]
	if !ok {
		data = []byte("<!doctype html><title>404</title><h1>404</h1>")
	}
	s.write(w, r, snap, page, data, http.StatusNotFound)
}

func (s *server) write(w http.ResponseWriter, r *http.Request, snap *snapshot, name string, data []byte, status int) {
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") && !strings.HasPrefix(name, cms.Dir+"/") { // reloading would drop the CMS's unsaved work
		data = inject(data, snap.version)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// contentType names a file's media type, with UTF-8 for text.
func contentType(name string) string {
	ext := path.Ext(name)
	t := map[string]string{
		".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
		".xml": "application/xml", ".svg": "image/svg+xml", ".txt": "text/plain", ".csv": "text/csv",
	}[ext]
	if t == "" {
		t = mime.TypeByExtension(ext)
	}
	if t == "" {
		return "application/octet-stream"
	}
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = t[:i]
	}
	if strings.HasPrefix(t, "text/") || strings.HasSuffix(t, "json") || strings.HasSuffix(t, "xml") {
		return t + "; charset=utf-8"
	}
	return t
}

// inject adds the live-reload script before </body>.
func inject(page []byte, version int) []byte {
	tag := fmt.Appendf(nil, `<script src="%s" data-version="%d"></script>`, scriptPath, version)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// serveEvents streams events to one tab: first the current status, then an
// event per finished build.
func (s *server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	var page string // the tab's page, which a build renders first
	if shown := r.URL.Query().Get("page"); shown != "" {
		if name, ok := siteName(shown); ok && strings.HasSuffix(name, ".html") {
			page = name
		}
	}
	ch := s.hub.subscribe(page)
	defer s.hub.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	fmt.Fprintf(w, "retry: 500\n\ndata: %s\n\n", s.status().encode())
	flusher.Flush()
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			flusher.Flush()
		case msg := <-ch:
			fmt.Fprintf(w, "data: %s\n\n", msg)
			flusher.Flush()
		}
	}
}

// status is the event a tab gets when it connects.
func (s *server) status() event {
	snap := s.snap.Load()
	if snap.errors != nil {
		return event{Type: "error", Errors: snap.errors}
	}
	return event{Type: "ok", Version: snap.version, Warnings: snap.warnings}
}
