// Package content reads the Markdown sources under content/: it names each
// file's section, translation name and language, splits off its front matter
// and decodes the fields every page shares. It knows nothing of URLs or
// templates.
package content

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/adrg/frontmatter"
	"github.com/opengov-fi/opengov/internal/decode"
	"github.com/opengov-fi/opengov/internal/diag"
)

// Dir is the content folder's name at the site root.
const Dir = "content"

// IndexName is the name of a section's own page (and of the home page).
const IndexName = "_index"

// File is one Markdown source in one language.
type File struct {
	Path     string // as shown to editors: "content/good-practices/x.en.md"
	Dir      string // section folder below content/, slash-separated; "" at the root
	Name     string // "x", or IndexName for a section page
	Lang     string
	Front    Front
	Rest     []decode.Field // front-matter fields the shared schema does not know
	Meta     *decode.Node   // the whole front matter, for positions of its fields
	Body     []byte
	BodyLine int // line of the file the body starts on
	// MetaHash and BodyHash identify the front matter and the body, so
	// later stages can tell what an edit changed.
	MetaHash, BodyHash [sha256.Size]byte
}

// Front holds the front-matter fields every page may have.
type Front struct {
	Title          string    `fm:"title,required"`
	Summary        string    `fm:"summary"`
	Slug           string    `fm:"slug"`
	TranslationKey string    `fm:"translationKey"`
	Draft          bool      `fm:"draft"`
	Weight         int       `fm:"weight"`
	Published      time.Time `fm:"published"`
	Updated        time.Time `fm:"updated"`
	// Layout names a page's own template, layout + ".html", in place of
	// single.html: "declaration" gives declaration.html.
	Layout string `fm:"layout"`
	// SourceHash, on a translation, is the first 12 hex digits of the
	// SHA-256 of the default-language version's body it was translated
	// from; opengov check reports the translation as stale when they differ.
	SourceHash string `fm:"source_hash"`
}

// IsIndex reports whether f is a section's (or the home) page.
func (f *File) IsIndex() bool { return f.Name == IndexName }

// SourceKey is the file's path without language and extension:
// "good-practices/x", or "good-practices/_index". Translations share it.
func (f *File) SourceKey() string { return path.Join(f.Dir, f.Name) }

// Pos is the position of the file's first line.
func (f *File) Pos() diag.Pos { return diag.Pos{File: f.Path, Line: 1} }

// FieldPos is the position of the value of front-matter field key, or of
// the front matter's start when the field is absent.
func (f *File) FieldPos(key string) diag.Pos {
	if n := f.Meta.Get(key); n != nil {
		return diag.Pos{File: f.Path, Line: n.Line, Col: n.Col}
	}
	if f.Meta != nil {
		return diag.Pos{File: f.Path, Line: f.Meta.Line}
	}
	return f.Pos()
}

// BodyPos converts a byte offset in Body to a position in the file.
func (f *File) BodyPos(offset int) diag.Pos {
	line, col := diag.LineCol(f.Body, offset)
	return diag.Pos{File: f.Path, Line: f.BodyLine + line - 1, Col: col}
}

// Load reads every Markdown file below Dir in fsys. langs are the configured
// language codes. Drafts are kept; the site stage decides about them.
func Load(fsys fs.FS, langs []string) ([]*File, diag.List) {
	return NewLoader().Load(fsys, langs, nil)
}

// Loader loads content again and again, as a watching server does: it
// keeps each parsed file and reads it again only when told it changed.
// A Loader is not safe for concurrent use.
type Loader struct {
	cache  map[string]cached // by path
	langs  string
	loaded []*File // what the last Load or Reload returned, by path
}

// cached is a parsed file (nil if it could not be parsed) and what its
// file said of it; failed files, whose errors are not kept, are always
// read again.
type cached struct {
	file    *File
	failed  bool
	size    int64
	modTime time.Time
}

// NewLoader returns a Loader with nothing cached.
func NewLoader() *Loader { return &Loader{cache: map[string]cached{}} }

