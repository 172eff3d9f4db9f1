// Package render turns the site model into files: each page's Markdown
// through goldmark and the page through its html/template, in its language,
// plus the root language chooser, 404 pages, sitemap.xml and robots.txt,
// all minified. Pages render in parallel; the output does not depend on
// the order they finish in.
package render

import (
	"bytes"
	"html/template"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/opengov-fi/opengov/internal/assets"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/glossary"
	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/markdown"
	"github.com/opengov-fi/opengov/internal/minifier"
	"github.com/opengov-fi/opengov/internal/output"
	"github.com/opengov-fi/opengov/internal/site"
	"github.com/tdewolff/minify/v2"
)

// Input is everything rendering needs.
type Input struct {
	Site      *site.Site
	Catalog   *i18n.Catalog
	Templates *Templates
	Assets    *assets.Set
	Minifier  *minify.M
	// Cache, when not nil, keeps pages from the previous build: a page
	// whose inputs did not change is not rendered again. Global hashes
	// the inputs every page depends on (templates, messages, static files,
	// configuration).
	Cache  *Cache
	Global [32]byte
	// Model, with Cache, identifies everything the model is made of (the
	// global inputs, and every content file's path and front matter, not
	// its body). When it is what the last build's was, every page's view
	// is too, and its hash is taken from the cache rather than made again.
	Model [32]byte
	// Emit, when not nil, receives each file as soon as it is rendered, from
	// several goroutines; Site then returns no files, so a large site is not
	// held in memory. It is not used with Cache.
	Emit func(output.File) error
	// Reports, when not nil, receives what converting each page's
	// Markdown learned of it (links, images, headings with their source
	// positions), by the page's output path, for the checks.
	Reports map[string]*markdown.Report
	// Glossary, when not nil, has the names marked with their language
	// in bodies and in front-matter strings (see Data.Mark).
	Glossary *glossary.Glossary
	// First are output paths of pages ("en/x/index.html") to render
	// before any other, as the pages a server's open tabs show; Early,
	// when not nil, then gets those of them that rendered without errors,
	// before the rest of the site is rendered. Their files are the ones
	// Site returns: no page is rendered twice.
	First []string
	Early func([]output.File)
	// Stop, when not nil, is asked before each page once the pages of
	// First are made; once it says yes, no more pages are rendered, Site
	// returns no files and no errors (the caller knows why), and the
	// cache keeps what was rendered beside what it had, as each entry
	// stands by its own key.
	Stop func() bool
}

type renderer struct {
	emit  func(output.File) error
	frags fragments
	cache *Cache
	keys  *keyer // with cache
	// sameModel: the model is made of what the cache's was (Input.Model),
	// so the cache's view hashes hold.
	sameModel bool
	model     [32]byte
	site      *site.Site
	view      *viewer
	cat       *i18n.Catalog
	tpl       *Templates
	assets    *assets.Set
	min       *minify.M
	md        map[string]*markdown.Converter
	report    bool // make a markdown.Report of each page
	names     *glossary.Glossary
}

// safePage renders p, turning a panic into an error at p, so that one
// page cannot stop a build or the server.
func (r *renderer) safePage(p *site.Page) (res pageResult) {
	defer func() {
		if v := recover(); v != nil {
			res = pageResult{}
			res.errs.Add(p.Pos(), "internal error while rendering this page: %v", v).Hint = "this is a bug in opengov: please report it with this file"
		}
	}()
	return r.cachedPage(p)
}

