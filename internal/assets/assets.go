// Package assets reads the files under static/, minifies CSS, JS and SVG,
// and names CSS and JS files by a hash of their content
// ("css/site.3f2a1b9c0d.css") so hosts can cache them forever.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/minifier"
	"github.com/opengov-fi/opengov/internal/output"
	"github.com/tdewolff/minify/v2"
)

// Dir is the folder of static files at the site root.
const Dir = "static"

// Set is the processed static files.
type Set struct {
	Files []output.File
	urls  map[string]string // "css/site.css" -> "css/site.<hash>.css"
}

// Path returns the output path of the static file name ("css/site.css"),
// fingerprinted where it is CSS or JS, and whether the file exists.
func (s *Set) Path(name string) (string, bool) {
	p, ok := s.urls[strings.TrimPrefix(name, "/")]
	return p, ok
}

// Load reads every file below Dir in fsys. A missing Dir is an empty set.
func Load(fsys fs.FS, m *minify.M) (*Set, diag.List) {
	set := &Set{urls: map[string]string{}}
	var errs diag.List
	_ = fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != Dir || !errors.Is(err, fs.ErrNotExist) {
				errs.Add(diag.Pos{File: p}, "cannot read: %v", err)
			}
			return nil
		}
		if content.Ignored(d.Name()) && p != Dir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs.Add(diag.Pos{File: p}, "cannot read: %v", err)
			return nil
		}
		name := strings.TrimPrefix(p, Dir+"/")
		if data, err = minifier.File(m, name, data); err != nil {
			errs.Add(diag.Pos{File: p}, "cannot minify: %v", err).Hint = "check the file's syntax"
			return nil
		}
		out := name
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			sum := sha256.Sum256(data)
			out = strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		}
		set.urls[name] = out
		set.Files = append(set.Files, output.File{Path: out, Data: data})
		return nil
	})
	return set, errs
}
