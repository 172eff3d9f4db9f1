// Package export publishes the typed content as open data: the good
// practices and the commitments as JSON and CSV in each language (the same
// records in both, with stable ids), the JSON Schema of a good practice,
// an Atom feed of the good practices per language and per theme, and a
// DCAT-AP catalog of it all for data portals to harvest.
package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/output"
	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// Licence is the licence of the open data.
const (
	Licence    = "CC BY 4.0"
	LicenceURL = "https://creativecommons.org/licenses/by/4.0/"
)

// Dir is the folder of the open data in the output.
const Dir = "data"

// Files returns the open data files and feeds of the site, and the
// catalog that describes them; msgs gives the catalog's texts.
func Files(s *site.Site, v *schema.Vocabularies, msgs *i18n.Catalog) ([]output.File, error) {
	var files []output.File
	add := func(path string, data []byte, err error) error {
		if err == nil {
			files = append(files, output.File{Path: path, Data: data})
		}
		return err
	}
	schemaJSON, err := PracticeSchema(s.Config.BaseURL, v)
	if err := add(Dir+"/good-practice.schema.json", schemaJSON, err); err != nil {
		return nil, err
	}
	for _, l := range s.Config.Languages {
		idx := practiceIndex(s, l.Code)
		if idx != nil {
			records := practiceRecords(s, idx.Practices)
			doc := document(s, l.Code, s.AbsURL(idx.Section), "practices", records)
			data, err := marshal(doc)
			if err := add(Dir+"/good-practices."+l.Code+".json", data, err); err != nil {
				return nil, err
			}
			data, err = practicesCSV(records)
			if err := add(Dir+"/good-practices."+l.Code+".csv", data, err); err != nil {
				return nil, err
			}
			data, err = feed(s, l.Code, idx.Section, idx.Section.Front.Title, idx.Practices)
			if err := add(idx.Section.Path+"atom.xml", data, err); err != nil {
				return nil, err
			}
			for _, fv := range themeValues(idx) {
				title := fv.Term.In(l.Code) + " – " + idx.Section.Front.Title
				data, err = feed(s, l.Code, fv.Page, title, fv.Practices)
				if err := add(fv.Page.Path+"atom.xml", data, err); err != nil {
					return nil, err
				}
			}
		}
		commitments := commitmentRecords(s, l.Code)
		if len(commitments) == 0 {
			continue
		}
		data, err := marshal(document(s, l.Code, s.AbsURL(s.Home[l.Code]), "commitments", commitments))
		if err := add(Dir+"/commitments."+l.Code+".json", data, err); err != nil {
			return nil, err
		}
		data, err = commitmentsCSV(commitments)
		if err := add(Dir+"/commitments."+l.Code+".csv", data, err); err != nil {
			return nil, err
		}
	}
	cat, err := catalog(s, msgs, files)
	if err != nil {
		return nil, err
	}
	return append(files, cat...), nil
}

// themeValues are the values of the index's themes facet that have a
// page: each gets its own feed.
func themeValues(idx *schema.Index) []*schema.FacetValue {
	var out []*schema.FacetValue
	for _, f := range idx.Facets {
		if f.Vocabulary != schema.Themes {
			continue
		}
		for _, v := range f.Values {
			if v.Page != nil {
				out = append(out, v)
			}
		}
	}
	return out
}

// practiceIndex returns the first practices section of lang, or nil.
func practiceIndex(s *site.Site, lang string) *schema.Index {
	for _, p := range s.PagesIn(lang) {
		if idx, ok := p.Params.(*schema.Index); ok {
			return idx
		}
	}
	return nil
}

// document wraps records with what a reuser needs to know about them.
func document(s *site.Site, lang, source, key string, records any) map[string]any {
	return map[string]any{
		"language":    lang,
		"source":      source,
		"licence":     Licence,
		"licence_url": LicenceURL,
		key:           records,
	}
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(v)
	return buf.Bytes(), err
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// writeCSV writes a header and rows as RFC 4180 CSV in UTF-8.
func writeCSV(header []string, rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(header); err != nil {
		return nil, err
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// join writes a list in one CSV cell.
func join(list []string) string { return strings.Join(list, "; ") }

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
