package cms

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
)

// Backend answers Decap's proxy protocol, the one decap-server's local_fs
// middleware speaks (POST {"action": ..., "params": ...}), over the
// site's folder, for `opengov serve`. It is a local tool: it answers only
// requests from this machine to a loopback host name, and only JSON (which
// a page of another origin cannot send without a CORS preflight that it
// never answers). It reads and writes below content/ and the media folder
// only. A save is first built in memory with the rest of the site; one
// that adds errors is refused with them, and nothing is written. Files are
// written to a temporary file and renamed into place.
type Backend struct {
	Root string // the site's folder
	// Check builds the site in fsys in memory and returns its errors.
	Check func(fsys fs.FS) diag.List
	// Rejected, if set, is told the errors of each refused save, with the
	// site as the save would have made it (to quote its lines).
	Rejected func(errs diag.List, saved fs.FS)

	mu sync.Mutex // one save at a time
}

// maxRequest bounds a request's body: an entry with its images.
const maxRequest = 64 << 20

type request struct {
	Action string          `json:"action"`
	Params json.RawMessage `json:"params"`
}

// A dataFile is one file of an entry: one language of it.
type dataFile struct {
	Path    string `json:"path"`
	Raw     string `json:"raw"`
	NewPath string `json:"newPath"`
}

type asset struct {
	Path     string `json:"path"`
	Content  string `json:"content"`
	Encoding string `json:"encoding"`
}

