package schema

import (
	"regexp"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/decode"
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
	OGPID               string   `fm:"ogp_id"`
	ActionPlan          string   `fm:"action_plan,required"`
	Number              string   `fm:"number,required"`
	LeadInstitution     string   `fm:"lead_institution"`
	SupportInstitutions []string `fm:"support_institutions"`
	PolicyAreas         []string `fm:"policy_areas"`
	Status              string   `fm:"status"`
	IRM                 *IRM     `fm:"irm"`

	StatusTerm *Term
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

// decodeCommitment decodes and checks a commitment's own fields.
func (v *Vocabularies) decodeCommitment(f *content.File) (any, diag.List) {
	var c Commitment
	rest := &decode.Node{Kind: decode.Map, Fields: f.Rest, Line: f.Meta.Line}
	errs := decode.Into(rest, &c, f.Path, decode.Options{AlsoKnown: site.FrontFields()})
	if c.ActionPlan != "" && !planRE.MatchString(c.ActionPlan) {
		errs.Add(f.FieldPos("action_plan"), "action_plan %q should be the plan's years", c.ActionPlan).Hint = `write it like "2023-2027"`
	}
	if f.Front.Summary == "" && isEmpty(f.Meta.Get("summary")) {
		errs.Add(f.FieldPos("summary"), "a commitment needs a summary").Hint = "write one or two plain sentences"
	}
	if c.Status != "" {
		node := f.Meta.Get("status")
		c.StatusTerm = v.lookup(Statuses, c.Status, node, f.Path, &errs)
	}
	return &c, errs
}
