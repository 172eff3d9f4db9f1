package export

import (
	"cmp"
	"slices"

	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// CommitmentRecord is a commitment or measure as open data. A lead
// institution or status the action plan does not give is left out of the
// JSON and is an empty cell in the CSV.
type CommitmentRecord struct {
	ID                  string   `json:"id"` // "2023-2027/1.1"
	OGPID               string   `json:"ogp_id,omitempty"`
	ActionPlan          string   `json:"action_plan"`
	Number              string   `json:"number"`
	Commitment          string   `json:"commitment,omitempty"` // a measure's commitment id
	Title               string   `json:"title"`
	Summary             string   `json:"summary"`
	URL                 string   `json:"url"`
	LeadInstitution     string   `json:"lead_institution,omitempty"`
	SupportInstitutions []string `json:"support_institutions"`
	PolicyAreas         []string `json:"policy_areas"`
	Status              string   `json:"status,omitempty"`
	GoodPractices       []string `json:"good_practices"` // ids of practices naming it
}

// commitmentID is a commitment's stable id: its action plan and number.
func commitmentID(c *schema.Commitment) string { return c.ActionPlan + "/" + c.Number }

func commitmentRecords(s *site.Site, lang string) []CommitmentRecord {
	var records []CommitmentRecord
	for _, p := range s.PagesIn(lang) {
		c := schema.CommitmentOf(p)
		if c == nil {
			continue
		}
		r := CommitmentRecord{
			ID: commitmentID(c), OGPID: c.OGPID, ActionPlan: c.ActionPlan, Number: c.Number,
			Title: p.Front.Title, Summary: p.Front.Summary, URL: s.AbsURL(p),
			LeadInstitution: c.LeadInstitution, SupportInstitutions: nonNil(c.SupportInstitutions),
			PolicyAreas: nonNil(c.PolicyAreas), Status: c.Status, GoodPractices: []string{},
		}
		rel := schema.CommitmentPageOf(p)
		if rel.Parent != nil {
			r.Commitment = commitmentID(schema.CommitmentOf(rel.Parent))
		}
		for _, pr := range rel.Practices {
			r.GoodPractices = append(r.GoodPractices, schema.PracticeOf(pr).ID)
		}
		records = append(records, r)
	}
	slices.SortFunc(records, func(a, b CommitmentRecord) int {
		return cmp.Or(cmp.Compare(b.ActionPlan, a.ActionPlan), cmp.Compare(a.ID, b.ID))
	})
	return records
}

var commitmentColumns = []string{"id", "ogp_id", "action_plan", "number", "commitment", "title", "summary", "url",
	"lead_institution", "support_institutions", "policy_areas", "status", "good_practices"}

func commitmentsCSV(records []CommitmentRecord) ([]byte, error) {
	rows := make([][]string, len(records))
	for i, r := range records {
		rows[i] = []string{r.ID, r.OGPID, r.ActionPlan, r.Number, r.Commitment, r.Title, r.Summary, r.URL,
			r.LeadInstitution, join(r.SupportInstitutions), join(r.PolicyAreas), r.Status, join(r.GoodPractices)}
	}
	return writeCSV(commitmentColumns, rows)
}
