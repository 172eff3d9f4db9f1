package content

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/diag"
)

// Reload is Load for a caller that is told which files changed, as a
// watching server is: paths are every source path (slash paths from the
// site root) that changed since the last Load or Reload, and every other
// file is taken as it was read, without looking at the disk, so that a
// save costs what the saved file costs, not what the whole folder does.
// Paths outside the content folder, data files and ignored names are
// passed over. Reload reports false, having done nothing, when paths
// alone cannot tell what changed: a path in the content folder that is
// not a Markdown file may be a folder, moved or removed with its files.
// Unseen finds what a watcher failed to report.
func (l *Loader) Reload(fsys fs.FS, langs []string, paths []string) ([]*File, diag.List, bool) {
	if key := strings.Join(langs, ","); key != l.langs || l.loaded == nil {
		return nil, nil, false
	}
	var toRead []string
	gone := map[string]bool{}
	stats := map[string]cached{}
	for _, p := range paths {
		rest, ok := strings.CutPrefix(p, Dir+"/")
		if !ok || slices.ContainsFunc(strings.Split(rest, "/"), Ignored) || IsData(path.Base(p)) {
			continue
		}
		if path.Ext(p) != ".md" {
			return nil, nil, false
		}
		info, err := fs.Stat(fsys, p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			gone[p] = true
		case err != nil:
			return nil, nil, false // Load reports it
		case info.IsDir():
			return nil, nil, false
		default:
			stats[p] = cached{size: info.Size(), modTime: info.ModTime()} // as statOf
			toRead = append(toRead, p)
		}
	}
	for p, c := range l.cache {
		if c.failed && !gone[p] && stats[p] == (cached{}) {
			stats[p] = cached{size: c.size, modTime: c.modTime} // read again, as Load does
			toRead = append(toRead, p)
		}
	}
	slices.Sort(toRead)
	toRead = slices.Compact(toRead)
	read, readErrs := loadFiles(fsys, toRead, langs)
	var errs diag.List
	fresh := map[string]*File{}
	for i, p := range toRead {
		errs = append(errs, readErrs[i]...)
		c := stats[p]
		c.file, c.failed = read[i], readErrs[i] != nil
		l.cache[p] = c
		fresh[p] = read[i]
	}
	for p := range gone {
		delete(l.cache, p)
	}
	files := make([]*File, 0, len(l.loaded)+len(toRead))
	for _, f := range l.loaded {
		if _, again := fresh[f.Path]; !again && !gone[f.Path] {
			files = append(files, f)
		}
	}
	for _, f := range fresh {
		if f != nil {
			files = append(files, f)
		}
	}
	slices.SortFunc(files, func(a, b *File) int { return strings.Compare(a.Path, b.Path) })
	l.loaded = files
	return slices.Clip(files), errs, true
}

// Unseen returns the content files that changed on disk since the last
// Load or Reload without being read again: their size or modification
// time differs, or they are new or gone. A watching server asks when the
// saves pause, so that a change its watcher missed still shows.
func (l *Loader) Unseen(fsys fs.FS) []string {
	var out []string
	seen := map[string]bool{}
	_ = fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case Ignored(d.Name()) && p != Dir:
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir() || IsData(d.Name()):
			return nil
		}
		seen[p] = true
		c, ok := l.cache[p]
		now := statOf(fsys, p)
		if !ok || c.size != now.size || !c.modTime.Equal(now.modTime) {
			out = append(out, p)
		}
		return nil
	})
	for p := range l.cache {
		if !seen[p] {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// statOf returns what Load, Reload and Unseen compare of the file at p:
// its size and modification time, of the file a link points to (as the
// build reads that); zero when it cannot be read.
func statOf(fsys fs.FS, p string) cached {
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return cached{}
	}
	return cached{size: info.Size(), modTime: info.ModTime()}
}
