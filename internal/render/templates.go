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
// partials it may call.
type Templates struct {
	byName map[string]*template.Template // "single.html", "good-practices/single.html"
	// partials is the layout and partials alone, for fragments: no page
	// template can redefine what they render.
	partials *template.Template
}

// LoadTemplates parses every template under TemplateDir in fsys.
func LoadTemplates(fsys fs.FS) (*Templates, diag.List) {
	var errs diag.List
	var layout []string // the layout and partials, by path
	var pages []string
	_ = fs.WalkDir(fsys, TemplateDir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			errs.Add(diag.Pos{File: p}, "cannot read: %v", err)
		case d.IsDir() && content.Ignored(d.Name()) && p != TemplateDir:
			return fs.SkipDir
		case d.IsDir() || content.Ignored(d.Name()) || path.Ext(p) != ".html":
		case p == path.Join(TemplateDir, layoutFile) || path.Dir(p) == path.Join(TemplateDir, partialsDir):
			layout = append(layout, p)
		default:
			pages = append(pages, p)
		}
		return nil
	})
	// The root has a name no file has: naming it after the layout would
	// leave Clone with the empty root in place of the parsed layout.
	base := template.New("")
	for _, p := range layout {
		if err := parseFile(fsys, base, p); err != nil {
			errs = append(errs, err)
		}
	}
	if errs != nil {
		return nil, errs
	}
	t := &Templates{byName: map[string]*template.Template{}, partials: template.Must(base.Clone())}
	for _, p := range pages {
		set := template.Must(base.Clone())
		if err := parseFile(fsys, set, p); err != nil {
			errs = append(errs, err)
			continue
		}
		t.byName[strings.TrimPrefix(p, TemplateDir+"/")] = set
	}
	for _, required := range []string{homeFile, listFile, singleFile, notFound, chooserFile} {
		if t.byName[required] == nil && !hasErrorIn(errs, path.Join(TemplateDir, required)) {
			errs.Add(diag.Pos{File: path.Join(TemplateDir, required)}, "template is missing").Hint = "every site needs home, list, single, 404 and chooser templates"
		}
	}
	return t, errs
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
func parseFile(fsys fs.FS, set *template.Template, p string) *diag.Error {
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return &diag.Error{Pos: diag.Pos{File: p}, Msg: "cannot read: " + err.Error()}
	}
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
	e := &diag.Error{Pos: diag.Pos{File: TemplateDir}, Msg: msg}
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
func (t *Templates) lookup(dir, file string) (string, *template.Template) {
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
