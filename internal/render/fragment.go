package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/opengov-fi/opengov/internal/i18n"
)

// FragmentData is what a fragment partial receives: the page it shows, a
// heading level, and the language it is shown in; never the page it is
// shown on, so that one rendering serves every page that shows it.
type FragmentData struct {
	Page  *Ref
	Level int
	Lang  string
	L     *i18n.Localizer
	r     *renderer
}

// URL is the root-relative URL of p.
func (f *FragmentData) URL(p linked) string { return f.r.site.Config.BasePath() + p.path() }

// Open writes the opening tag of a heading at Level with a class.
func (f *FragmentData) Open(class string) template.HTML { return openHeading(f.Level, class) }

// Close writes the closing tag of a heading at Level.
func (f *FragmentData) Close() template.HTML { return closeHeading(f.Level) }

// openHeading writes <hN class="...">. Templates write heading tags of a
// variable level with it, not as <h{{ .Level }}>: the minifier lowercases
// tag names, which would break the action inside one.
func openHeading(level int, class string) template.HTML {
	level = min(max(level, 1), 6)
	return template.HTML(fmt.Sprintf(`<h%d class="%s">`, level, template.HTMLEscapeString(class)))
}

func closeHeading(level int) template.HTML {
	return template.HTML(fmt.Sprintf("</h%d>", min(max(level, 1), 6)))
}

type fragmentKey struct {
	name   string
	page   *Ref
	level  int
	lang   string
	shared string // the key of a Shared partial
}

type fragment struct {
	once sync.Once
	html template.HTML
	err  error
}

// fragments renders each fragment once per build.
type fragments struct {
	m sync.Map // fragmentKey -> *fragment
}

// Fragment renders the partial name for page p at heading level, in the
// page's language, once per build, and reuses it wherever the same partial
// shows the same page: {{ $.Fragment "practice-card.html" . 3 }}. A
// practice's card is shown on the listing, on each of its facet pages, on
// the home page and on the declaration, but rendered once.
func (d *Data) Fragment(name string, p *Ref, level int) (template.HTML, error) {
	return d.r.fragment(name, p, level, d.Lang.Code)
}

// Fragments renders the partial name for each of pages, as Fragment does,
// and joins them: one call for a whole list rather than one per item.
func (d *Data) Fragments(name string, pages []*Ref, level int) (template.HTML, error) {
	parts := make([]template.HTML, len(pages))
	size := 0
	for i, p := range pages {
		html, err := d.r.fragment(name, p, level, d.Lang.Code)
		if err != nil {
			return "", err
		}
		parts[i] = html
		size += len(html)
	}
	var b strings.Builder
	b.Grow(size)
	for _, html := range parts {
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

func (r *renderer) fragment(name string, p *Ref, level int, lang string) (template.HTML, error) {
	key := fragmentKey{name: name, page: p, level: level, lang: lang}
	v, _ := r.frags.m.LoadOrStore(key, &fragment{})
	f := v.(*fragment)
	f.once.Do(func() {
		var buf bytes.Buffer
		data := &FragmentData{Page: p, Level: level, Lang: lang, L: r.cat.For(lang), r: r}
		if err := r.tpl.partials.ExecuteTemplate(&buf, name, data); err != nil {
			buf.Reset()
			f.err = r.explain(err, r.tpl.source.partials.ExecuteTemplate(&buf, name, data), p.Source)
			return
		}
		f.html = template.HTML(buf.String())
	})
	return f.html, f.err
}

// Shared renders the partial name once per build for each language and
// key, and reuses the result on every page that asks with the same key.
// The key must tell apart everything the partial shows differently on the
// pages that share it: the facet navigation, the same on every later page
// of every list, is
// {{ $.Shared "facet-nav.html" (print (.URL $index.Section) " " $current) }}.
//
// The partial receives this page's data, but on a list page its
// .Page.Params is a SharedView: the listing with the counts of its facets,
// which the page's own view leaves out. What the partial makes is not in
// the page's cache key: the render cache keeps where in the page it is
// and puts the build's own there (see splice), so that a change of
// counts renders the navigation again, once, not every list page.
func (d *Data) Shared(name, key string) (template.HTML, error) {
	html, err := d.r.shared(name, d.Lang.Code, key, d.sharedData)
	if err == nil {
		d.spliced = append(d.spliced, sharedUse{name: name, key: key, html: string(html)})
	}
	return html, err
}

// sharedData is d as a partial rendered with Shared sees it.
func (d *Data) sharedData() *Data {
	if d.p == nil {
		return d
	}
	shared := *d
	pv := *d.Page
	pv.Params = d.r.view.shared(d.p, pv.Params)
	shared.Page, shared.spliced = &pv, nil
	return &shared
}

// shared renders the partial name for key in lang with the data that
// data returns, once per build.
func (r *renderer) shared(name, lang, key string, data func() *Data) (template.HTML, error) {
	v, _ := r.frags.m.LoadOrStore(fragmentKey{name: name, lang: lang, shared: key}, &fragment{})
	f := v.(*fragment)
	f.once.Do(func() {
		d := data()
		if d == nil {
			f.err = fmt.Errorf("no page data for the shared partial %s", name)
			return
		}
		var buf bytes.Buffer
		if err := r.tpl.partials.ExecuteTemplate(&buf, name, d); err != nil {
			buf.Reset()
			f.err = r.explain(err, r.tpl.source.partials.ExecuteTemplate(&buf, name, d), d.Page.Source)
			return
		}
		f.html = template.HTML(buf.String())
	})
	return f.html, f.err
}
