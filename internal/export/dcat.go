package export

import (
	"strconv"
	"strings"
	"time"

	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/output"
	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// The DCAT-AP 3.0 catalog of the open data: data/catalog.ttl and
// data/catalog.jsonld, one graph in two syntaxes, made from the content
// (titles, dates, themes, countries, policy areas), the messages (the
// publisher and the descriptions, in every language) and the files the
// export wrote (their sizes).

// CatalogTurtle and CatalogJSONLD are the catalog's files below the site
// root.
const (
	CatalogTurtle = Dir + "/catalog.ttl"
	CatalogJSONLD = Dir + "/catalog.jsonld"
)

const (
	dcatNS   = "http://www.w3.org/ns/dcat#"
	dctNS    = "http://purl.org/dc/terms/"
	foafNS   = "http://xmlns.com/foaf/0.1/"
	vcardNS  = "http://www.w3.org/2006/vcard/ns#"
	dcatapNS = "http://data.europa.eu/r5r/"
)

// dataset is one export as the catalog describes it.
type dataset struct {
	key      string                // file names start with it: "good-practices"
	sections map[string]*site.Page // the section page of each language: title, landing page
	text     string                // message id of its description
	schema   string                // URL of the JSON Schema its JSON files follow, or ""
	keywords map[string][]string   // by language
	spatial  []string              // ISO 3166 codes
	from, to int                   // years covered, 0 where unknown
	issued   time.Time
	modified time.Time
}

// formats are the files of each language of a dataset.
var formats = []struct{ ext, label, media, fileType string }{
	{"json", "JSON", "application/json", "JSON"},
	{"csv", "CSV", "text/csv", "CSV"},
}

// catalog returns the catalog's Turtle and JSON-LD files, describing the
// export files whose sizes in bytes sizes holds by path.
func catalog(s *site.Site, msgs *i18n.Catalog, sizes map[string]int, types schema.Types) ([]output.File, error) {
	g, err := catalogGraph(s, msgs, sizes, types)
	if err != nil {
		return nil, err
	}
	jsonld, err := g.JSONLD()
	if err != nil {
		return nil, err
	}
	return []output.File{{Path: CatalogJSONLD, Data: jsonld}, {Path: CatalogTurtle, Data: g.Turtle()}}, nil
}

func catalogGraph(s *site.Site, msgs *i18n.Catalog, sizes map[string]int, types schema.Types) (*graph, error) {
	base := s.Config.BaseURL
	id := func(fragment string) string { return base + CatalogTurtle + "#" + fragment }
	g := newGraph()
	var langs []string
	for _, l := range s.Config.Languages {
		langs = append(langs, l.Code)
	}
	// text sets a property to a message in every language.
	text := func(n *node, pred, msgID string, kv ...any) error {
		for _, lang := range langs {
			v, err := msgs.For(lang).T(msgID, kv...)
			if err != nil {
				return err
			}
			n.set(pred, langString(v, lang))
		}
		return nil
	}

	cat := g.add(id("catalog")).a(dcatNS + "Catalog")
	publisher := g.add(id("publisher")).a(foafNS + "Agent")
	contact := g.add(id("contact")).a(vcardNS + "Organization").a(vcardNS + "Kind")
	if err := text(cat, dctNS+"title", "catalog_title"); err != nil {
		return nil, err
	}
	if err := text(cat, dctNS+"description", "catalog_text"); err != nil {
		return nil, err
	}
	cat.set(dctNS+"publisher", iri(publisher.subject))
	cat.set(foafNS+"homepage", iri(base))
	for _, lang := range langs {
		code, err := euLanguage(lang)
		if err != nil {
			return nil, err
		}
		cat.set(dctNS+"language", iri(code))
	}
	cat.set(dctNS+"license", iri(euLicenceBy4))
	cat.set(dcatNS+"themeTaxonomy", iri(euDataTheme))

	if err := text(publisher, foafNS+"name", "publisher_name"); err != nil {
		return nil, err
	}
	publisher.set(dctNS+"type", iri(nationalAuthority))
	if err := text(contact, vcardNS+"fn", "publisher_name"); err != nil {
		return nil, err
	}
	for _, lang := range langs {
		u, err := msgs.For(lang).T("publisher_url")
		if err != nil {
			return nil, err
		}
		contact.set(vcardNS+"hasURL", iri(u))
	}

	var issued, modified time.Time
	for _, d := range datasets(s, types) {
		dn := g.add(id(d.key)).a(dcatNS + "Dataset")
		cat.set(dcatNS+"dataset", iri(dn.subject))
		for _, lang := range langs {
			if sec := d.sections[lang]; sec != nil {
				dn.set(dctNS+"title", langString(sec.Front.Title, lang))
			}
		}
		if err := text(dn, dctNS+"description", d.text); err != nil {
			return nil, err
		}
		for _, lang := range langs {
			for _, k := range d.keywords[lang] {
				dn.set(dcatNS+"keyword", langString(k, lang))
			}
		}
		dn.set(dcatNS+"theme", iri(euTheme("GOVE")))
		dn.set(dcatNS+"contactPoint", iri(contact.subject))
		dn.set(dctNS+"publisher", iri(publisher.subject))
		dn.set(dctNS+"accessRights", iri(euPublic))
		dn.set(dctNS+"issued", dateTerm(d.issued))
		dn.set(dctNS+"modified", dateTerm(d.modified))
		for _, c := range d.spatial {
			u, err := euCountry(c)
			if err != nil {
				return nil, err
			}
			dn.set(dctNS+"spatial", iri(u))
			cat.set(dctNS+"spatial", iri(u))
		}
		if d.from != 0 {
			period := g.add(id(d.key + "-period")).a(dctNS + "PeriodOfTime")
			period.set(dcatNS+"startDate", typed(strconv.Itoa(d.from), xsd("gYear")))
			period.set(dcatNS+"endDate", typed(strconv.Itoa(d.to), xsd("gYear")))
			dn.set(dctNS+"temporal", iri(period.subject))
		}
		for _, lang := range langs {
			if sec := d.sections[lang]; sec != nil {
				dn.set(dcatNS+"landingPage", iri(s.AbsURL(sec)))
			}
		}
		if !d.issued.IsZero() && (issued.IsZero() || d.issued.Before(issued)) {
			issued = d.issued
		}
		if d.modified.After(modified) {
			modified = d.modified
		}
		for _, lang := range langs {
			for _, f := range formats {
				path := Dir + "/" + d.key + "." + lang + "." + f.ext
				size, ok := sizes[path]
				if !ok {
					continue
				}
				langIRI, err := euLanguage(lang)
				if err != nil {
					return nil, err
				}
				dn.set(dctNS+"language", iri(langIRI))
				dist := g.add(id(d.key + "-" + lang + "-" + f.ext)).a(dcatNS + "Distribution")
				dn.set(dcatNS+"distribution", iri(dist.subject))
				for _, in := range langs {
					inLang, err := msgs.For(in).T("in_language_" + strings.ReplaceAll(lang, "-", "_"))
					if err != nil {
						return nil, err
					}
					title := d.key
					if sec := d.sections[in]; sec != nil {
						title = sec.Front.Title
					}
					for _, m := range []struct{ pred, id string }{{dctNS + "title", "distribution_title"}, {dctNS + "description", "distribution_text"}} {
						v, err := msgs.For(in).T(m.id, "Dataset", title, "Format", f.label, "Language", inLang)
						if err != nil {
							return nil, err
						}
						dist.set(m.pred, langString(v, in))
					}
				}
				url := base + path
				dist.set(dcatNS+"accessURL", iri(url))
				dist.set(dcatNS+"downloadURL", iri(url))
				dist.set(dcatNS+"mediaType", iri(ianaMedia+f.media))
				dist.set(dctNS+"format", iri(euFileType(f.fileType)))
				dist.set(dctNS+"license", iri(euLicenceBy4))
				dist.set(dctNS+"language", iri(langIRI))
				dist.set(dcatapNS+"availability", iri(euAvailable))
				dist.set(dcatNS+"byteSize", typed(strconv.Itoa(size), xsd("nonNegativeInteger")))
				if f.ext == "json" && d.schema != "" {
					dist.set(dctNS+"conformsTo", iri(d.schema))
					std := g.add(d.schema).a(dctNS + "Standard")
					if err := text(std, dctNS+"title", "download_schema"); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	cat.set(dctNS+"issued", dateTerm(issued))
	cat.set(dctNS+"modified", dateTerm(modified))
	return g, nil
}

// dateTerm is an xsd:date literal, or nothing for a zero time.
func dateTerm(t time.Time) term {
	if t.IsZero() {
		return term{}
	}
	return typed(t.Format(time.DateOnly), xsd("date"))
}

// datasets describes the exports of the types, in their order, each
// where the site has it. Its description is the message
// catalog_<key>_text.
func datasets(s *site.Site, types schema.Types) []dataset {
	var out []dataset
	for _, t := range types.In(s.Config) {
		x := t.Export
		if x == nil {
			continue
		}
		d := dataset{key: x.File, text: "catalog_" + x.Key + "_text", sections: map[string]*site.Page{}, keywords: map[string][]string{}}
		if x.Schema != "" {
			d.schema = s.Config.BaseURL + Dir + "/" + x.Schema
		}
		for _, l := range s.Config.Languages {
			var page *site.Page
			if x.Dataset.Landing != nil {
				page = x.Dataset.Landing(s, l.Code)
			} else {
				_, page = exported(s, t, l.Code)
			}
			if page != nil {
				d.sections[l.Code] = page
			}
		}
		var pages []*site.Page
		for _, p := range s.Pages {
			if t.Has(p) {
				pages = append(pages, p)
				d.dates(p)
			}
		}
		// A landing page of its own does not make a dataset without entries.
		if len(d.sections) == 0 || (x.Dataset.Landing != nil && len(pages) == 0) {
			continue
		}
		if x.Dataset.Describe != nil {
			d.keywords, d.spatial, d.from, d.to = x.Dataset.Describe(s, pages)
		}
		out = append(out, d)
	}
	return out
}

// dates widens the dataset's issued and modified dates to a page's.
func (d *dataset) dates(p *site.Page) {
	pub, upd := p.Front.Published, p.Front.Updated
	if upd.IsZero() {
		upd = pub
	}
	if !pub.IsZero() && (d.issued.IsZero() || pub.Before(d.issued)) {
		d.issued = pub
	}
	if upd.After(d.modified) {
		d.modified = upd
	}
}