// Site renders every file of the site except the static files. Errors of
// all pages are collected.
func Site(in Input) ([]output.File, diag.List) {
	r := newRenderer(in)
	pages := in.Site.Pages
	results := make([]pageResult, len(pages))
	first, shown := r.renderFirst(in, results)
	stop := in.Stop
	if !shown {
		stop = nil // only the rest of a build whose first pages were handed over stops
	}
	var stopped atomic.Bool
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				switch {
				case first[i]: // rendered already
				case stop != nil && (stopped.Load() || stop()):
					stopped.Store(true)
					continue
				default:
					results[i] = r.safePage(pages[i])
				}
				if r.emit != nil && results[i].errs == nil {
					results[i].errs.Append(pages[i].Pos(), r.emit(results[i].file))
					results[i].file.Data = nil // written: let it go
				}
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()

	if stopped.Load() {
		r.keepBeside(pages, results)
		return nil, nil
	}
	files, errs := collect(results, in.Reports)
	r.keep(pages, results)
	for _, l := range in.Site.Config.Languages {
		f, err := r.notFound(l.Code)
		errs.Append(diag.Pos{File: TemplateDir}, err)
		files = append(files, f)
	}
	for _, name := range []string{"index.html", "404.html"} {
		f, err := r.chooser(name, name == "404.html")
		errs.Append(diag.Pos{File: TemplateDir}, err)
		files = append(files, f)
	}
	files = append(files, r.sitemap(), r.robots())
	if r.emit != nil {
		for _, f := range files[len(pages):] {
			errs.Append(diag.Pos{File: f.Path}, r.emit(f))
		}
		return nil, errs
	}
	output.Sort(files)
	return files, errs
}

// renderFirst renders the pages of in.First into results, one after the
// other (there are a few), hands them to in.Early, and returns which
// pages it rendered and whether it handed any over.
func (r *renderer) renderFirst(in Input, results []pageResult) (map[int]bool, bool) {
	if len(in.First) == 0 {
		return nil, false
	}
	wanted := make(map[string]bool, len(in.First)) // by page path, "en/x/"
	for _, p := range in.First {
		if dir, ok := strings.CutSuffix(p, "index.html"); ok {
			wanted[dir] = true
		}
	}
	done := map[int]bool{}
	var early []output.File
	for i, p := range in.Site.Pages {
		if !wanted[p.Path] {
			continue
		}
		done[i] = true
		results[i] = r.safePage(p)
		if results[i].errs == nil {
			early = append(early, results[i].file)
		}
	}
	if in.Early == nil || len(early) == 0 {
		return done, false
	}
	in.Early(early)
	return done, true
}

func newRenderer(in Input) *renderer {
	r := &renderer{site: in.Site, cat: in.Catalog, tpl: in.Templates, assets: in.Assets, min: in.Minifier,
		md: map[string]*markdown.Converter{}, cache: in.Cache, emit: in.Emit, report: in.Reports != nil, names: in.Glossary,
		view: newViewer(in.Site)}
	if in.Cache != nil {
		r.keys = newKeyer(in.Site, in.Global)
		r.sameModel = in.Cache.model == in.Model && in.Cache.views != nil
		r.model = in.Model
	}
	for _, l := range in.Site.Config.Languages {
		r.md[l.Code] = markdown.New(l.Code, markdown.WithGlossary(in.Glossary))
	}
	return r
}

// collect returns the pages' files, in order, and their errors, and puts
// their reports in reports when it is not nil.
func collect(results []pageResult, reports map[string]*markdown.Report) ([]output.File, diag.List) {
	var errs diag.List
	files := make([]output.File, len(results))
	for i, res := range results {
		files[i] = res.file
		errs = append(errs, res.errs...)
		if reports != nil && res.report != nil {
			reports[res.file.Path] = res.report
		}
	}
	return files, errs
}

// pageResult is one page's output, with what the cache keeps of it.
type pageResult struct {
	file     output.File
	errs     diag.List
	key      [32]byte
	view     [32]byte         // the hash of its template data
	dests    []string         // the content links of its Markdown
	report   *markdown.Report // when asked for
	rendered bool             // not taken from the cache
	// spans are where its Shared partials are; uncached: where that
	// cannot be told, and the page is not kept.
	spans    []splice
	uncached bool
}

