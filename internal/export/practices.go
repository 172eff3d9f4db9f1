package export

import (
	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// PracticeRecord is one good practice as open data. Vocabulary fields
// hold the stable ids of internal/schema's vocabularies. Optional fields
// the sources leave empty (organisation, stage, status, year, updated) are
// left out of the JSON and are empty cells in the CSV.
type PracticeRecord struct {
	ID                   string            `json:"id"`
	Language             string            `json:"language"`
	Title                string            `json:"title"`
	Summary              string            `json:"summary"`
	URL                  string            `json:"url"`
	Organisation         string            `json:"organisation,omitempty"`
	Partners             []string          `json:"partners"`
	Country              string            `json:"country"`
	Level                string            `json:"level"`
	Themes               []string          `json:"themes"`
	InnovationPrinciples []string          `json:"innovation_principles"`
	Stage                string            `json:"stage,omitempty"`
	Status               string            `json:"status,omitempty"`
	Year                 int               `json:"year,omitempty"`
	RelatedCommitments   []string          `json:"related_commitments"`
	Links                []LinkRecord      `json:"links"`
	Contact              *ContactRecord    `json:"contact,omitempty"`
	Published            string            `json:"published"`
	Updated              string            `json:"updated,omitempty"`
	Translations         map[string]string `json:"translations"`
}

// LinkRecord is an external link of a practice.
type LinkRecord struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// ContactRecord is the organisation to contact.
type ContactRecord struct {
	Organisation string `json:"organisation,omitempty"`
	URL          string `json:"url,omitempty"`
}

func practiceRecords(s *site.Site, pages []*site.Page) []PracticeRecord {
	records := make([]PracticeRecord, 0, len(pages))
	for _, p := range pages {
		pr := schema.PracticeOf(p)
		r := PracticeRecord{
			ID: pr.ID, Language: p.Lang, Title: p.Front.Title, Summary: p.Front.Summary, URL: s.AbsURL(p),
			Organisation: pr.Organisation, Partners: nonNil(pr.Partners), Country: pr.Country, Level: pr.Level,
			Themes: nonNil(pr.Themes), InnovationPrinciples: nonNil(pr.Principles), Stage: pr.Stage, Status: pr.Status,
			Year: pr.Year, RelatedCommitments: []string{}, Links: []LinkRecord{},
			Published: date(p.Front.Published), Updated: date(p.Front.Updated), Translations: map[string]string{},
		}
		for _, c := range schema.PracticePageOf(p).Commitments {
			r.RelatedCommitments = append(r.RelatedCommitments, commitmentID(schema.CommitmentOf(c)))
		}
		for _, l := range pr.Links {
			r.Links = append(r.Links, LinkRecord{Title: l.Title, URL: l.URL})
		}
		if pr.Contact != nil {
			r.Contact = &ContactRecord{Organisation: pr.Contact.Organisation, URL: pr.Contact.URL}
		}
		for _, t := range p.Translations() {
			r.Translations[t.Lang] = s.AbsURL(t)
		}
		records = append(records, r)
	}
	return records
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// practiceColumns are the CSV columns, in the order of PracticeRecord.
var practiceColumns = []string{"id", "language", "title", "summary", "url", "organisation", "partners", "country",
	"level", "themes", "innovation_principles", "stage", "status", "year", "related_commitments", "links",
	"contact", "published", "updated"}

func practicesCSV(records []PracticeRecord) ([]byte, error) {
	rows := make([][]string, len(records))
	for i, r := range records {
		var links []string
		for _, l := range r.Links {
			links = append(links, l.URL)
		}
		contact := ""
		if r.Contact != nil {
			contact = r.Contact.Organisation
		}
		rows[i] = []string{r.ID, r.Language, r.Title, r.Summary, r.URL, r.Organisation, join(r.Partners), r.Country,
			r.Level, join(r.Themes), join(r.InnovationPrinciples), r.Stage, r.Status, itoa(r.Year),
			join(r.RelatedCommitments), join(links), contact, r.Published, r.Updated}
	}
	return writeCSV(practiceColumns, rows)
}
