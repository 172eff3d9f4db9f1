// Package minifier shrinks what a build writes by its type: HTML, CSS,
// JS, SVG, XML and JSON, and html/template sources with their actions left
// as they are.
package minifier

import (
	"bytes"
	"io"
	"path"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// mediaTypes maps the extensions the minifier handles to their types.
var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
	".json": "application/json",
}

// New returns a minifier for HTML, CSS, JS, SVG, XML and JSON. HTML
// keeps its document and end tags: smaller is not worth confusing
// validators and assistive technology.
func New() *minify.M {
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

// Template shrinks an html/template source, leaving its {{ actions }}
// as they are, so that pages rendered from it need no minifying.
func Template(m *minify.M, src []byte) ([]byte, error) {
	return m.Bytes(templateType, src)
}

// File shrinks data by the type its path's extension names; other files
// are returned as they are. The minifier may change data (it lowercases
// names in place): give it bytes that are not needed afterwards.
func File(m *minify.M, name string, data []byte) ([]byte, error) {
	mediaType, ok := mediaTypes[path.Ext(name)]
	if !ok {
		return data, nil
	}
	return m.Bytes(mediaType, data) // reads data in place, without copying it first
}

// To writes data, shrunk as File does, to w; like File, it may change
// data.
func To(m *minify.M, name string, w io.Writer, data []byte) error {
	mediaType, ok := mediaTypes[path.Ext(name)]
	if !ok {
		_, err := w.Write(data)
		return err
	}
	// A *bytes.Buffer is read in place, as File reads data.
	return m.Minify(mediaType, w, bytes.NewBuffer(data))
}