// cachedPage returns the page from the cache when its key is unchanged,
// and renders it otherwise.
func (r *renderer) cachedPage(p *site.Page) pageResult {
	var res pageResult
	if r.cache == nil {
		d, err := r.pageData(p)
		if err != nil {
			res.errs.Add(p.Pos(), "%v", err)
			return res
		}
		res.file, res.errs, _, res.report = r.page(p, d)
		return res
	}
	out := p.Path + "index.html"
	var d *Data
	view, known := r.cache.views[out]
	if !known || !r.sameModel {
		var err error
		if d, err = r.pageData(p); err != nil {
			res.errs.Add(p.Pos(), "%v", err)
			return res
		}
		view = r.keys.viewKey(d)
	}
	res.view = view
	if dests, ok := r.cache.links[r.site.Source(p).BodyHash]; ok {
		key := r.keys.pageKey(p, view, dests)
		if prev, ok := r.cache.pages[out]; ok && prev.key == key && (prev.report != nil || !r.report) {
			data, spans := prev.data, prev.spans
			var err error
			if len(spans) > 0 {
				if d == nil {
					d, err = r.pageData(p)
				}
				if err == nil {
					data, spans, err = r.respliced(d, data, spans)
				}
			}
			if err == nil {
				res.file, res.key, res.dests, res.report, res.spans = output.File{Path: out, Data: data}, key, dests, prev.report, spans
				return res
			}
			// Render the page, which reports what failed.
		}
	}
	if d == nil {
		var err error
		if d, err = r.pageData(p); err != nil {
			res.errs.Add(p.Pos(), "%v", err)
			return res
		}
	}
	res.file, res.errs, res.dests, res.report = r.page(p, d)
	res.key, res.rendered = r.keys.pageKey(p, view, res.dests), true
	spans, ok := splices(res.file.Data, d.spliced)
	res.spans, res.uncached = spans, !ok
	return res
}

// keepBeside adds to the cache the pages rendered of pages (a body
// save's, or a stopped build's), leaving the rest of it as it was: each
// entry stands by its key. The cache's view hashes hold for one model
// (Input.Model): when this build's is another, they are dropped, and only
// these pages' are kept.
func (r *renderer) keepBeside(pages []*site.Page, results []pageResult) {
	if r.cache == nil {
		return
	}
	var done []*site.Page
	var kept []pageResult
	for i, res := range results {
		if res.file.Path != "" { // not skipped
			done, kept = append(done, pages[i]), append(kept, res)
		}
	}
	if !r.sameModel {
		r.cache.model, r.cache.views = r.model, map[string][32]byte{}
	}
	r.cache.put(r.site, done, kept)
}

// keep replaces the cache's contents with this build's pages; pages that
// had errors are left out, so they are rendered again next time.
func (r *renderer) keep(pages []*site.Page, results []pageResult) {
	if r.cache == nil {
		return
	}
	c := NewCache()
	c.model, c.views = r.model, make(map[string][32]byte, len(results))
	c.put(r.site, pages, results)
	*r.cache = *c
}

// page renders one page with its data but for the body, d; it also
// returns the content-link destinations of its Markdown and, when asked
// for, its report.
func (r *renderer) page(p *site.Page, d *Data) (out output.File, errs diag.List, dests []string, report *markdown.Report) {
	out = output.File{Path: p.Path + "index.html"}
	links := r.links(p)
	// The HTML of the body is copied into the page data, so it is made in
	// buffers that are used again.
	md := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(md)
	md.Reset()
	collect := func(dest string) (string, string, error) {
		dests = append(dests, dest)
		return links(dest)
	}
	if r.report {
		report, errs = r.md[p.Lang].ConvertReport(md, r.site.Source(p), collect)
	} else {
		errs = r.md[p.Lang].ConvertTo(md, r.site.Source(p), collect)
	}
	body := md
	if r.min != nil {
		small := buffers.Get().(*bytes.Buffer)
		defer buffers.Put(small)
		small.Reset()
		// The minifier changes its input in place (it lowercases names), so
		// after a failure there is no unminified HTML left to fall back on:
		// the page has an error and is not published.
		if err := minifier.To(r.min, "body.html", small, md.Bytes()); err != nil {
			errs.Add(p.Pos(), "cannot minify the page's HTML: %v", err)
			return out, errs, dests, report
		}
		body = small
	}
	d.Content = template.HTML(body.Bytes())
	var err error
	name, tpl := r.tpl.lookup(p.Dir, templateFile(p))
	if tpl == nil {
		errs.Add(p.FieldPos("layout"), "there is no template %s for this page", path.Join(TemplateDir, name)).Hint = "add the template, or correct layout"
		return out, errs, dests, report
	}
	out.Data, err = r.execute(tpl, name, d, p.File.Path)
	errs.Append(p.Pos(), err)
	if err == nil && len(bytes.TrimSpace(out.Data)) == 0 {
		// An empty template, as one is for a moment while an editor saves
		// it: publishing its empty pages would replace the site's.
		e := errs.Add(diag.Pos{File: path.Join(TemplateDir, name)}, "the template made an empty page for %s", p.File.Path)
		e.Code, e.Hint = diag.CodeTemplate, "a page's template must write its HTML, usually {{ template \"baseof.html\" . }}"
	}
	return out, errs, dests, report
}

