package schema

import "github.com/opengov-fi/opengov/internal/site"

// Export declares a type's open data: in each language a JSON and a CSV
// file of one record per entry, and optionally the JSON Schema of the
// records. A record's columns are common ones (language, title, summary,
// url, published, updated, translations), the type's own fields, whose
// tags say how they are written, and Computed ones.
type Export struct {
	// File names the files: "good-practices" gives
	// data/good-practices.fi.json and data/good-practices.fi.csv.
	File string
	// Key is the JSON's list of records: {"practices": [...]}.
	Key string
	// Noun names one entry in the JSON Schema's descriptions: "practice".
	Noun string
	// Schema is the JSON Schema's file name in data/; empty: none.
	// Title and Description are the schema's own.
	Schema, Title, Description string
	// Columns are the record's fields in order (JSON and CSV alike; the
	// CSV leaves out translations).
	Columns []string
	// Computed are columns that are not front matter as written, such as
	// a commitment's id, or that replace a field's value: the ids of the
	// commitments a practice names rather than their paths.
	Computed []Column
	// Pages returns the entries of lang in the order of the records, and
	// the page they are published from (the JSON's source); a nil page:
	// lang has no files. Nil Pages: the type's pages in lang by path, from
	// the type's first section (else the home page), and no files for a
	// language without any.
	Pages func(s *site.Site, lang string) (pages []*site.Page, source *site.Page)
	// Dataset is how the open data catalog (DCAT-AP) describes the
	// export beyond its titles, dates and files. Its description is the
	// message catalog_<Key>_text.
	Dataset Dataset
}

// Dataset describes a type's export in the open data catalog.
type Dataset struct {
	// Landing returns the dataset's page in lang, whose title it takes;
	// nil: the page the records of lang come from. A type with a
	// Landing of its own is in the catalog only when it has entries.
	Landing func(s *site.Site, lang string) *site.Page
	// Describe returns, from the entries, the keywords by language, the
	// countries covered (ISO 3166 codes) and the years (0 where not
	// known); nil: none.
	Describe func(s *site.Site, pages []*site.Page) (keywords map[string][]string, countries []string, from, to int)
}

// Column is a computed column of an export.
type Column struct {
	Name      string
	OmitEmpty bool // left out of the JSON when empty
	// Value is a string, []string or int.
	Value func(p *site.Page) any
	// Schema is the column's JSON Schema.
	Schema map[string]any
}
