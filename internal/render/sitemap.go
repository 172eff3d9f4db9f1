package render

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"

	"github.com/opengov-fi/opengov/internal/output"
)

// sitemap lists every page with its translations as xhtml:link alternates,
// as search engines expect of a multilingual site.
func (r *renderer) sitemap() output.File {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	esc := func(s string) string {
		if !strings.ContainsAny(s, "&<>\"'\r\n\t") {
			return s // URLs of slugs and language codes need no escaping
		}
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(s))
		return e.String()
	}
	for _, p := range r.site.Pages {
		b.WriteString("<url><loc>" + esc(r.site.AbsURL(p)) + "</loc>")
		if t := p.Front.Updated; !t.IsZero() {
			b.WriteString("<lastmod>" + t.Format(time.DateOnly) + "</lastmod>")
		} else if t := p.Front.Published; !t.IsZero() {
			b.WriteString("<lastmod>" + t.Format(time.DateOnly) + "</lastmod>")
		}
		for _, t := range p.Translations() {
			b.WriteString(`<xhtml:link rel="alternate" hreflang="` + esc(t.Lang) + `" href="` + esc(r.site.AbsURL(t)) + `"/>`)
		}
		b.WriteString(`<xhtml:link rel="alternate" hreflang="x-default" href="` + esc(r.site.Config.BaseURL) + `"/>`)
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return output.File{Path: "sitemap.xml", Data: b.Bytes()}
}

// robots allows everything and names the sitemap.
func (r *renderer) robots() output.File {
	return output.File{Path: "robots.txt", Data: []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.site.Config.BaseURL + "sitemap.xml\n")}
}