// templateFile is the template of p, looked up from p's folder: by its
// kind, or its layout.
func templateFile(p *site.Page) string {
	switch p.Kind {
	case site.KindHome:
		return homeFile
	case site.KindSection:
		return listFile
	case site.KindFacets:
		return "facets.html"
	case site.KindFacet:
		return "facet.html"
	case site.KindListPage: // the first page's template, but a commitment's later pages show only its practices
		switch p.Parent.Kind {
		case site.KindSection:
			return listFile
		case site.KindFacet:
			return "facet.html"
		}
		return "practices.html"
	}
	if p.Front.Layout != "" {
		return p.Front.Layout + ".html"
	}
	return singleFile
}

// links rewrites the Markdown links of p to content files.
func (r *renderer) links(p *site.Page) markdown.LinkFunc {
	return func(dest string) (string, string, error) {
		l, err := r.site.Resolve(p, dest)
		if err != nil {
			return "", "", err
		}
		href := r.site.RelURL(l.Page)
		if l.Fragment != "" {
			href += "#" + l.Fragment
		}
		if l.OtherLanguage {
			return href, l.Page.Lang, nil
		}
		return href, "", nil
	}
}

// buffers are reused for rendering, so pages do not grow a new one each.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// execute runs a template; its output is minified already, as the
// templates are. When it fails, it runs the template as written again, so
// the error names the template's own lines.
func (r *renderer) execute(tpl *template.Template, name string, data any, forPage string) ([]byte, error) {
	buf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(buf)
	buf.Reset()
	if err := tpl.ExecuteTemplate(buf, name, data); err != nil {
		src := r.tpl.source.byName[name]
		if src == nil || src == tpl {
			return nil, templateError(err, forPage)
		}
		buf.Reset()
		return nil, r.explain(err, src.ExecuteTemplate(buf, name, data), forPage)
	}
	return bytes.Clone(buf.Bytes()), nil
}

// explain turns the error of a minified template into one for the editor,
// given the error (or nil) of the same template as written: that one names
// the template's own lines; if the template works as written, minifying
// broke it.
func (r *renderer) explain(minErr, srcErr error, forPage string) error {
	if srcErr != nil {
		return templateError(srcErr, forPage)
	}
	e := templateError(minErr, forPage)
	e.Msg = "after minifying: " + e.Msg
	e.Hint = "the template works as written but not once minified; a {{ }} inside a tag name breaks, as the minifier lowercases tag names"
	return e
}

// notFound renders the 404 page of one language.
func (r *renderer) notFound(lang string) (output.File, error) {
	d := r.langData(r.site.Config.Language(lang))
	title, err := d.L.T("not_found_title")
	if err != nil {
		return output.File{}, err
	}
	d.Title = title + " – " + d.Lang.Title
	data, err := r.execute(r.tpl.byName[notFound], notFound, d, "the 404 page")
	return output.File{Path: d.Lang.Prefix + "/404.html", Data: data}, err
}

// chooser renders the root page that offers every language, or the root
// 404 page, which does the same after saying the page was not found.
func (r *renderer) chooser(path string, notFound bool) (output.File, error) {
	d := &ChooserData{NotFound: notFound, r: r}
	for i := range r.site.Config.Languages {
		l := &r.site.Config.Languages[i]
		home := r.site.Home[l.Code]
		d.Langs = append(d.Langs, ChooserLang{Lang: l, L: r.cat.For(l.Code), URL: r.site.RelURL(home)})
		d.Alternates = append(d.Alternates, Alternate{HrefLang: l.Code, URL: r.site.AbsURL(home)})
		if l.Code == r.site.Config.DefaultLanguage {
			d.Default = &d.Langs[len(d.Langs)-1]
		}
	}
	if !notFound {
		d.Canonical = r.site.Config.BaseURL
		d.Alternates = append(d.Alternates, Alternate{HrefLang: "x-default", URL: r.site.Config.BaseURL})
	} else {
		d.Alternates = nil
	}
	data, err := r.execute(r.tpl.byName[chooserFile], chooserFile, d, "the language chooser")
	return output.File{Path: path, Data: data}, err
}
