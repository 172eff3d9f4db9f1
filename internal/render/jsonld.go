package render

import (
	"encoding/json"
	"html/template"
	"strconv"
	"time"

	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// The schema.org description of a page, printed by the jsonld.html
// partial as one <script type="application/ld+json"> block: the page
// (WebPage, or CollectionPage for lists, ItemPage for a good practice)
// with its name, description, language, URL, dates, publisher (the
// ministry, named in the page's language), the WebSite it is part of, its
// breadcrumb trail and its translations. A good practice's page describes
// the practice as its mainEntity. Only types and properties that
// schema.org defines outside its pending area are used; the tests check
// them against the vocabulary.

// ld is a JSON-LD node; encoding/json writes its keys sorted, so the
// output does not change from build to build.
type ld map[string]any

// JSONLD returns the page's schema.org JSON-LD. json.Marshal escapes <, >
// and &, so the text cannot end the script element it is printed in.
func (d *Data) JSONLD() (template.JS, error) {
	node, err := d.jsonLD()
	if err != nil {
		return "", err
	}
	data, err := json.Marshal(node)
	return template.JS(data), err
}

func (d *Data) jsonLD() (ld, error) {
	s := d.r.site
	lang := d.Lang.Code
	name, err := d.L.T("publisher_name")
	if err != nil {
		return nil, err
	}
	url, err := d.L.T("publisher_url")
	if err != nil {
		return nil, err
	}
	publisher := ld{"@type": "GovernmentOrganization", "name": name, "url": url}
	home := s.Config.BaseURL + d.Home.Path
	website := ld{"@type": "WebSite", "@id": home, "url": home, "name": d.Lang.Title, "inLanguage": lang, "publisher": publisher}
	node := ld{"@context": "https://schema.org", "@type": "WebPage", "inLanguage": lang, "publisher": publisher, "isPartOf": website}
	if d.Description != "" {
		node["description"] = d.Description
	}
	p := d.Page
	if p == nil { // a 404 page: no address of its own
		node["name"] = d.Title
		return node, nil
	}
	node["@type"] = pageType(p)
	node["@id"] = s.Config.BaseURL + p.Path
	node["url"] = s.Config.BaseURL + p.Path
	node["name"] = p.Front.Title
	if !p.Front.Published.IsZero() {
		node["datePublished"] = isoDate(p.Front.Published)
		node["dateModified"] = isoDate(p.Front.Published)
	}
	if !p.Front.Updated.IsZero() {
		node["dateModified"] = isoDate(p.Front.Updated)
	}
	if a, ok := p.Params.(*schema.Accessibility); ok { // the statement's own dates
		node["datePublished"] = isoDate(a.Prepared)
		node["dateModified"] = isoDate(a.Reviewed)
	}
	var items []ld
	for i, c := range append(append([]*Ref{}, d.Crumbs...), p.Ref) {
		items = append(items, ld{"@type": "ListItem", "position": i + 1, "name": c.Front.Title, "item": s.Config.BaseURL + c.Path})
	}
	node["breadcrumb"] = ld{"@type": "BreadcrumbList", "itemListElement": items}
	original := originalOf(p, s.Config.DefaultLanguage)
	if original == p.Ref {
		var translations []ld
		for _, t := range p.Translations {
			if t != p.Ref {
				translations = append(translations, ld{"@id": s.Config.BaseURL + t.Path})
			}
		}
		if translations != nil {
			node["workTranslation"] = translations
		}
	} else {
		node["translationOfWork"] = ld{"@id": s.Config.BaseURL + original.Path}
	}
	if pr, ok := p.Params.(*PracticeView); ok {
		node["mainEntity"] = practiceLD(p, pr.Practice, lang)
	}
	return node, nil
}

// JSONLD returns the schema.org JSON-LD of the root page that offers
// every language (or of the root 404 page): a WebPage in every language,
// whose parts are each language's WebSite, published by the ministry
// (named in the default language).
func (d *ChooserData) JSONLD() (template.JS, error) {
	s := d.r.site
	var sites []ld
	var langs []string
	for _, l := range d.Langs {
		home := s.AbsURL(s.Home[l.Lang.Code])
		sites = append(sites, ld{"@type": "WebSite", "@id": home, "url": home, "name": l.Lang.Title, "inLanguage": l.Lang.Code})
		langs = append(langs, l.Lang.Code)
	}
	name, err := d.Default.L.T("publisher_name")
	if err != nil {
		return "", err
	}
	url, err := d.Default.L.T("publisher_url")
	if err != nil {
		return "", err
	}
	node := ld{"@context": "https://schema.org", "@type": "WebPage", "name": d.Default.Lang.Title,
		"description": d.Default.Lang.Description, "inLanguage": langs, "hasPart": sites,
		"publisher": ld{"@type": "GovernmentOrganization", "name": name, "url": url}}
	if !d.NotFound {
		node["@id"] = s.Config.BaseURL
		node["url"] = s.Config.BaseURL
	}
	data, err := json.Marshal(node)
	return template.JS(data), err
}

// originalOf is the version of p that the others translate: the one in
// the default language, or else the first in the order of site.toml.
func originalOf(p *PageView, defaultLang string) *Ref {
	for _, t := range p.Translations {
		if t.Lang == defaultLang {
			return t
		}
	}
	return p.Translations[0]
}

func pageType(p *PageView) string {
	switch {
	case isPractice(p.Fields):
		return "ItemPage"
	case p.Kind == site.KindSection:
		return "CollectionPage"
	}
	switch p.Params.(type) {
	case *FacetPageView, *FacetsView:
		return "CollectionPage"
	}
	return "WebPage"
}

// practiceLD describes a good practice: a CreativeWork by its
// organisation, with its partners, country, themes and launch year.
func practiceLD(p *PageView, pr *schema.Practice, lang string) ld {
	work := ld{"@type": "CreativeWork", "name": p.Front.Title, "inLanguage": p.Lang}
	if p.Front.Summary != "" {
		work["description"] = p.Front.Summary
	}
	if pr.Organisation != "" {
		work["creator"] = ld{"@type": "Organization", "name": pr.Organisation}
	}
	var partners []ld
	for _, name := range pr.Partners {
		partners = append(partners, ld{"@type": "Organization", "name": name})
	}
	if partners != nil {
		work["contributor"] = partners
	}
	if c := pr.CountryTerm; c != nil {
		work["countryOfOrigin"] = ld{"@type": "Country", "name": c.In(lang), "identifier": c.ID}
	}
	var keywords []string
	for _, t := range pr.ThemeTerms {
		keywords = append(keywords, t.In(lang))
	}
	if keywords != nil {
		work["keywords"] = keywords
	}
	if pr.Year != 0 {
		work["dateCreated"] = strconv.Itoa(pr.Year)
	}
	return work
}

func isoDate(t time.Time) string { return t.Format(time.DateOnly) }

func isPractice(fields any) bool { _, ok := fields.(*schema.Practice); return ok }