// httpError is an answer other than 200, with the message Decap shows.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func (b *Backend) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := local(r); err != nil {
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		http.Error(w, "the CMS backend answers POST only", http.StatusMethodNotAllowed)
		return
	}
	if ct, _, _ := strings.Cut(r.Header.Get("Content-Type"), ";"); strings.TrimSpace(ct) != "application/json" {
		http.Error(w, "the CMS backend answers JSON only", http.StatusUnsupportedMediaType)
		return
	}
	var req request
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRequest)).Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad request: " + err.Error()})
		return
	}
	res, err := b.handle(req)
	if err != nil {
		var he *httpError
		if !errors.As(err, &he) {
			he = &httpError{http.StatusInternalServerError, err.Error()}
		}
		writeJSON(w, he.status, map[string]string{"error": he.msg})
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// local refuses a request from another machine, to a host name that is
// not loopback (DNS rebinding) or from a page of another origin.
func local(r *http.Request) error {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return errors.New("the CMS backend serves this machine only")
	}
	if !isLoopback("http://" + r.Host + "/") {
		return errors.New("the CMS backend answers requests to 127.0.0.1 or localhost only")
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		return errors.New("the CMS backend answers pages of its own origin only")
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (b *Backend) handle(req request) (any, error) {
	root, err := os.OpenRoot(b.Root)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	switch req.Action {
	case "info":
		abs, _ := filepath.Abs(b.Root)
		return map[string]any{"repo": filepath.Base(abs), "publish_modes": []string{"simple"}, "type": "local_fs"}, nil
	case "entriesByFolder":
		var p struct {
			Folder    string `json:"folder"`
			Extension string `json:"extension"`
			Depth     int    `json:"depth"`
		}
		if err := decodeParams(req, &p); err != nil {
			return nil, err
		}
		dir, err := clean(p.Folder, content.Dir)
		if err != nil {
			return nil, err
		}
		var files []string
		listFiles(root, dir, p.Extension, max(p.Depth, 1), &files)
		// Section pages (_index) are edited as files, not entries.
		files = slices.DeleteFunc(files, func(f string) bool { return strings.HasPrefix(path.Base(f), content.IndexName+".") })
		return entries(root, files), nil
	case "entriesByFiles":
		var p struct {
			Files []struct {
				Path string `json:"path"`
			} `json:"files"`
		}
		if err := decodeParams(req, &p); err != nil {
			return nil, err
		}
		var files []string
		for _, f := range p.Files {
			name, err := clean(f.Path, content.Dir)
			if err != nil {
				return nil, err
			}
			files = append(files, name)
		}
		return entries(root, files), nil
	case "getEntry":
		var p struct {
			Path string `json:"path"`
		}
		if err := decodeParams(req, &p); err != nil {
			return nil, err
		}
		name, err := clean(p.Path, content.Dir)
		if err != nil {
			return nil, err
		}
		return entries(root, []string{name})[0], nil
	case "persistEntry":
		var p struct {
			Entry     *dataFile  `json:"entry"`
			DataFiles []dataFile `json:"dataFiles"`
			Assets    []asset    `json:"assets"`
		}
		if err := decodeParams(req, &p); err != nil {
			return nil, err
		}
		if p.DataFiles == nil && p.Entry != nil {
			p.DataFiles = []dataFile{*p.Entry}
		}
		return b.persist(root, p.DataFiles, p.Assets)
	case "getMedia":
		var p struct {
			MediaFolder string `json:"mediaFolder"`
		}
		if err := decodeParams(req, &p); err != nil {
			return nil, err
		}
		dir, err := clean(p.MediaFolder, mediaFolder)
		if err != nil {
			return nil, err
		}
		var files []string
		listFiles(root, dir, "", 1, &files)
		out := []any{}
		for _, f := range files {
			if m, err := mediaFile(root, f); err == nil {
				out = append(out, m)
			}
		}
		return out, nil
	case "getMediaFile":
		var p struct {
			Path string `json:"path"`
		}
		if err := decodeParams(req, &p); err != nil {
			return nil, err
		}
		name, err := clean(p.Path, mediaFolder)
		if err != nil {
			return nil, err
		}
		return mediaFile(root, name)
	case "persistMedia":
		var p struct {
			Asset asset `json:"asset"`
		}
		if err := decodeParams(req, &p); err != nil {
			return nil, err
		}
		if _, err := b.persist(root, nil, []asset{p.Asset}); err != nil {
			return nil, err
		}
		return mediaFile(root, path.Clean(p.Asset.Path))
	case "deleteFile", "deleteFiles":
		var p struct {
			Path  string   `json:"path"`
			Paths []string `json:"paths"`
		}
		if err := decodeParams(req, &p); err != nil {
			return nil, err
		}
		if p.Path != "" {
			p.Paths = append(p.Paths, p.Path)
		}
		return b.delete(root, p.Paths)
	case "getDeployPreview":
		return nil, nil
	}
	return nil, &httpError{http.StatusUnprocessableEntity, fmt.Sprintf("unknown action %q", req.Action)}
}

var mediaFolder = path.Join("static", MediaDir)

func decodeParams(req request, v any) error {
	if err := json.Unmarshal(req.Params, v); err != nil {
		return &httpError{http.StatusBadRequest, fmt.Sprintf("%s: bad params: %v", req.Action, err)}
	}
	return nil
}

// clean checks that p is a plain slash path inside the folder under.
func clean(p, under string) (string, error) {
	c := path.Clean(p)
	if p == "" || path.IsAbs(p) || strings.ContainsAny(p, "\\\x00") || !fs.ValidPath(c) || (c != under && !strings.HasPrefix(c, under+"/")) {
		return "", &httpError{http.StatusForbidden, fmt.Sprintf("%q is not a path below %s/", p, under)}
	}
	for _, seg := range strings.Split(c, "/") {
		if content.Ignored(seg) {
			return "", &httpError{http.StatusForbidden, fmt.Sprintf("%q names a hidden or temporary file", p)}
		}
	}
	return c, nil
}

// listFiles appends the files below dir, depth folders deep, whose names
// end in ext, leaving out hidden and temporary ones.
func listFiles(root *os.Root, dir, ext string, depth int, out *[]string) {
	if depth <= 0 {
		return
	}
	entries, err := fs.ReadDir(root.FS(), dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		switch {
		case content.Ignored(e.Name()):
		case e.IsDir():
			listFiles(root, name, ext, depth-1, out)
		case strings.HasSuffix(e.Name(), ext):
			*out = append(*out, name)
		}
	}
}

type entryFile struct {
	Path string  `json:"path"`
	ID   *string `json:"id"`
}

type entry struct {
	Data *string   `json:"data"`
	File entryFile `json:"file"`
}

// entries reads files as Decap's entries; a missing one has null data.
func entries(root *os.Root, files []string) []entry {
	out := make([]entry, len(files))
	for i, f := range files {
		out[i].File.Path = f
		data, err := root.ReadFile(f)
		if err != nil {
			continue
		}
		s, id := string(data), sha(data)
		out[i].Data, out[i].File.ID = &s, &id
	}
	return out
}

func sha(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func mediaFile(root *os.Root, name string) (map[string]string, error) {
	data, err := root.ReadFile(name)
	if err != nil {
		return nil, &httpError{http.StatusNotFound, err.Error()}
	}
	return map[string]string{"id": sha(data), "content": base64.StdEncoding.EncodeToString(data), "encoding": "base64",
		"path": name, "name": path.Base(name)}, nil
}

// persist saves an entry's files (and moves them to their new paths) and
// its assets, when the site with them builds without new errors.
func (b *Backend) persist(root *os.Root, files []dataFile, assets []asset) (any, error) {
	writes := map[string][]byte{}
	var removes []string
	for _, f := range files {
		name, err := clean(f.Path, content.Dir)
		if err != nil {
			return nil, err
		}
		if !strings.HasSuffix(name, ".md") {
			return nil, &httpError{http.StatusForbidden, fmt.Sprintf("%q is not a Markdown file", f.Path)}
		}
		if f.NewPath != "" {
			to, err := clean(f.NewPath, content.Dir)
			if err != nil {
				return nil, err
			}
			removes = append(removes, name)
			name = to
		}
		writes[name] = []byte(f.Raw)
	}
	for _, a := range assets {
		name, err := clean(a.Path, mediaFolder)
		if err != nil {
			return nil, err
		}
		data := []byte(a.Content)
		if a.Encoding == "base64" {
			if data, err = base64.StdEncoding.DecodeString(a.Content); err != nil {
				return nil, &httpError{http.StatusBadRequest, "asset " + a.Path + ": " + err.Error()}
			}
		}
		writes[name] = data
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.validate(writes, removes); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(writes))
	for n := range writes {
		names = append(names, n)
	}
	slices.Sort(names)
	if err := writeAll(root, names, writes); err != nil {
		return nil, err
	}
	for _, r := range removes {
		if _, moved := writes[r]; !moved {
			if err := root.Remove(r); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
	}
	return map[string]string{"message": "entry persisted"}, nil
}

// delete removes files when the site without them builds without new
// errors (a page that others link to stays).
func (b *Backend) delete(root *os.Root, paths []string) (any, error) {
	var names []string
	for _, p := range paths {
		name, err := clean(p, content.Dir)
		if err != nil {
			if name, err = clean(p, mediaFolder); err != nil {
				return nil, err
			}
		}
		names = append(names, name)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.validate(nil, names); err != nil {
		return nil, err
	}
	for _, n := range names {
		if err := root.Remove(n); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return map[string]string{"message": "deleted " + strings.Join(names, ", ")}, nil
}

// validate builds the site with the writes and removals in memory, and
// refuses them if that build has errors the site on disk does not have.
func (b *Backend) validate(writes map[string][]byte, removes []string) error {
	if b.Check == nil {
		return nil
	}
	disk := os.DirFS(b.Root)
	saved := newOverlay(disk, writes, removes)
	errs, panicked := b.check(saved)
	if errs == nil {
		return nil
	}
	// Only errors the site on disk does not have refuse a save (a panic
	// too, unless the site on disk panics the build already).
	before := map[string]bool{}
	baseline, basePanicked := b.check(disk)
	if !panicked || basePanicked {
		for _, e := range baseline {
			before[e.Error()] = true
		}
	}
	var fresh diag.List
	for _, e := range errs {
		if !before[e.Error()] {
			fresh = append(fresh, e)
		}
	}
	if fresh == nil {
		return nil
	}
	if b.Rejected != nil {
		b.Rejected(fresh, saved)
	}
	lines := make([]string, len(fresh))
	for i, e := range fresh {
		lines[i] = e.Error()
	}
	return &httpError{http.StatusUnprocessableEntity, "not saved, the site would not build: " + strings.Join(lines, "; ")}
}

// check runs Check, turning a panic into an error: a save that makes the
// build fail in that way is refused like any other, and serve goes on.
func (b *Backend) check(fsys fs.FS) (errs diag.List, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			panicked = true
			errs = diag.List{{Pos: diag.Pos{File: "opengov"}, Msg: fmt.Sprintf("internal error while building the save: %v", r), Hint: "please report this"}}
		}
	}()
	return b.Check(fsys), false
}

// writeAll writes each file to a temporary file beside it, and only when
// all are written renames them into place: a failed save leaves no file
// half-written.
func writeAll(root *os.Root, names []string, data map[string][]byte) error {
	temps := make([]string, 0, len(names))
	cleanup := func() {
		for _, t := range temps {
			root.Remove(t)
		}
	}
	for _, n := range names {
		if err := root.MkdirAll(path.Dir(n), 0o755); err != nil {
			cleanup()
			return err
		}
		tmp := path.Join(path.Dir(n), "."+path.Base(n)+"."+rand.Text()[:8]+".tmp")
		f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			cleanup()
			return err
		}
		temps = append(temps, tmp)
		_, err = f.Write(data[n])
		if serr := f.Sync(); err == nil {
			err = serr
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			cleanup()
			return err
		}
	}
	for i, n := range names {
		if err := root.Rename(temps[i], n); err != nil {
			cleanup()
			return err
		}
	}
	return nil
}
