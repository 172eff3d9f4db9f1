package publish

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// ManifestName is the file each build writes into its output folder,
// listing every file it wrote. A folder that has it may be replaced by the
// next build; a folder that has files it does not list may not.
const ManifestName = ".opengov-manifest"

// manifestHeader starts every manifest; a file of that name without it is
// not one.
const manifestHeader = "# opengov build output. The next opengov build replaces this folder\n" +
	"# only if it holds nothing but the files listed here.\n"

// junk are files that desktops drop into any folder that is looked at; a
// build may replace them.
var junk = map[string]bool{".DS_Store": true, "Thumbs.db": true, "desktop.ini": true}

// sourceFolders are the parts of a site that a build must never replace,
// nor any folder inside them.
var sourceFolders = []string{"content", "templates", "static", "i18n", ".git", "site.toml"}

var errStageClosed = errors.New("the staging folder was already committed or aborted")

// RefusedError says why a folder may not be replaced and what to do.
type RefusedError struct {
	Dir    string // the folder as given
	Reason string
	Fix    string
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refusing to build into %s: %s (%s)", e.Dir, e.Reason, e.Fix)
}

// checkTarget returns the real path of dir, after making sure a build may
// replace it.
func checkTarget(dir, siteDir string) (string, error) {
	real, err := realPath(dir)
	if err != nil {
		return "", err
	}
	if siteDir != "" {
		if err := apartFromSources(dir, real, siteDir); err != nil {
			return "", err
		}
	}
	if err := replaceable(real, false); err != nil {
		var r *RefusedError
		if errors.As(err, &r) {
			r.Dir = dir
		}
		return "", err
	}
	return real, nil
}

// apartFromSources refuses a target that is, holds or lies inside the
// site's sources.
func apartFromSources(dir, real, siteDir string) error {
	root, err := realPath(siteDir)
	if err != nil {
		return err
	}
	fix := "choose an --out outside the site's sources, such as public, or a folder beside the site"
	if within(real, root) {
		what := "it is the site's folder"
		if root != real {
			what = "it holds the site's folder " + root
		}
		return &RefusedError{Dir: dir, Reason: what, Fix: fix}
	}
	for _, name := range sourceFolders {
		srcs := []string{filepath.Join(root, name)}
		if name == ".git" {
			srcs = append(srcs, gitDir(srcs[0])...)
		}
		for _, src := range srcs {
			s, err := realPath(src)
			if err != nil {
				return err
			}
			switch {
			case s == real:
				return &RefusedError{Dir: dir, Reason: "it is the site's " + name, Fix: fix}
			case within(real, s):
				return &RefusedError{Dir: dir, Reason: "it holds the site's " + name, Fix: fix}
			case within(s, real):
				return &RefusedError{Dir: dir, Reason: "it lies inside the site's " + name, Fix: fix}
			}
		}
	}
	return nil
}

// gitDir is the folder a .git file (of a worktree or submodule) points to.
func gitDir(dotGit string) []string {
	info, err := os.Lstat(dotGit)
	if err != nil || !info.Mode().IsRegular() || info.Size() > 4096 {
		return nil
	}
	data, err := os.ReadFile(dotGit)
	if err != nil {
		return nil
	}
	line, _, _ := bytes.Cut(data, []byte("\n"))
	target, ok := strings.CutPrefix(strings.TrimSpace(string(line)), "gitdir:")
	if !ok {
		return nil
	}
	target = strings.TrimSpace(target)
	if !filepath.IsAbs(target) {
		target = filepath.Join(filepath.Dir(dotGit), target)
	}
	return []string{target}
}

// replaceable refuses a folder that is neither missing, empty, nor made by
// an earlier build; with unlistedToo, also one that holds files the
// build's manifest does not list (Commit checks that, just before the
// swap, so that the check is done once a build).
func replaceable(dir string, unlistedToo bool) error {
	info, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return &RefusedError{Dir: dir, Reason: "it exists and is not a folder", Fix: "remove it, or choose another --out"}
	}
	empty, err := isEmpty(dir)
	if err != nil || empty {
		return err
	}
	listed, err := readManifest(dir)
	if err != nil {
		return err
	}
	if listed == nil {
		return &RefusedError{Dir: dir, Reason: "it is not empty and no opengov build made it (it has no " + ManifestName + ")",
			Fix: "choose a new or empty folder for --out; if nothing in it is needed, empty it yourself first"}
	}
	if !unlistedToo {
		return nil
	}
	extra, err := unlisted(dir, listed)
	if err != nil {
		return err
	}
	if len(extra) > 0 {
		such := extra[0]
		if len(extra) > 1 {
			such = fmt.Sprintf("%s and %d more", extra[0], len(extra)-1)
		}
		return &RefusedError{Dir: dir, Reason: "it holds files that no opengov build wrote: " + such,
			Fix: "move them out of the folder, or delete them, then build again"}
	}
	return nil
}

// unlisted returns the files and folders in dir that the manifest does
// not list. Reading every folder of a large site would cost more than a
// tenth of its build, so it reads only those changed since the manifest
// was written (adding or removing an entry sets a folder's modification
// time), and stats the others.
func unlisted(dir string, listed map[string]bool) ([]string, error) {
	info, err := os.Lstat(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, err
	}
	since := info.ModTime()
	dirs := map[string]bool{".": true}
	for p := range listed {
		for d := path.Dir(p); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	var extra []string
	for d := range dirs {
		name := filepath.Join(dir, filepath.FromSlash(d))
		info, err := os.Lstat(name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // gone: nothing to lose
		case err != nil:
			return nil, err
		case !info.IsDir():
			extra = append(extra, d)
			continue
		case info.ModTime().Before(since):
			// Untouched since the last build. A folder as new as the
			// manifest is read: file times come from a coarse clock, so a
			// file added in the same tick leaves its folder's time equal.
			continue
		}
		entries, err := os.ReadDir(name)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			rel := path.Join(d, e.Name())
			if listed[rel] || dirs[rel] || rel == ManifestName || junk[e.Name()] {
				continue
			}
			if e.IsDir() {
				rel += "/"
			}
			extra = append(extra, rel)
		}
	}
	sort.Strings(extra)
	return extra, nil
}

func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.ReadDir(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	return false, err
}

// readManifest returns the paths the manifest in dir lists, or nil when
// dir has none.
func readManifest(dir string) (map[string]bool, error) {
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	listed := map[string]bool{}
	first, _, _ := strings.Cut(manifestHeader, "\n")
	if !sc.Scan() || sc.Text() != first {
		return nil, sc.Err() // not a manifest of ours
	}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		if line != "" {
			listed[line] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return listed, nil
}

// realPath is the absolute path of p with every symbolic link resolved;
// the part of p that does not exist yet is kept as written.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	cur, rest := abs, ""
	for {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// within reports whether p is dir or lies inside it; both are clean
// absolute paths.
func within(dir, p string) bool {
	if p == dir {
		return true
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(p, dir)
}
