package render

import (
	"html/template"
	"time"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/site"
)

// Data is what a page template receives. Everything a template needs to
// decide about languages is computed here; templates only print it. It is
// made of values (the view, see PageView), and the page's cache key hashes
// every exported field: the fields tagged key:"global" are inputs of every
// page, hashed once for the build (site.toml, the messages), and Content
// is the page's Markdown, hashed as its source.
type Data struct {
	Lang *config.Language `key:"global"`
	L    *i18n.Localizer  `key:"global"`
	// Page is the page being rendered; nil on 404 pages.
	Page    *PageView
	Content template.HTML `key:"body"`

	Title       string // for <title>: "Page – Site", or the site title on home
	Description string
	Canonical   string      // absolute URL; "" where a page must not be indexed
	Alternates  []Alternate // hreflang links: every translation, self included, then x-default
	OGType      string
	OGLocales   []string // og:locale:alternate

	Languages []LangLink // the language switcher: each other language
	Menu      []MenuLink
	Footer    []MenuLink
	Crumbs    []*Ref // from home down to the parent
	Home      *Ref   // the language's home page
	HomeURL   string
	RootURL   string // the language chooser
	// SearchPage is the language's search page, or nil.
	SearchPage *Ref
	// Pager is the pager of the page's list, or nil when the page shows no
	// paginated list or its list fits on one page.
	Pager *Pager

	r *renderer
	p *site.Page // the page of the model being rendered; nil on 404 pages
	// spliced are the partials rendered with Shared, in the order the page
	// shows them.
	spliced []sharedUse
}

// Alternate is a <link rel="alternate" hreflang> of a page.
type Alternate struct {
	HrefLang string
	URL      string
}

// LangLink is the switcher's link to another language. Where the page is
// not translated, it leads to the nearest translated section and the page
// says so.
type LangLink struct {
	Code  string
	Label string // in that language: "In English", "Suomeksi"
	URL   string
	Exact bool
	// Notice, in the page's language, says the page is missing in this
	// language ("This page is not available in Finnish."); NearestLabel, in
	// this language, names where the link leads.
	Notice       string
	NearestLabel string
}

// MenuLink is a resolved menu entry.
type MenuLink struct {
	Name     string
	URL      string
	Current  bool // the page itself
	Ancestor bool // a section above the page
	External bool
}

// URL is the root-relative URL of p: "/opengov/en/x/".
func (d *Data) URL(p linked) string { return d.r.site.Config.BasePath() + p.path() }

// Asset is the URL of a static file, fingerprinted where it is CSS or JS.
func (d *Data) Asset(name string) (string, error) { return d.r.asset(name) }

// Missing lists the languages the page is not available in.
func (d *Data) Missing() []LangLink {
	var out []LangLink
	for _, l := range d.Languages {
		if !l.Exact {
			out = append(out, l)
		}
	}
	return out
}

// ChooserData is what the root language chooser and root 404 page receive:
// every language side by side.
type ChooserData struct {
	NotFound bool // the root 404 page rather than the chooser
	Default  *ChooserLang
	Langs    []ChooserLang
	// Alternates lists each language's home, then x-default (the chooser).
	Alternates []Alternate
	Canonical  string
	r          *renderer
}

// ChooserLang is one language on the chooser.
type ChooserLang struct {
	Lang *config.Language
	L    *i18n.Localizer
	URL  string
}

// Asset is the URL of a static file.
func (d *ChooserData) Asset(name string) (string, error) { return d.r.asset(name) }

// CardList is what the cards partial receives: pages to list as cards with
// headings of the given level.
type CardList struct {
	Pages []*Ref
	Level int
	Data  *Data
}

// Cards prepares pages for the cards partial: {{ template "cards.html" ($.Cards .Page.Children 2) }}.
func (d *Data) Cards(pages []*Ref, level int) CardList {
	return CardList{Pages: pages, Level: level, Data: d}
}

// Open writes the opening tag of a card heading at the list's level.
func (c CardList) Open(class string) template.HTML { return openHeading(c.Level, class) }

// Close writes the closing tag of a card heading.
func (c CardList) Close() template.HTML { return closeHeading(c.Level) }

// ISODate writes t for a datetime attribute: "2026-11-23".
func (d *Data) ISODate(t time.Time) string { return t.Format(time.DateOnly) }

// Rel is the URL of a path below the site root: "data/x.json" gives
// "/opengov/data/x.json".
func (d *Data) Rel(path string) string { return d.r.site.Config.BasePath() + path }
