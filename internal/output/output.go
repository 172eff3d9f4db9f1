// Package output is what a build produces: files with their paths below the
// site root, and the minifier that shrinks them by type.
package output

import (
	"bytes"
	"cmp"
	"io"
	"path"
	"slices"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// File is one file of the built site. Path is slash-separated, relative to
// the site root: "en/commitments/index.html".
type File struct {
	Path string
	Data []byte
}

// Sort orders files by path, so a build's output is the same every time.
func Sort(files []File) {
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
}

// mediaTypes maps the extensions the minifier handles to their types.
var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
	".json": "application/json",
}

// NewMinifier returns a minifier for HTML, CSS, JS, SVG, XML and JSON. HTML
// keeps its document and end tags: smaller is not worth confusing
// validators and assistive technology.
func NewMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepSpecialComments: false})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("text/xml", xml.Minify)
	m.AddFunc("application/json", json.Minify)
	m.Add(templateType, &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, TemplateDelims: html.GoTemplateDelims})
	return m
}

// templateType is the minifier's name for html/template sources.
const templateType = "text/x-go-template+html"

// MinifyTemplate shrinks an html/template source, leaving its {{ actions }}
// as they are, so that pages rendered from it need no minifying.
func MinifyTemplate(m *minify.M, src []byte) ([]byte, error) {
	return m.Bytes(templateType, src)
}

// Minify shrinks data by the type its path's extension names; other files
// are returned as they are.
func Minify(m *minify.M, name string, data []byte) ([]byte, error) {
	mediaType, ok := mediaTypes[path.Ext(name)]
	if !ok {
		return data, nil
	}
	return m.Bytes(mediaType, data) // reads data in place, without copying it first
}

// MinifyTo writes data, shrunk as Minify does, to w.
func MinifyTo(m *minify.M, name string, w io.Writer, data []byte) error {
	mediaType, ok := mediaTypes[path.Ext(name)]
	if !ok {
		_, err := w.Write(data)
		return err
	}
	// A *bytes.Buffer is read in place, as Minify reads data.
	return m.Minify(mediaType, w, bytes.NewBuffer(data))
}
