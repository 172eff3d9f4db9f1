// Package publish writes a built site to disk: every file into a fresh
// staging folder beside the target, then swaps the staging folder into
// place, so the target holds either the old site or the new one, never a mix,
// and no file of an earlier build survives. It replaces only a folder that
// is empty or that an earlier build made (see guard.go).
package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/opengov-fi/opengov/internal/output"
)

// Write replaces the folder dir with exactly files, refusing as NewStage
// does. If anything fails, dir is left as it was.
func Write(dir string, files []output.File) error { return write(dir, "", files) }

// write is Write for a site whose sources are in siteDir ("" if unknown),
// which NewStage refuses to replace.
func write(dir, siteDir string, files []output.File) error {
	st, err := NewStage(dir, siteDir)
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

	// gate is held for reading by each Add and for writing by Abort and
	// Commit, so that no file lands in the staging folder after it is gone.
	gate sync.RWMutex
	done bool

	mu      sync.Mutex
	made    map[string]bool // folders made so far
	written []string        // slash paths of the files added
}

// NewStage makes a staging folder for replacing dir, after checking that
// dir may be replaced: it must be empty, missing, or made by an earlier
// build, and apart from the sources of the site in siteDir ("" when there
// is no site to protect). A refusal is a *RefusedError.
func NewStage(dir, siteDir string) (*Stage, error) {
	dir, err := checkTarget(dir, siteDir)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	root, err := os.MkdirTemp(parent, "."+base+stagingInfix)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(root, 0o755); err != nil { // MkdirTemp makes it 0700
		os.RemoveAll(root)
		return nil, err
	}
	return &Stage{dir: dir, root: root, made: map[string]bool{root: true}}, nil
}

// stagingInfix names staging folders: .public.staging-123456.
const stagingInfix = ".staging-"

// Dir is the folder the stage replaces, with symbolic links resolved.
func (s *Stage) Dir() string { return s.dir }

// Add writes one file into the staging folder.
func (s *Stage) Add(f output.File) error {
	s.gate.RLock()
	defer s.gate.RUnlock()
	if s.done {
		return errStageClosed
	}
	name := filepath.Join(s.root, filepath.FromSlash(f.Path))
	d := filepath.Dir(name)
	s.mu.Lock()
	if err := s.mkdir(d); err != nil {
		s.mu.Unlock()
		return err
	}
	s.written = append(s.written, f.Path)
	s.mu.Unlock()
	return os.WriteFile(name, f.Data, 0o644)
}

// mkdir makes the folder d inside the stage, with its parents; s.mu is
// held. Most pages are the only file of a folder of their own, whose
// parent is made already: one mkdir, where MkdirAll would first look at
// the folder and at its parent.
func (s *Stage) mkdir(d string) error {
	if s.made[d] {
		return nil
	}
	var err error
	if s.made[filepath.Dir(d)] {
		err = os.Mkdir(d, 0o755)
		if errors.Is(err, fs.ErrExist) {
			err = os.MkdirAll(d, 0o755) // an error unless it is a folder
		}
	} else {
		err = os.MkdirAll(d, 0o755)
	}
	if err != nil {
		return err
	}
	for p := d; !s.made[p]; p = filepath.Dir(p) {
		s.made[p] = true // the parents of d too, up to the stage's root
	}
	return nil
}

// Abort removes the staging folder; the target is untouched. It may be
// called more than once, and after Commit, which it then leaves alone.
func (s *Stage) Abort() {
	s.gate.Lock()
	defer s.gate.Unlock()
	if s.done {
		return
	}
	s.done = true
	os.RemoveAll(s.root)
}

// Commit writes the manifest and swaps the staging folder into place,
// after checking the target again: it may have changed during the build.
func (s *Stage) Commit() error {
	s.gate.Lock()
	defer s.gate.Unlock()
	if s.done {
		return errStageClosed
	}
	s.done = true
	if err := s.commit(); err != nil {
		os.RemoveAll(s.root)
		return err
	}
	return nil
}

func (s *Stage) commit() error {
	if err := replaceable(s.dir, true); err != nil {
		return err
	}
	sort.Strings(s.written)
	var b strings.Builder
	b.WriteString(manifestHeader)
	for _, p := range s.written {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(s.root, ManifestName), []byte(b.String()), 0o644); err != nil {
		return err
	}
	return swap(s.root, s.dir)
}

// swap moves staging to dir, moving an existing dir aside first and
// deleting it once the new one is in place. On failure dir is as it was.
func swap(staging, dir string) error {
	var old string
	if _, err := os.Lstat(dir); err == nil {
		old = staging + ".old"
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	}
	if err := os.Rename(staging, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
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
