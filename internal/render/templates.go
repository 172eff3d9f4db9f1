package render

import (
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/minifier"
	"github.com/tdewolff/minify/v2"
)

// TemplateDir is the folder of the templates at the site root.
const TemplateDir = "templates"

// The templates a site has. A page template calls the layout itself
// ({{ template "baseof.html" . }}) and defines "main"; partials/*.html
// define shared named templates. A section overrides a page template with
// one in a folder of its name: templates/good-practices/single.html.
const (
	layoutFile  = "baseof.html"
	partialsDir = "partials"
	homeFile    = "home.html"
	listFile    = "list.html"
	singleFile  = "single.html"
	notFound    = "404.html"
	chooserFile = "chooser.html"
)

// Templates are the parsed page templates, each with the layout and
// partials it may call, in two editions: minified, which pages are rendered
// with, and as written, whose line numbers error messages name.
type Templates struct {
	edition          // minified
	source  *edition // as written
}

// edition is one parsed copy of every template.
type edition struct {
	byName map[string]*template.Template // "single.html", "good-practices/single.html"
	// partials is the layout and partials alone, for fragments: no page
	// template can redefine what they render.
	partials *template.Template
}

// LoadTemplates parses every template under TemplateDir in fsys. With a
// minifier, pages are rendered from minified templates, so the output needs
// no minifying of its own; without one, from the templates as written.
func LoadTemplates(fsys fs.FS, m *minify.M) (*Templates, diag.List) {
	var errs diag.List
	var layout []string // the layout and partials, by path
	var pages []string
	sources := map[string][]byte{}
	_ = fs.WalkDir(fsys, TemplateDir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			errs.Add(diag.Pos{File: p}, "cannot read: %v", err)
			return nil
		case d.IsDir() && content.Ignored(d.Name()) && p != TemplateDir:
			return fs.SkipDir
		case d.IsDir() || content.Ignored(d.Name()) || path.Ext(p) != ".html":
			return nil
		case p == path.Join(TemplateDir, layoutFile) || path.Dir(p) == path.Join(TemplateDir, partialsDir):
			layout = append(layout, p)
		default:
			pages = append(pages, p)
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs.Add(diag.Pos{File: p}, "cannot read: %v", err)
		}
		sources[p] = src
		return nil
	})
	if errs != nil {
		return nil, errs
	}
	src, errs := newEdition(sources, layout, pages)
	for _, required := range []string{homeFile, listFile, singleFile, notFound, chooserFile} {
		if src != nil && src.byName[required] == nil && !hasErrorIn(errs, path.Join(TemplateDir, required)) {
			errs.Add(diag.Pos{File: path.Join(TemplateDir, required)}, "template is missing").Hint = "every site needs home, list, single, 404 and chooser templates"
		}
	}
	if errs != nil {
		return nil, errs
	}
	if m == nil {
		return &Templates{edition: *src, source: src}, nil
	}
	minified := make(map[string][]byte, len(sources))
	for p, data := range sources {
		small, err := minifier.Template(m, data)
		if err != nil {
			errs.Add(diag.Pos{File: p}, "cannot minify the template: %v", err).Hint = "check its HTML"
			continue
		}
		minified[p] = small
	}
	if errs != nil {
		return nil, errs
	}
	min, errs := newEdition(minified, layout, pages)
	for _, e := range errs {
		e.Msg = "after minifying: " + e.Msg
		e.Hint = "the template is valid as written but not once minified; please report this"
	}
	if errs != nil {
		return nil, errs
	}
	return &Templates{edition: *min, source: src}, nil
}

// newEdition parses the layout and partials, then each page template over
// a clone of them.
func newEdition(sources map[string][]byte, layout, pages []string) (*edition, diag.List) {
	var errs diag.List
	// The root has a name no file has: naming it after the layout would
	// leave Clone with the empty root in place of the parsed layout.
	base := template.New("")
	for _, p := range layout {
		if err := parseFile(base, p, sources[p]); err != nil {
			errs = append(errs, err)
		}
	}
	if errs != nil {
		return nil, errs
	}
	e := &edition{byName: map[string]*template.Template{}, partials: template.Must(base.Clone())}
	for _, p := range pages {
		set := template.Must(base.Clone())
		if err := parseFile(set, p, sources[p]); err != nil {
			errs = append(errs, err)
			continue
		}
		e.byName[strings.TrimPrefix(p, TemplateDir+"/")] = set
	}
	return e, errs
}

func hasErrorIn(errs diag.List, file string) bool {
	for _, e := range errs {
		if e.Pos.File == file {
			return true
		}
	}
	return false
}

// parseFile adds the template file p to set, under its path as name, so
// errors name the file.
func parseFile(set *template.Template, p string, src []byte) *diag.Error {
	name := strings.TrimPrefix(p, TemplateDir+"/")
	if path.Dir(name) == partialsDir || name == layoutFile {
		// Named by their file name: {{ template "header.html" . }}.
		name = path.Base(name)
	}
	if _, err := set.New(name).Parse(string(src)); err != nil {
		return templateError(err, "")
	}
	return nil
}

// templateRE reads html/template's error text, which has the form
// "template: NAME:LINE[:COL]: MESSAGE" (or "html/template:NAME:..."); the package exposes no structured
// position for parse and execution errors.
var templateRE = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+):(?:(\d+):)? (.*)$`)

// templateError turns an html/template error into a positioned error in
// the template file; forPage names the content file being rendered.
func templateError(err error, forPage string) *diag.Error {
	msg := err.Error()
	e := &diag.Error{Pos: diag.Pos{File: TemplateDir}, Code: diag.CodeTemplate, Msg: msg}
	if m := templateRE.FindStringSubmatch(msg); m != nil {
		name := m[1]
		if name != layoutFile && !strings.Contains(name, "/") && !isPageTemplate(name) {
			name = path.Join(partialsDir, name) // partials are named by file name
		}
		e.Pos.File = path.Join(TemplateDir, name)
		e.Pos.Line, _ = strconv.Atoi(m[2])
		e.Pos.Col, _ = strconv.Atoi(m[3])
		e.Msg = m[4]
	}
	if forPage != "" {
		e.Msg = "rendering " + forPage + ": " + e.Msg
	}
	for _, t := range []string{"*render.ListingRef", "*render.FacetRef", "*render.FacetValueRef"} {
		if strings.Contains(msg, "in type "+t) {
			e.Hint = `a list page sees its section, facet and value, not the facets' values and counts: show those in a partial rendered with {{ $.Shared "partial.html" key }}, which sees .Page.Params.Listing with them`
		}
	}
	return e
}

func isPageTemplate(name string) bool {
	switch name {
	case homeFile, listFile, singleFile, notFound, chooserFile:
		return true
	}
	return false
}

// lookup finds the template file for a page in the section folder dir:
// dir/file, else the same in each folder above, else file.
func (t *edition) lookup(dir, file string) (string, *template.Template) {
	for dir != "" {
		name := dir + "/" + file
		if set := t.byName[name]; set != nil {
			return name, set
		}
		i := strings.LastIndexByte(dir, '/')
		if i < 0 {
			break
		}
		dir = dir[:i]
	}
	return file, t.byName[file]
}