// Load lists the Markdown files below Dir and returns them parsed. A file
// is read again when changed reports its path (nil: every file), when its
// size or modification time differs, when it is new, or when it failed
// last time; other files come from the cache.
func (l *Loader) Load(fsys fs.FS, langs []string, changed func(path string) bool) ([]*File, diag.List) {
	if key := strings.Join(langs, ","); key != l.langs {
		l.cache, l.langs = map[string]cached{}, key // languages decide which names are valid
	}
	var files []*File
	var errs diag.List
	var toRead []string // paths to read and parse
	stats := map[string]cached{}
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(diag.Pos{File: p}, "cannot read: %v", err)
			return nil
		}
		name := d.Name()
		if Ignored(name) && p != Dir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || IsData(name) {
			return nil
		}
		stat := statOf(fsys, p)
		if c, ok := l.cache[p]; ok && c.file != nil && !c.failed && changed != nil && !changed(p) &&
			c.size == stat.size && c.modTime.Equal(stat.modTime) {
			stats[p] = c
			files = append(files, c.file)
			return nil
		}
		stats[p] = stat
		toRead = append(toRead, p)
		return nil
	})
	if err != nil {
		errs.Add(diag.Pos{File: Dir}, "cannot read the content folder: %v", err)
	}
	read, readErrs := loadFiles(fsys, toRead, langs)
	for i, p := range toRead {
		errs = append(errs, readErrs[i]...)
		c := stats[p]
		c.file, c.failed = read[i], readErrs[i] != nil
		stats[p] = c
		if read[i] != nil {
			files = append(files, read[i])
		}
	}
	l.cache = stats // files deleted or renamed away drop out
	slices.SortFunc(files, func(a, b *File) int { return strings.Compare(a.Path, b.Path) })
	l.loaded = files
	return slices.Clip(files), errs
}

