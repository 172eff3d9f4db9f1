// Package build runs the pipeline from a site's sources to its files:
// config, then content, messages, templates and static files, then the site
// model, then rendering. It touches no disk: sources come through an fs.FS
// and the files go back to the caller (publish writes them).
package build

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/opengov-fi/opengov/internal/assets"
	"github.com/opengov-fi/opengov/internal/cms"
	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/export"
	"github.com/opengov-fi/opengov/internal/glossary"
	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/markdown"
	"github.com/opengov-fi/opengov/internal/minifier"
	"github.com/opengov-fi/opengov/internal/output"
	"github.com/opengov-fi/opengov/internal/render"
	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
	"github.com/tdewolff/minify/v2"
)

// Options change what a build produces.
type Options struct {
	Drafts  bool   // include pages with draft: true
	BaseURL string // overrides base_url of site.toml when not empty
	// Sink, when not nil, receives every file as soon as it is made, from
	// several goroutines, and Result.Files stays empty: a large site is
	// written without being held in memory. A build that ends with errors
	// may have sent some files already.
	Sink func(output.File) error
	// Reports asks for what rendering learned of each page's Markdown
	// (Result.Reports), which opengov check reads.
	Reports bool

	// Decap, when the site enables the CMS, is Decap's npm package
	// (cms.PackageDir below the site), whose browser files the build copies into
	// /admin/ with the CMS's pages; nil leaves the CMS out, as builds that
	// only check do.
	Decap fs.FS

	// Types are the content types; nil: schema.Builtin(), the site's own.
	Types schema.Types
}

// types returns the content types the build knows.
func (o Options) types() schema.Types {
	if o.Types == nil {
		return schema.Builtin()
	}
	return o.Types
}

// Result is a finished build.
type Result struct {
	Site *site.Site
	// Glossary is the names that stay in their own language.
	Glossary *glossary.Glossary
	Files    []output.File // sorted by path
	// Rendered counts the pages rendered rather than reused from the
	// previous build (all of them, for Run).
	Rendered int
	// Reports holds, with Options.Reports, each page's markdown.Report by
	// its output path ("fi/x/index.html").
	Reports map[string]*markdown.Report
}

// Run builds the site whose sources are in fsys. It returns every error it
// finds, sorted, and a nil Result when there is any.
func Run(fsys fs.FS, opts Options) (*Result, diag.List) {
	return run(fsys, opts, &state{loader: content.NewLoader()}, nil, Show{})
}

// Builder builds one site again and again, as a watching server does,
// reusing what did not change: parsed content files, and rendered pages
// whose inputs are the same. Its result is always what Run gives.
type Builder struct {
	fsys  fs.FS
	opts  Options
	state *state
}

// state is what a Builder keeps between builds. Run uses a fresh one.
type state struct {
	loader *content.Loader
	cache  *render.Cache // nil: render every page
	global [sha256.Size]byte

	params       map[paramKey]decoded // typed front matter of the last build
	paramsGlobal [sha256.Size]byte    // the global hash params were decoded under

	exportKey   [sha256.Size]byte
	exportFiles []output.File

	shared *shared // messages, templates, static files, vocabularies of global

	last *lastBuild // the last build that succeeded
}

// shared is what every page depends on, loaded from the site-wide inputs.
type shared struct {
	global   [sha256.Size]byte
	minifier *minify.M
	catalog  *i18n.Catalog
	// pagedTitle names the later pages of lists, keeping what it made for
	// the builds that share this catalog.
	pagedTitle func(lang, title string, n, total int) string
	templates  *render.Templates
	static     *assets.Set
	vocab      *schema.Vocabularies
	glossary   *glossary.Glossary

	i18nErrs, templateErrs, staticErrs, vocabErrs, glossaryErrs diag.List
}

func (sh *shared) ok() bool {
	return sh.i18nErrs == nil && sh.templateErrs == nil && sh.staticErrs == nil && sh.vocabErrs == nil && sh.glossaryErrs == nil
}

// loadShared loads the site-wide inputs, or, in a Builder, reuses those of
// the last build when none of them changed.
func (st *state) loadShared(fsys fs.FS, cfg *config.Config, langs []string, types schema.Types) *shared {
	if st.incremental() && st.shared != nil && st.shared.global == st.global {
		return st.shared
	}
	sh := &shared{global: st.global, minifier: minifier.New()}
	sh.catalog, sh.i18nErrs = i18n.Load(fsys, langs)
	sh.pagedTitle = render.PagedTitle(sh.catalog)
	sh.templates, sh.templateErrs = render.LoadTemplates(fsys, sh.minifier)
	sh.static, sh.staticErrs = assets.Load(fsys, sh.minifier)
	sh.vocab, sh.vocabErrs = loadVocabularies(fsys, cfg, langs, types)
	sh.glossary, sh.glossaryErrs = glossary.Load(fsys)
	st.shared = nil
	if st.incremental() && sh.ok() {
		st.shared = sh
	}
	return sh
}

