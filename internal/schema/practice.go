package schema

import (
	"net/url"
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
	ID                 string   `fm:"id,required"`
	Organisation       string   `fm:"organisation"`
	Partners           []string `fm:"partners"`
	Country            string   `fm:"country,required"`
	Level              string   `fm:"level,required"`
	Themes             []string `fm:"themes,required"`
	Principles         []string `fm:"innovation_principles"`
	Stage              string   `fm:"stage"`
	Status             string   `fm:"status"`
	Year               int      `fm:"year"`
	RelatedCommitments []string `fm:"related_commitments"`
	Links              []Link   `fm:"links"`
	Contact            *Contact `fm:"contact"`

	// Resolved from the vocabularies.
	CountryTerm    *Term
	LevelTerm      *Term
	ThemeTerms     []*Term
	PrincipleTerms []*Term
	StageTerm      *Term
	StatusTerm     *Term
}

// Link is an external link of a good practice.
type Link struct {
	Title string `fm:"title,required"`
	URL   string `fm:"url,required"`
}

// Contact is an organisation to contact, with its web page: never a
// person. A practice has one; an accessibility statement names where to
// give feedback and the supervisory authority.
type Contact struct {
	Organisation string `fm:"organisation,required"`
	URL          string `fm:"url"`
}

// PracticeFields lists the front-matter fields of a good practice,
// common ones included.
func PracticeFields() []string {
	return append(site.FrontFields(), "id", "organisation", "partners", "country", "level", "themes",
		"innovation_principles", "stage", "status", "year", "related_commitments", "links", "contact")
}

var countryRE = regexp.MustCompile(`^[A-Z]{2}$`)

// isEmpty reports whether a front-matter value is absent, null or empty
// text.
func isEmpty(n *decode.Node) bool {
	return n == nil || n.Kind == decode.Null || (n.Kind == decode.String && strings.TrimSpace(n.Str) == "")
}

// decodePractice decodes and checks a good practice's own fields.
func (v *Vocabularies) decodePractice(f *content.File) (any, diag.List) {
	var p Practice
	rest := &decode.Node{Kind: decode.Map, Fields: f.Rest, Line: f.Meta.Line}
	errs := decode.Into(rest, &p, f.Path, decode.Options{AlsoKnown: site.FrontFields()})
	field := func(key string) *decode.Node {
		if n := f.Meta.Get(key); n != nil {
			return n
		}
		return rest
	}
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
	if p.Country != "" {
		if !countryRE.MatchString(p.Country) {
			errs.Add(f.FieldPos("country"), "country %q is not an ISO 3166 code", p.Country).Hint = `write two capital letters, such as FI or SE (quote "NO")`
		} else {
			p.CountryTerm = v.lookup(Countries, p.Country, field("country"), f.Path, &errs)
		}
	}
	if p.Level != "" {
		p.LevelTerm = v.lookup(Levels, p.Level, field("level"), f.Path, &errs)
	}
	if p.Stage != "" {
		p.StageTerm = v.lookup(Stages, p.Stage, field("stage"), f.Path, &errs)
	}
	if p.Status != "" {
		p.StatusTerm = v.lookup(Statuses, p.Status, field("status"), f.Path, &errs)
	}
	p.ThemeTerms = v.terms(Themes, p.Themes, field("themes"), f.Path, &errs)
	p.PrincipleTerms = v.terms(Principles, p.Principles, field("innovation_principles"), f.Path, &errs)
	for i, l := range p.Links {
		if u, err := url.Parse(l.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			n := field("links").Items[i]
			errs.Add(diag.Pos{File: f.Path, Line: n.Line, Col: n.Col}, "link %q is not an absolute http(s) URL", l.URL)
		}
	}
	return &p, errs
}
