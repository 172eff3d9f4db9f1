package render

import (
	"bytes"
	"html/template"
	"sync"

	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/site"
)

// FragmentData is what a fragment partial receives: the page it shows, a
// heading level, and the language it is shown in; never the page it is
// shown on, so that one rendering serves every page that shows it.
type FragmentData struct {
	Page  *site.Page
	Level int
	Lang  string
	L     *i18n.Localizer
	r     *renderer
}

// URL is the root-relative URL of p.
func (f *FragmentData) URL(p *site.Page) string { return f.r.site.RelURL(p) }

type fragmentKey struct {
	name  string
	page  *site.Page
	level int
	lang  string
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
func (d *Data) Fragment(name string, p *site.Page, level int) (template.HTML, error) {
	return d.r.fragment(name, p, level, d.Lang.Code)
}

func (r *renderer) fragment(name string, p *site.Page, level int, lang string) (template.HTML, error) {
	key := fragmentKey{name, p, level, lang}
	v, _ := r.frags.m.LoadOrStore(key, &fragment{})
	f := v.(*fragment)
	f.once.Do(func() {
		var buf bytes.Buffer
		data := &FragmentData{Page: p, Level: level, Lang: lang, L: r.cat.For(lang), r: r}
		if err := r.tpl.partials.ExecuteTemplate(&buf, name, data); err != nil {
			f.err = templateError(err, p.File.Path)
			return
		}
		f.html = template.HTML(buf.String())
	})
	return f.html, f.err
}
