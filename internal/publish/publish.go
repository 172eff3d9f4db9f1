// Package publish writes a built site to disk: every file into a fresh
// staging folder beside the target, then swaps the staging folder into
// place, so the target holds either the old site or the new one, never a mix,
// and no file of an earlier build survives.
package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/opengov-fi/opengov/internal/output"
)

// Write replaces the folder dir with exactly files. If anything fails, dir
// is left as it was.
func Write(dir string, files []output.File) error {
	st, err := NewStage(dir)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := st.Add(f); err != nil {
			st.Abort()
			return err
		}
	}
	return st.Commit()
}

// Stage is a staging folder that files are written into as a build makes
// them, so they need not all be held in memory; Commit swaps it into place,
// Abort throws it away. Add may be called from several goroutines.
type Stage struct {
	dir, root string

	mu   sync.Mutex
	made map[string]bool // folders made so far
}

// NewStage makes a staging folder for replacing dir.
func NewStage(dir string) (*Stage, error) {
	dir = filepath.Clean(dir)
	if err := checkTarget(dir); err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	root, err := os.MkdirTemp(parent, "."+base+".staging-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(root, 0o755); err != nil { // MkdirTemp makes it 0700
		os.RemoveAll(root)
		return nil, err
	}
	return &Stage{dir: dir, root: root, made: map[string]bool{root: true}}, nil
}

// Add writes one file into the staging folder.
func (s *Stage) Add(f output.File) error {
	name := filepath.Join(s.root, filepath.FromSlash(f.Path))
	d := filepath.Dir(name)
	s.mu.Lock()
	if !s.made[d] {
		if err := os.MkdirAll(d, 0o755); err != nil {
			s.mu.Unlock()
			return err
		}
		s.made[d] = true
	}
	s.mu.Unlock()
	return os.WriteFile(name, f.Data, 0o644)
}

// Abort removes the staging folder; the target is untouched.
func (s *Stage) Abort() { os.RemoveAll(s.root) }

// Commit swaps the staging folder into place.
func (s *Stage) Commit() error { return swap(s.root, s.dir) }

// checkTarget refuses to replace a folder that looks like a site's sources
// or a repository rather than a build output.
func checkTarget(dir string) error {
	info, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s exists and is not a folder", dir)
	}
	for _, marker := range []string{"site.toml", ".git", "go.mod", "content"} {
		if _, err := os.Stat(filepath.Join(dir, marker)); err == nil {
			return fmt.Errorf("refusing to replace %s: it holds %s, so it is not a build output (choose another --out)", dir, marker)
		}
	}
	return nil
}

// swap moves staging to dir, moving an existing dir aside first and
// deleting it once the new one is in place.
func swap(staging, dir string) error {
	var old string
	if _, err := os.Stat(dir); err == nil {
		old = staging + ".old"
		if err := os.Rename(dir, old); err != nil {
			os.RemoveAll(staging)
			return err
		}
	}
	if err := os.Rename(staging, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		os.RemoveAll(staging)
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Writer writes files into a Stage from one goroutine of its own, so that
// the goroutines that make the files do not wait for the disk. At most
// queue files wait in memory.
type Writer struct {
	files   chan output.File
	done    chan struct{}
	err     error
	written int
}

// queue is how many files may wait to be written.
const queue = 64

// NewWriter starts writing into st.
func NewWriter(st *Stage) *Writer {
	w := &Writer{files: make(chan output.File, queue), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for f := range w.files {
			if w.err != nil {
				continue // drain: the build will be aborted
			}
			if w.err = st.Add(f); w.err == nil {
				w.written++
			}
		}
	}()
	return w
}

// Add queues f for writing; it is safe for concurrent use.
func (w *Writer) Add(f output.File) error {
	w.files <- f
	return nil
}

// Close waits until every queued file is written and returns how many
// were, and the first error.
func (w *Writer) Close() (int, error) {
	close(w.files)
	<-w.done
	return w.written, w.err
}
