package schema

import (
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/decode"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// PracticeType is the section type of good practices in site.toml.
const PracticeType = "practice"

// MaxSummary is the longest summary a good practice may have, in characters.
const MaxSummary = 300

// Practice is the front matter of a good practice, beyond the common
// fields (title, summary, published, updated). Organisation and Status are
// optional: where the sources name no organisation or give no status, the
// field stays empty and the pages show nothing for it.
type Practice struct {
	ID                 string   `fm:"id,required" lang:"shared" pattern:"^[a-z0-9]+(-[a-z0-9]+)*$" doc:"Stable identifier, the same in every language."`
	Organisation       string   `fm:"organisation" export:"omitempty" doc:"Organisation responsible for the practice. Optional: absent where the sources name none."`
	Partners           []string `fm:"partners" doc:"Partner organisations."`
	Country            string   `fm:"country,required" vocab:"countries" lang:"shared" filter:"country" doc:"ISO 3166-1 alpha-2 code of the country."`
	Level              string   `fm:"level,required" vocab:"levels" lang:"shared" filter:"level" doc:"Level of government."`
	Themes             []string `fm:"themes,required" vocab:"themes" lang:"shared" filter:"theme" itemdoc:"Theme."`
	Principles         []string `fm:"innovation_principles" vocab:"principles" lang:"shared" filter:"principle" doc:"Principles of the OECD Declaration on Public Sector Innovation." itemdoc:"Principle."`
	Stage              string   `fm:"stage" vocab:"stages" lang:"shared" filter:"stage" export:"omitempty" doc:"Stage of the OECD OPSI innovation lifecycle. Optional."`
	Status             string   `fm:"status" vocab:"statuses" lang:"shared" filter:"status" export:"omitempty" doc:"Status. Optional: absent where the sources give none."`
	Year               int      `fm:"year" lang:"shared" filter:"year" range:"1900,2100" export:"omitempty" doc:"Year the practice was launched."`
	RelatedCommitments []string `fm:"related_commitments" lang:"shared" relation:"commitment"`
	Links              []Link   `fm:"links" csv:"url" doc:"External links."`
	Contact            *Contact `fm:"contact" csv:"organisation" export:"omitempty" doc:"Organisation to contact; never a person."`

	// Resolved from the vocabularies.
	CountryTerm    *Term   `term:"country"`
	LevelTerm      *Term   `term:"level"`
	ThemeTerms     []*Term `term:"themes"`
	PrincipleTerms []*Term `term:"innovation_principles"`
	StageTerm      *Term   `term:"stage"`
	StatusTerm     *Term   `term:"status"`
}

// Link is an external link of a good practice.
type Link struct {
	Title string `fm:"title,required"`
	URL   string `fm:"url,required" format:"uri"`
}

// Contact is an organisation to contact, with its web page: never a
// person. A practice has one; an accessibility statement names where to
// give feedback and the supervisory authority.
type Contact struct {
	Organisation string `fm:"organisation,required" export:"omitempty"`
	URL          string `fm:"url" format:"uri" export:"omitempty"`
}

var countryRE = regexp.MustCompile(`^[A-Z]{2}$`)

// isEmpty reports whether a front-matter value is absent, null or empty
// text.
func isEmpty(n *decode.Node) bool {
	return n == nil || n.Kind == decode.Null || (n.Kind == decode.String && strings.TrimSpace(n.Str) == "")
}

// checkPractice checks what a good practice's tags do not say.
func checkPractice(f *content.File, params any, errs *diag.List) {
	p := params.(*Practice)
	// A field that is there but could not be read has its own error.
	if f.Front.Summary == "" && isEmpty(f.Meta.Get("summary")) {
		errs.Add(f.FieldPos("summary"), "a good practice needs a summary").Hint = "write one or two plain sentences, at most 300 characters"
	} else if n := utf8.RuneCountInString(f.Front.Summary); n > MaxSummary {
		errs.Add(f.FieldPos("summary"), "the summary is %d characters long; at most %d are allowed", n, MaxSummary).Hint = "shorten it: it is shown on cards and in search results"
	}
	if f.Front.Published.IsZero() && f.Meta.Get("published") == nil {
		errs.Add(f.FieldPos("published"), "a good practice needs a published date").Hint = "add published: YYYY-MM-DD"
	}
	if p.ID != "" && !idRE.MatchString(p.ID) {
		errs.Add(f.FieldPos("id"), "id %q must be lowercase a-z, digits and hyphens", p.ID).Hint = "ids are stable: the open data uses them"
	}
	if p.Year != 0 && (p.Year < 1900 || p.Year > 2100) {
		errs.Add(f.FieldPos("year"), "year %d is not a year a practice was launched in", p.Year)
	}
	if p.Country != "" && !countryRE.MatchString(p.Country) {
		errs.Add(f.FieldPos("country"), "country %q is not an ISO 3166 code", p.Country).Hint = `write two capital letters, such as FI or SE (quote "NO")`
	}
	rest := &decode.Node{Kind: decode.Map, Fields: f.Rest, Line: f.Meta.Line}
	for i, l := range p.Links {
		if u, err := url.Parse(l.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			n := rest
			if links := f.Meta.Get("links"); links != nil {
				n = links.Items[i]
			}
			errs.Add(diag.Pos{File: f.Path, Line: n.Line, Col: n.Col}, "link %q is not an absolute http(s) URL", l.URL)
		}
	}
}

// practiceType declares the good practices.
func practiceType() *Type {
	return &Type{
		Name: PracticeType, Struct: reflect.TypeFor[Practice](), Check: checkPractice,
		Required: []string{"summary", "published"}, MaxSummary: MaxSummary,
		Scaffold: practiceScaffold,
		CMS:      CMS{Slug: "{{fields.id}}", Sortable: []string{"title", "published"}},
		Export: &Export{
			File: "good-practices", Key: "practices", Noun: "practice",
			Schema:      "good-practice.schema.json",
			Title:       "Good practices of open government and public sector innovation",
			Description: "The good practices export of the Finnish Open Government website. Each record is a practice's front matter with its language, URL and translations.",
			Columns: []string{"id", "language", "title", "summary", "url", "organisation", "partners", "country",
				"level", "themes", "innovation_principles", "stage", "status", "year", "related_commitments", "links",
				"contact", "published", "updated", "translations"},
			Computed: []Column{{
				Name: "related_commitments",
				Value: func(p *site.Page) any {
					ids := []string{}
					for _, c := range PracticePageOf(p).Commitments {
						ids = append(ids, CommitmentOf(c).ExportID())
					}
					return ids
				},
				Schema: map[string]any{"type": "array", "description": "Ids of related action plan commitments and measures (action plan/number).",
					"items": map[string]any{"type": "string", "pattern": `^\d{4}-\d{4}/`}},
			}},
			Dataset: practiceDataset(),
			Pages: func(s *site.Site, lang string) ([]*site.Page, *site.Page) {
				for _, p := range s.PagesIn(lang) {
					if idx, ok := p.Params.(*Index); ok {
						return idx.Practices, idx.Section
					}
				}
				return nil, nil
			},
		},
	}
}

// practiceScaffold is a new good practice, for `opengov new practice`.
const practiceScaffold = `---
# A good practice. Every field is checked on build; see README.md.
id: {{ .ID }}                    # stable identifier, the same in every language; the open data uses it
{{ template "draft" . -}}
title: ""                        # the practice's name in this language
summary: ""                      # one or two plain sentences, at most 300 characters
slug: {{ .ID }}                  # the URL segment in this language: lowercase a-z, digits, hyphens
organisation: ""                 # the organisation responsible, in this language
partners: []                     # partner organisations, e.g. [Kone Foundation]
country: ""                      # ISO 3166 code: {{ ids "countries" }} (quote "NO")
level: ""                        # {{ ids "levels" }}
themes: []                       # one to four of: {{ ids "themes" }}
innovation_principles: []        # the declaration's principles: {{ ids "principles" }}
# stage: implementation          # OECD OPSI innovation lifecycle: {{ ids "stages" }}; leave out when not known
# status: ongoing                # {{ ids "statuses" }}; leave out when the sources do not say
# year: 2024                     # the year it was launched; leave out when not known
related_commitments: []          # content paths of commitments, e.g. [commitments/2023-2027/measure-3-1]
links: []                        # external links: [{title: "...", url: "https://..."}]
contact:
  organisation: ""               # an organisation to contact, never a person
published: {{ .Today }}          # when the entry was published on this site
updated: {{ .Today }}            # when it was last changed
---

## {{ if eq .Lang "fi" }}Mistä on kyse{{ else }}What it is{{ end }}

## {{ if eq .Lang "fi" }}Miten se toimii{{ else }}How it works{{ end }}

## {{ if eq .Lang "fi" }}Mitä muut voivat oppia{{ else }}What others can learn{{ end }}
`