// loadFiles reads and parses the files at paths on every core; the result
// has a file, or nil, and its errors for each path, in order.
func loadFiles(fsys fs.FS, paths []string, langs []string) ([]*File, []diag.List) {
	files := make([]*File, len(paths))
	errs := make([]diag.List, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(1, len(paths))) {
		wg.Go(func() {
			for i := range next {
				files[i], errs[i] = safeLoadFile(fsys, paths[i], langs)
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return files, errs
}

// Ignored reports whether a file or folder name is an editor's temporary or
// backup file, or hidden, which the build passes over: .name (also vim's
// .name.swp and Emacs's .#name), name~, #name# (Emacs), 4913 (vim's
// probe), and names ending in .swp, .swx, .tmp, .bck, .bak, .orig, .new
// (written and then renamed over the file), ___jb_tmp___ and ___jb_old___
// (JetBrains).
func Ignored(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || name == "4913" ||
		len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#") {
		return true
	}
	for _, suffix := range ignoredSuffixes {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

var ignoredSuffixes = []string{".swp", ".swx", ".tmp", ".bck", ".bak", ".orig", ".new", "___jb_tmp___", "___jb_old___"}

// IsData reports whether a file below content/ holds data for the build
// (such as _vocabularies.toml) rather than a page.
func IsData(name string) bool {
	return strings.HasPrefix(name, "_") && strings.HasSuffix(name, ".toml")
}

// safeLoadFile is loadFile with a panic turned into an error at the file,
// so that one file cannot stop a build or the server.
func safeLoadFile(fsys fs.FS, p string, langs []string) (f *File, errs diag.List) {
	defer func() {
		if v := recover(); v != nil {
			f, errs = nil, diag.List{{Pos: diag.Pos{File: p}, Msg: fmt.Sprintf("internal error while reading this file: %v", v), Hint: "this is a bug in opengov: please report it with this file"}}
		}
	}()
	return loadFile(fsys, p, langs)
}

func loadFile(fsys fs.FS, p string, langs []string) (*File, diag.List) {
	pos := diag.Pos{File: p}
	base := path.Base(p)
	stem, ok := strings.CutSuffix(base, ".md")
	if !ok {
		return nil, diag.List{{Pos: pos, Msg: "not a Markdown page", Hint: "content/ holds only <name>.<lang>.md pages; put images and other files in static/"}}
	}
	dot := strings.LastIndexByte(stem, '.')
	if dot <= 0 {
		return nil, diag.List{{Pos: pos, Msg: "the file name does not say its language", Hint: "name it " + stem + "." + langs[0] + ".md"}}
	}
	name, lang := stem[:dot], stem[dot+1:]
	if !slices.Contains(langs, lang) {
		return nil, diag.List{{Pos: pos, Msg: "language \"" + lang + "\" is not in site.toml", Hint: "use one of " + strings.Join(langs, ", ") + ", or add the language to site.toml"}}
	}
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, diag.List{{Pos: pos, Msg: "cannot read: " + err.Error()}}
	}
	dir := strings.TrimPrefix(path.Dir(p), Dir)
	f := &File{Path: p, Dir: strings.TrimPrefix(dir, "/"), Name: name, Lang: lang}
	errs := f.parse(src)
	if f.Meta == nil {
		return nil, errs // the front matter could not be read at all
	}
	// A field the shared schema rejects still leaves the file, so that the
	// later stages report its other mistakes in the same run: an editor
	// sees every error of a file at once.
	return f, errs
}

// parse splits src into front matter and body and decodes the front matter.
func (f *File) parse(src []byte) diag.List {
	src = normalize(src)
	if errs := checkUTF8(src, f.Path); errs != nil {
		return errs
	}
	var raw []byte
	var format string
	capture := func(name string) frontmatter.UnmarshalFunc {
		return func(data []byte, _ any) error { raw, format = data, name; return nil }
	}
	body, err := frontmatter.MustParse(bytes.NewReader(src), nil,
		frontmatter.NewFormat("---", "---", capture("yaml")),
		frontmatter.NewFormat("+++", "+++", capture("toml")),
	)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, frontmatter.ErrNotFound) {
			msg = "no front matter, or it is not closed"
		}
		return diag.List{{Pos: f.Pos(), Msg: msg, Hint: "start the file with a line ---, then title: ..., then a closing line ---"}}
	}
	bodyStart := len(src) - len(body)
	f.Body = bytes.Clone(body) // the parser's buffer holds the whole file and spare room

	f.MetaHash = sha256.Sum256(src[:bodyStart])
	f.BodyHash = sha256.Sum256(body)
	f.BodyLine = 1 + bytes.Count(src[:bodyStart], []byte("\n"))
	if bodyStart > 0 && src[bodyStart-1] != '\n' {
		f.BodyLine++
	}
	// The front matter ends on the line before the closing delimiter.
	firstLine := f.BodyLine - 1 - bytes.Count(raw, []byte("\n"))

	var root *decode.Node
	var errs diag.List
	if format == "yaml" {
		root, errs = decode.ParseYAML(raw, f.Path, firstLine)
	} else {
		root, errs = decode.ParseTOML(raw, f.Path, firstLine)
	}
	if errs != nil {
		return errs
	}
	f.Meta = root
	errs = decode.Into(root, &f.Front, f.Path, decode.Options{Rest: &f.Rest})
	if f.Front.Slug != "" && !slugRE.MatchString(f.Front.Slug) {
		n := root.Get("slug")
		errs.Add(diag.Pos{File: f.Path, Line: n.Line, Col: n.Col}, "slug %q may only have lowercase a-z, digits and single hyphens", f.Front.Slug).Hint = SlugHint(f.Front.Slug)
	}
	if f.Front.Slug == "" && !f.IsIndex() && !ValidSlug(f.Name) {
		e := errs.Add(diag.Pos{File: f.Path, Line: root.Line}, "the file name %q cannot be part of a URL: a page without slug: is published under its file name, which may only have lowercase a-z, digits and single hyphens", f.Name)
		if s := Slugify(f.Name); s != "" {
			e.Hint = fmt.Sprintf("add slug: %s to the front matter, or rename the file %s.%s.md", s, s, f.Lang)
		} else {
			e.Hint = "add a slug: of lowercase a-z, digits and hyphens to the front matter"
		}
	}
	return errs
}
