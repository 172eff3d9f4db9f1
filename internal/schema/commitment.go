package schema

import (
	"cmp"
	"fmt"
	"reflect"
	"regexp"
	"slices"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// CommitmentType is the section type of action plan commitments in
// site.toml.
const CommitmentType = "commitment"

// Commitment is the front matter of an action plan commitment or of one
// of its measures ("1.1" is a measure of commitment "1"). LeadInstitution,
// PolicyAreas and Status are optional: an action plan may not name them,
// and then the page shows nothing for them.
type Commitment struct {
	OGPID               string   `fm:"ogp_id" lang:"shared" export:"omitempty"`
	ActionPlan          string   `fm:"action_plan,required" lang:"shared" pattern:"^\\d{4}-\\d{4}$"`
	Number              string   `fm:"number,required" lang:"shared" pattern:"^\\d+(\\.\\d+)?$"`
	LeadInstitution     string   `fm:"lead_institution" export:"omitempty"`
	SupportInstitutions []string `fm:"support_institutions"`
	PolicyAreas         []string `fm:"policy_areas"`
	Status              string   `fm:"status" vocab:"statuses" lang:"shared" export:"omitempty"`
	IRM                 *IRM     `fm:"irm" export:"-"`

	StatusTerm *Term `term:"status"`
}

// IRM is the Independent Reporting Mechanism's review of a commitment, in
// the IRM's own terms.
type IRM struct {
	Report       string    `fm:"report"`
	Verifiable   string    `fm:"verifiable"`
	Relevance    string    `fm:"relevance"`
	Ambition     *Ambition `fm:"ambition"`
	Completion   string    `fm:"completion"`
	EarlyResults string    `fm:"early_results"`
}

// Ambition is the IRM's rating of a commitment's ambition.
type Ambition struct {
	Scale string `fm:"scale"`
	Value string `fm:"value"`
}

// IsMeasure reports whether the page is a measure of a commitment.
func (c *Commitment) IsMeasure() bool { _, _, ok := cutNumber(c.Number); return ok }

var (
	planRE   = regexp.MustCompile(`^\d{4}-\d{4}$`)
	numberRE = regexp.MustCompile(`^(\d+)\.(\d+)$`)
)

// cutNumber splits a measure number "1.2" into commitment "1" and "2".
func cutNumber(n string) (commitment, measure string, ok bool) {
	m := numberRE.FindStringSubmatch(n)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// checkCommitment checks what a commitment's tags do not say.
func checkCommitment(f *content.File, params any, errs *diag.List) {
	c := params.(*Commitment)
	if c.ActionPlan != "" && !planRE.MatchString(c.ActionPlan) {
		errs.Add(f.FieldPos("action_plan"), "action_plan %q should be the plan's years", c.ActionPlan).Hint = `write it like "2023-2027"`
	}
	if f.Front.Summary == "" && isEmpty(f.Meta.Get("summary")) {
		errs.Add(f.FieldPos("summary"), "a commitment needs a summary").Hint = "write one or two plain sentences"
	}
}

// ExportID is a commitment's stable id in the open data: its action plan
// and number, "2023-2027/1.1".
func (c *Commitment) ExportID() string { return c.ActionPlan + "/" + c.Number }

// commitmentType declares the commitments of the action plans.
func commitmentType() *Type {
	ids := func(pages []*site.Page, id func(*site.Page) string) []string {
		out := []string{}
		for _, p := range pages {
			out = append(out, id(p))
		}
		return out
	}
	return &Type{
		Name: CommitmentType, Struct: reflect.TypeFor[Commitment](), Check: checkCommitment,
		Required: []string{"summary"}, Scaffold: commitmentScaffold,
		CMS: CMS{
			Folder: "action_plan",
			Label: func(p *site.Page) string {
				c := CommitmentOf(p)
				return c.ActionPlan + " " + c.Number + ": " + p.Front.Title
			},
			// By action plan, newest first, and number: "1", "1.1", "1.2", "2", "10".
			Order: func(a, b *site.Page) int {
				x, y := CommitmentOf(a), CommitmentOf(b)
				var m, n [2]int
				fmt.Sscanf(x.Number, "%d.%d", &m[0], &m[1])
				fmt.Sscanf(y.Number, "%d.%d", &n[0], &n[1])
				return cmp.Or(cmp.Compare(y.ActionPlan, x.ActionPlan), cmp.Compare(m[0], n[0]), cmp.Compare(m[1], n[1]))
			},
		},
		Export: &Export{
			File: "commitments", Key: "commitments", Noun: "commitment",
			Columns: []string{"id", "ogp_id", "action_plan", "number", "commitment", "title", "summary", "url",
				"lead_institution", "support_institutions", "policy_areas", "status", "good_practices"},
			Computed: []Column{
				{Name: "id", Value: func(p *site.Page) any { return CommitmentOf(p).ExportID() }},
				{Name: "commitment", OmitEmpty: true, Value: func(p *site.Page) any {
					if parent := CommitmentPageOf(p).Parent; parent != nil {
						return CommitmentOf(parent).ExportID()
					}
					return ""
				}},
				{Name: "good_practices", Value: func(p *site.Page) any {
					return ids(CommitmentPageOf(p).Practices, func(p *site.Page) string { return PracticeOf(p).ID })
				}},
			},
			Dataset: commitmentDataset(),
			Pages: func(s *site.Site, lang string) ([]*site.Page, *site.Page) {
				var pages []*site.Page
				for _, p := range s.PagesIn(lang) {
					if CommitmentOf(p) != nil {
						pages = append(pages, p)
					}
				}
				if len(pages) == 0 {
					return nil, nil
				}
				slices.SortStableFunc(pages, func(a, b *site.Page) int {
					x, y := CommitmentOf(a), CommitmentOf(b)
					return cmp.Or(cmp.Compare(y.ActionPlan, x.ActionPlan), cmp.Compare(x.ExportID(), y.ExportID()))
				})
				return pages, s.Home[lang]
			},
		},
	}
}

// commitmentScaffold is a new commitment or measure, for `opengov new
// commitment`.
const commitmentScaffold = `---
# A commitment of an Open Government action plan, or one of its measures.
{{ template "draft" . -}}
title: ""                        # the commitment's name in this language
summary: ""                      # one or two plain sentences
slug: {{ .ID }}                  # the URL segment in this language: lowercase a-z, digits, hyphens
# ogp_id: FI0000                 # the OGP identifier, where the commitment has one
action_plan: "2023-2027"         # the plan's years, quoted
number: "1"                      # "1" for a commitment, "1.1" for its first measure (quoted)
lead_institution: ""             # the institution that leads it, in this language
support_institutions: []         # other institutions that carry it out
policy_areas: []                 # short labels in this language, e.g. [Public participation]
# status: planned                # {{ ids "statuses" }}; leave out when the sources do not say
# irm:                           # the Independent Reporting Mechanism's review, in its own terms
#   report: ""
#   verifiable: ""
#   relevance: ""
#   ambition: {scale: "", value: ""}
#   completion: ""
#   early_results: ""
---

## {{ if eq .Lang "fi" }}Mitä luvataan{{ else }}What is promised{{ end }}
`