type paramKey struct {
	file *content.File
	typ  string
}

type decoded struct {
	params any
	errs   diag.List
}

// NewBuilder returns a Builder of the site in fsys.
func NewBuilder(fsys fs.FS, opts Options) *Builder {
	return &Builder{fsys: fsys, opts: opts, state: &state{loader: content.NewLoader(), cache: render.NewCache()}}
}

// Build builds the site. changed are the source paths (slash paths from
// the site root, such as "content/x.fi.md" or "templates/single.html")
// that changed since the last build, as a watcher saw them; nil means any
// may have. Files not in changed are not read again: Unseen tells what a
// watcher missed.
func (b *Builder) Build(changed []string) (*Result, diag.List) {
	return run(b.fsys, b.opts, b.state, changed, Show{})
}

// Showing builds as Build does, for a server whose open tabs show some
// pages: see Show. It returns nil and no errors when show.Stop stopped it.
func (b *Builder) Showing(changed []string, show Show) (*Result, diag.List) {
	return run(b.fsys, b.opts, b.state, changed, show)
}

// Show is what a server's open tabs ask of a build (Builder.Showing).
type Show struct {
	// First are output paths of the pages the tabs show
	// ("en/x/index.html"): those are rendered before any other page.
	First []string
	// Early gets their files as soon as they are made, with the static
	// files (their stylesheets, scripts and images), while the rest of the
	// site is built, so that those tabs can reload sooner. It is called at
	// most once, and only when nothing before rendering failed; it must
	// not change the files. A build that fails later still returns its
	// errors: only the result (or the errors) tells what the site is.
	Early func([]output.File)
	// Stop, when not nil, is asked between pages and export files once
	// Early was called. Once it says yes (a newer save has come), the
	// build gives up; what the Builder keeps stays good for the next one.
	Stop func() bool
}

// Unseen returns source paths that changed since the last build without
// being in its changed list: content files whose size or time differ, or
// that are new or gone, and site.toml when the site-wide inputs (which
// every build reads) differ from that build's. A watching server asks
// when the saves pause and builds again with them, so that an edit its
// watcher did not report still shows.
func (b *Builder) Unseen() []string {
	out := b.state.loader.Unseen(b.fsys)
	if b.state.global != globalHash(b.fsys, b.opts) {
		out = append(out, config.File)
	}
	return out
}

// onlyPages reports whether every path in changed is a content page: the
// site-wide inputs, which globalHash reads, are then as they were.
func onlyPages(changed []string) bool {
	for _, p := range changed {
		if !strings.HasPrefix(p, content.Dir+"/") || content.IsData(path.Base(p)) || path.Ext(p) != ".md" {
			return false
		}
	}
	return true
}

// incremental reports whether the state keeps anything between builds.
func (st *state) incremental() bool { return st.cache != nil }

