package render

import (
	"fmt"
	"strings"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/site"
)

// pageData builds the template data of page p, but for its body
// (Content), from the model through the build's viewer.
func (r *renderer) pageData(p *site.Page) (*Data, error) {
	d := r.langData(r.site.Config.Language(p.Lang))
	d.Page = r.view.page(p)
	d.p = p
	d.Title = p.Front.Title + " – " + d.Lang.Title
	if p.Kind == site.KindHome {
		d.Title = d.Lang.Title
	}
	if p.Front.Summary != "" {
		d.Description = p.Front.Summary
	}
	d.Canonical = r.site.AbsURL(p)
	d.OGType = "website"
	if p.Kind == site.KindPage || p.Kind.Generated() {
		d.OGType = "article"
	}
	for _, t := range p.Translations() {
		d.Alternates = append(d.Alternates, Alternate{HrefLang: t.Lang, URL: r.site.AbsURL(t)})
		if t != p {
			d.OGLocales = append(d.OGLocales, r.site.Config.Language(t.Lang).Locale)
		}
	}
	d.Alternates = append(d.Alternates, Alternate{HrefLang: "x-default", URL: r.site.Config.BaseURL})
	d.Crumbs = r.view.list(p.Ancestors())
	d.Pager = r.pagerOf(p)

	d.Languages = d.Languages[:0]
	for _, l := range r.site.Config.Languages {
		if l.Code == p.Lang {
			continue
		}
		target, exact := p.NearestIn(l.Code)
		link := LangLink{Code: l.Code, Label: r.label(l.Code), URL: r.site.RelURL(target), Exact: exact}
		if !exact {
			var err error
			if link.Notice, link.NearestLabel, err = r.notice(p.Lang, l.Code, target); err != nil {
				return nil, err
			}
		}
		d.Languages = append(d.Languages, link)
	}
	markCurrent(d.Menu, d, d.Page)
	markCurrent(d.Footer, d, d.Page)
	return d, nil
}

// notice returns, in the page's language, that the page is missing in
// lang, and, in lang, the label of the nearest page there.
func (r *renderer) notice(pageLang, lang string, nearest *site.Page) (string, string, error) {
	inLang, err := r.cat.For(pageLang).T("in_language_" + strings.ReplaceAll(lang, "-", "_"))
	if err != nil {
		return "", "", err
	}
	notice, err := r.cat.For(pageLang).T("not_available", "Language", inLang)
	if err != nil {
		return "", "", err
	}
	label, err := r.cat.For(lang).T("nearest_page", "Title", nearest.Front.Title)
	return notice, label, err
}

// label is the switcher's name for lang, in lang: "In English".
func (r *renderer) label(lang string) string {
	s, err := r.cat.For(lang).T("switch_label")
	if err != nil {
		return lang
	}
	return s
}

// langData is the part of the template data that depends only on the
// language: menus, links home, the switcher to each home.
func (r *renderer) langData(l *config.Language) *Data {
	d := &Data{
		Lang:        l,
		L:           r.cat.For(l.Code),
		Title:       l.Title,
		Description: l.Description,
		Home:        r.view.ref(r.site.Home[l.Code]),
		HomeURL:     r.site.RelURL(r.site.Home[l.Code]),
		RootURL:     r.site.Config.BasePath(),
		SearchPage:  r.view.ref(r.site.BySource(searchSource, l.Code)),
		r:           r,
	}
	d.Menu = r.menuLinks(r.site.Menus[l.Code])
	d.Footer = r.menuLinks(r.site.Footers[l.Code])
	for _, other := range r.site.Config.Languages {
		if other.Code != l.Code {
			d.Languages = append(d.Languages, LangLink{Code: other.Code, Label: r.label(other.Code), URL: r.site.RelURL(r.site.Home[other.Code]), Exact: true})
		}
	}
	return d
}

func (r *renderer) menuLinks(entries []site.MenuEntry) []MenuLink {
	var out []MenuLink
	for _, e := range entries {
		m := MenuLink{Name: e.Name, URL: e.URL, External: e.Page == nil}
		if e.Page != nil {
			m.URL = r.site.RelURL(e.Page)
		}
		out = append(out, m)
	}
	return out
}

// searchSource is the content file of the search page that the header's
// search field sends its query to.
const searchSource = "search"

// markCurrent flags the menu entries that are p or a section above it.
func markCurrent(menu []MenuLink, d *Data, p *PageView) {
	here := d.URL(p)
	for i := range menu {
		m := &menu[i]
		m.Current = m.URL == here
		m.Ancestor = !m.Current && !m.External && m.URL != d.HomeURL && strings.HasPrefix(here, m.URL)
	}
}

// asset returns the URL of the static file name.
func (r *renderer) asset(name string) (string, error) {
	p, ok := r.assets.Path(name)
	if !ok {
		return "", fmt.Errorf("static file %q does not exist", name)
	}
	return r.site.Config.BasePath() + p, nil
}
