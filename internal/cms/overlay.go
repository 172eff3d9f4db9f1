package cms

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing/fstest"
)

// overlay is a site's folder with a save applied in memory: files
// written over or beside the disk's, and files removed.
type overlay struct {
	base    fs.FS
	files   fstest.MapFS
	removed map[string]bool
}

func newOverlay(base fs.FS, writes map[string][]byte, removes []string) *overlay {
	o := &overlay{base: base, files: fstest.MapFS{}, removed: map[string]bool{}}
	for _, r := range removes {
		o.removed[r] = true
	}
	for name, data := range writes {
		o.files[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		delete(o.removed, name)
	}
	return o
}

func (o *overlay) Open(name string) (fs.File, error) {
	if o.removed[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if _, ok := o.files[name]; ok {
		return o.files.Open(name)
	}
	f, err := o.base.Open(name)
	if err != nil && o.hasDir(name) {
		return o.files.Open(name) // a folder only the save makes
	}
	return f, err
}

// hasDir reports whether a written file is below the folder name.
func (o *overlay) hasDir(name string) bool {
	for f := range o.files {
		if name == "." || strings.HasPrefix(f, name+"/") {
			return true
		}
	}
	return false
}

// ReadDir lists the disk's folder with the written files added and the
// removed ones left out.
func (o *overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	base, err := fs.ReadDir(o.base, name)
	if err != nil && !o.hasDir(name) {
		return nil, err
	}
	var out []fs.DirEntry
	seen := map[string]bool{}
	for _, e := range base {
		p := path.Join(name, e.Name())
		if o.removed[p] {
			continue
		}
		if _, written := o.files[p]; written {
			continue
		}
		seen[e.Name()] = true
		out = append(out, e)
	}
	if o.hasDir(name) {
		mine, err := fs.ReadDir(o.files, name)
		if err != nil {
			return nil, err
		}
		for _, e := range mine {
			if !seen[e.Name()] {
				out = append(out, e)
			}
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}