func run(fsys fs.FS, opts Options, st *state, changed []string, show Show) (*Result, diag.List) {
	types := opts.types()
	cfg, errs := config.Load(fsys, types.Sections())
	if errs == nil && opts.BaseURL != "" {
		errs.Append(diag.Pos{File: "--base-url"}, cfg.SetBaseURL(opts.BaseURL))
	}
	if errs != nil {
		return nil, errs.Sort()
	}
	langs := make([]string, len(cfg.Languages))
	for i, l := range cfg.Languages {
		langs[i] = l.Code
	}
	if st.incremental() && (changed == nil || !onlyPages(changed) || st.shared == nil) {
		st.global = globalHash(fsys, opts)
	}
	files, contentErrs := st.load(fsys, langs, changed)
	if !opts.Drafts {
		contentErrs = withoutDrafts(files, contentErrs)
	}
	sh := st.loadShared(fsys, cfg, langs, types)
	if sh.vocabErrs != nil {
		// Without the vocabularies every typed page would fail; report the
		// vocabulary errors with what else loaded.
		return nil, append(append(sh.vocabErrs, contentErrs...), append(sh.i18nErrs, sh.templateErrs...)...).Sort()
	}
	catalog, templates, static, vocab, minifier := sh.catalog, sh.templates, sh.static, sh.vocab, sh.minifier
	errs = append(errs, contentErrs...)
	errs = append(errs, sh.i18nErrs...)
	errs = append(errs, sh.templateErrs...)
	errs = append(errs, sh.staticErrs...)
	errs = append(errs, sh.glossaryErrs...)

	var stamp [sha256.Size]byte
	if st.incremental() {
		stamp = modelStamp(st.global, files)
		if res, errs, ok := st.bodiesOnly(opts, stamp, files, errs, sh); ok {
			return res, errs
		}
	}
	var schemas map[string]site.Schema
	if vocab != nil {
		schemas = st.memoize(types.Schemas(vocab))
	}
	model, modelErrs := schema.Model(cfg, files, site.Options{Drafts: opts.Drafts, Schemas: schemas, Like: st.like()}, vocab, sh.pagedTitle)
	errs = append(errs, modelErrs...)
	// Render even when the content has errors, so that broken links and
	// template errors are reported in the same run; but only when every
	// stage rendering needs has loaded.
	if catalog == nil || sh.templateErrs != nil || len(model.Home) < len(cfg.Languages) {
		return nil, errs.Sort()
	}
	emit := newEmitter(opts.Sink)
	in := render.Input{Site: model, Catalog: catalog, Templates: templates, Assets: static, Minifier: minifier,
		Cache: st.cache, Global: st.global, Model: stamp, Glossary: sh.glossary}
	if opts.Sink != nil {
		in.Emit = emit.file
	}
	if opts.Reports {
		in.Reports = map[string]*markdown.Report{}
	}
	var shown, stopped atomic.Bool
	stop := func() bool { // asked by the rendering and the exports
		if shown.Load() && show.Stop != nil && (stopped.Load() || show.Stop()) {
			stopped.Store(true)
		}
		return stopped.Load()
	}
	if errs == nil && show.Early != nil { // what the tabs show, unless the build has failed already
		in.First, in.Stop = show.First, stop
		in.Early = func(pages []output.File) {
			show.Early(append(slices.Clip(pages), static.Files...))
			shown.Store(true)
		}
	}
	// The exports only read the model: make them while the pages render.
	var exported []output.File
	var exportErr error
	var exporting sync.WaitGroup
	if vocab != nil {
		exporting.Go(func() { exported, exportErr = st.export(model, stamp, vocab, catalog, types, stop, emit.sinking()) })
	}
	out, renderErrs := render.Site(in)
	exporting.Wait()
	if stopped.Load() {
		return nil, nil // for a newer build: what was made is in the cache
	}
	errs = append(errs, renderErrs...)
	if written := (diag.List)(nil); errors.As(exportErr, &written) {
		errs = append(errs, written...) // from the sink, at the file's path
	} else if exportErr != nil {
		errs.Add(diag.Pos{File: export.Dir}, "cannot export the open data: %v", exportErr)
	}
	if errs != nil {
		return nil, errs.Sort()
	}
	extra := append(slices.Clip(static.Files), exported...)
	if cfg.CMSEnabled() {
		admin, cmsErrs := cms.Files(opts.Decap, cms.Input{Site: model, Vocab: vocab, Catalog: catalog, Types: types})
		if cmsErrs != nil {
			return nil, cmsErrs.Sort()
		}
		extra = append(extra, admin...)
	}
	if opts.Sink != nil {
		for _, f := range extra {
			errs.Append(diag.Pos{File: f.Path}, emit.file(f))
		}
	} else {
		out = append(out, extra...)
		output.Sort(out)
		for _, f := range out {
			errs.Append(diag.Pos{File: f.Path}, emit.file(f))
		}
	}
	if errs != nil {
		return nil, errs.Sort()
	}
	res := &Result{Site: model, Glossary: sh.glossary, Files: out, Rendered: len(model.Pages), Reports: in.Reports}
	if st.incremental() {
		res.Rendered = st.cache.Rendered
		st.keepLast(res, stamp, opts)
	}
	return res, nil
}

// load loads the content files, reading again only those in changed when
// it is not nil.
func (st *state) load(fsys fs.FS, langs []string, changed []string) ([]*content.File, diag.List) {
	if changed == nil {
		return st.loader.Load(fsys, langs, nil)
	}
	if files, errs, ok := st.loader.Reload(fsys, langs, changed); ok {
		return files, errs
	}
	return st.loader.Load(fsys, langs, func(p string) bool { return slices.Contains(changed, p) })
}

// withoutDrafts drops the errors of files that are drafts, which a build
// without drafts leaves out: a draft being filled in never stops the
// build. (A file whose front matter cannot be read at all is not known to
// be a draft, and its errors stay.)
func withoutDrafts(files []*content.File, errs diag.List) diag.List {
	drafts := map[string]bool{}
	for _, f := range files {
		if f.Front.Draft {
			drafts[f.Path] = true
		}
	}
	if len(drafts) == 0 {
		return errs
	}
	var out diag.List
	for _, e := range errs {
		if !drafts[e.Pos.File] {
			out = append(out, e)
		}
	}
	return out
}

