package gensite

import (
	"os"
	"path/filepath"
	"strconv"
)

// hugoConfig is the Hugo equivalent of siteTOML: the same languages, menus
// and base URL; the facets of the good practices as taxonomies; the same
// outputs (HTML, sitemap with alternates, robots.txt, an Atom-like RSS feed
// and JSON and CSV of the practices section); minified HTML that keeps the
// same tags opengov keeps.
const hugoConfig = `# Synthetic benchmark site (bench/gensite) for Hugo: the same content as
# the opengov site generated beside it.
baseURL = "https://opengov.fi/"
defaultContentLanguage = "fi"
defaultContentLanguageInSubdir = true
enableRobotsTXT = true
disableKinds = []
timeZone = "UTC"

# Lists of practices in pages of 20, at page/2/ (sivu/2/ in Finnish), as
# paginate and page_slug of the opengov site: [pagination] for the current
# Hugo, paginate and paginatePath for Debian's Hugo 0.111, which the
# current one still reads (deprecated).
paginate = 20
paginatePath = "page"
[pagination]
pagerSize = 20
path = "page"

[taxonomies]
theme = "themes"
level = "levels"
principle = "principles"
country = "countries"
status = "statuses"
year = "years"

[outputs]
home = ["html"]
section = ["html"]
page = ["html"]
taxonomy = ["html"]
term = ["html"]

[minify]
minifyOutput = true
[minify.tdewolff.html]
keepDocumentTags = true
keepEndTags = true
keepQuotes = true
keepWhitespace = false

[markup.goldmark.renderer]
unsafe = false
[markup.goldmark.parser]
autoHeadingID = true
[markup.goldmark.parser.attribute]
block = true
title = true

[languages.fi]
languageName = "suomi"
languageCode = "fi"
weight = 1
title = "Avoin hallinto"
paginatePath = "sivu"
[languages.fi.pagination]
pagerSize = 20
path = "sivu"
[languages.fi.params]
description = "Suomen avoimen hallinnon sivusto: toimintaohjelmien sitoumukset, hyvät käytännöt ja julkisen hallinnon innovaatiojulistus."
locale = "fi_FI"
[[languages.fi.menu.main]]
name = "Sitoumukset"
pageRef = "/commitments"
weight = 1
[[languages.fi.menu.main]]
name = "Hyvät käytännöt"
pageRef = "/good-practices"
weight = 2
[[languages.fi.menu.main]]
name = "Innovaatiojulistus"
pageRef = "/innovation-declaration"
weight = 3
[[languages.fi.menu.main]]
name = "Tietoa"
pageRef = "/about"
weight = 4
[[languages.fi.menu.footer]]
name = "Tietoa sivustosta"
pageRef = "/about"
weight = 1
[[languages.fi.menu.footer]]
name = "Saavutettavuusseloste"
pageRef = "/accessibility"
weight = 2

[languages.en]
languageName = "English"
languageCode = "en"
weight = 2
title = "Open Government in Finland"
[languages.en.params]
description = "Finland's Open Government website: action plan commitments, good practices and the public sector innovation declaration."
locale = "en_GB"
[[languages.en.menu.main]]
name = "Commitments"
pageRef = "/commitments"
weight = 1
[[languages.en.menu.main]]
name = "Good practices"
pageRef = "/good-practices"
weight = 2
[[languages.en.menu.main]]
name = "Innovation declaration"
pageRef = "/innovation-declaration"
weight = 3
[[languages.en.menu.main]]
name = "About"
pageRef = "/about"
weight = 4
[[languages.en.menu.footer]]
name = "About this site"
pageRef = "/about"
weight = 1
[[languages.en.menu.footer]]
name = "Accessibility statement"
pageRef = "/accessibility"
weight = 2
`

// WriteHugo writes the same content as Write as a Hugo site: config.toml,
// content/ (the same files, front matter adapted: dates as date and
// lastmod, the facets as taxonomies), layouts/ from bench/hugo/layouts,
// i18n/ from the repository, the stylesheet as a Hugo asset and the
// vocabularies as data.
func WriteHugo(dir string, pagesPerLang int) error {
	root, err := Root()
	if err != nil {
		return err
	}
	return WriteHugoFrom(root, dir, pagesPerLang)
}

// WriteHugoFrom is WriteHugo with the repository root given.
func WriteHugoFrom(root, dir string, pagesPerLang int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(hugoConfig), 0o644); err != nil {
		return err
	}
	copies := [][2]string{
		{"bench/hugo/layouts", "layouts"},
		{"i18n", "i18n"},
		{"static/css", "assets/css"},
	}
	for _, c := range copies {
		if err := copyTree(filepath.Join(root, filepath.FromSlash(c[0])), filepath.Join(dir, filepath.FromSlash(c[1]))); err != nil {
			return err
		}
	}
	files := [][2]string{
		{"static/favicon.svg", "static/favicon.svg"},
		{"content/_vocabularies.toml", "data/vocabularies.toml"},
	}
	for _, c := range files {
		if err := copyFile(filepath.Join(root, filepath.FromSlash(c[0])), filepath.Join(dir, filepath.FromSlash(c[1]))); err != nil {
			return err
		}
	}
	return eachPage(pagesPerLang, func(p *page) error { return writePage(dir, p, hugoFront(p)) })
}

// hugoFront adapts a page's front matter to Hugo: published and updated
// become date and lastmod; a practice's facets become taxonomy lists; the
// practices section asks for its feed and open data outputs.
func hugoFront(p *page) []field {
	var out []field
	for _, f := range p.front {
		switch f.key {
		case "published":
			out = append(out, field{"date", f.val})
		case "updated":
			out = append(out, field{"lastmod", f.val})
		default:
			out = append(out, f)
		}
		if p.kind != kindPractice {
			continue
		}
		switch f.key {
		case "level":
			out = append(out, field{"levels", []string{f.val.(string)}})
		case "country":
			out = append(out, field{"countries", []string{f.val.(string)}})
		case "status":
			out = append(out, field{"statuses", []string{f.val.(string)}})
		case "year":
			out = append(out, field{"years", []string{strconv.Itoa(f.val.(int))}})
		case "innovation_principles":
			out = append(out, field{"principles", f.val})
		}
	}
	if p.path == "content/good-practices/_index" {
		out = append(out, field{"outputs", []string{"html", "rss", "json", "csv"}})
	}
	return out
}