// loadVocabularies loads the vocabularies of the typed sections, when
// site.toml gives any section a type; otherwise it returns nil.
func loadVocabularies(fsys fs.FS, cfg *config.Config, langs []string, types schema.Types) (*schema.Vocabularies, diag.List) {
	typed := false
	for _, s := range cfg.Sections {
		typed = typed || s.Type != ""
	}
	if !typed {
		return nil, nil
	}
	return schema.LoadVocabularies(fsys, langs, types.In(cfg).Vocabularies())
}

// emitter passes files on to a sink, if there is one, and reports a path
// made twice: a static file that has the path of a generated one.
type emitter struct {
	sink func(output.File) error
	mu   sync.Mutex
	seen map[string]bool
}

func newEmitter(sink func(output.File) error) *emitter {
	return &emitter{sink: sink, seen: map[string]bool{}}
}

func (e *emitter) file(f output.File) error {
	e.mu.Lock()
	dup := e.seen[f.Path]
	e.seen[f.Path] = true
	e.mu.Unlock()
	if dup {
		return &diag.Error{Pos: diag.Pos{File: assets.Dir + "/" + f.Path}, Msg: "the build also generates " + f.Path, Hint: "rename or remove the static file"}
	}
	if e.sink == nil {
		return nil
	}
	return e.sink(f)
}

// sinking returns, when the build has a sink, a function that sends a file
// to it as file does, its error a diag.List at the file's path; nil
// without a sink.
func (e *emitter) sinking() func(output.File) error {
	if e.sink == nil {
		return nil
	}
	return func(f output.File) error {
		var errs diag.List
		errs.Append(diag.Pos{File: f.Path}, e.file(f))
		return errs.Err()
	}
}

// globalHash identifies the inputs every page depends on: site.toml, the
// templates, messages and static files, data files under content/, and
// the options.
func globalHash(fsys fs.FS, opts Options) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "drafts=%v base=%s\x00", opts.Drafts, opts.BaseURL)
	add := func(p string) {
		data, err := fs.ReadFile(fsys, p)
		fmt.Fprintf(h, "%s\x00%d\x00%v\x00", p, len(data), err)
		h.Write(data)
	}
	add(config.File)
	for _, dir := range []string{render.TemplateDir, i18n.Dir, assets.Dir, content.Dir} {
		_ = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil || d.IsDir():
			case dir == content.Dir && !content.IsData(d.Name()):
			default:
				add(p)
			}
			return nil
		})
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// memoize wraps the schemas so that a file whose source and site-wide
// inputs are unchanged is not decoded again. Only a Builder keeps them.
func (st *state) memoize(schemas map[string]site.Schema) map[string]site.Schema {
	if !st.incremental() {
		return schemas
	}
	prev := st.params
	if prev == nil || st.paramsGlobal != st.global {
		prev = map[paramKey]decoded{} // the vocabularies or configuration changed
	}
	next := map[paramKey]decoded{}
	st.params, st.paramsGlobal = next, st.global
	out := make(map[string]site.Schema, len(schemas))
	for typ, sc := range schemas {
		out[typ] = site.Schema{Decode: func(f *content.File) (any, diag.List) {
			key := paramKey{f, typ}
			d, ok := prev[key]
			if !ok {
				d.params, d.errs = sc.Decode(f)
			}
			next[key] = d
			return d.params, d.errs
		}}
	}
	return out
}

// modelStamp identifies what the site model is made of: the site-wide
// inputs and every content file's path and front matter, but not its
// body, which the model does not read.
func modelStamp(global [sha256.Size]byte, files []*content.File) (sum [sha256.Size]byte) {
	h := sha256.New()
	h.Write(global[:])
	for _, f := range files {
		h.Write(f.MetaHash[:])
		fmt.Fprintf(h, "%s\x00", f.Path)
	}
	h.Sum(sum[:0])
	return sum
}

// export returns the open data files, made again only when the model may
// have changed (key, its modelStamp), as the exports read only the model.
// Run, writing to a sink (emit not nil), hands each file to emit as it is
// made and returns none, so they are not held while the pages render.
func (st *state) export(model *site.Site, key [sha256.Size]byte, vocab *schema.Vocabularies, msgs *i18n.Catalog, types schema.Types, stop func() bool, emit func(output.File) error) ([]output.File, error) {
	if !st.incremental() {
		if emit != nil {
			return nil, export.Each(model, vocab, msgs, types, nil, emit)
		}
		return export.Files(model, vocab, msgs, types)
	}
	if key == st.exportKey && st.exportFiles != nil {
		return st.exportFiles, nil
	}
	files, err := export.FilesUnless(model, vocab, msgs, types, stop)
	if err == nil {
		st.exportKey, st.exportFiles = key, files
	}
	return files, err
}
