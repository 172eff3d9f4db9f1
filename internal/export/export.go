// Package export publishes the typed content as open data: the entries of
// each content type that declares an export (the good practices, the
// commitments) as JSON and CSV in each language (the same records in
// both, with stable ids), their JSON Schema where declared,
// an Atom feed of the good practices per language and per theme, and a
// DCAT-AP catalog of it all for data portals to harvest.
package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opengov-fi/opengov/internal/content"
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

// Files returns the open data files of the types that declare an export,
// the feeds of the good practices, and the catalog that describes them;
// msgs gives the catalog's texts.
func Files(s *site.Site, v *schema.Vocabularies, msgs *i18n.Catalog, types schema.Types) ([]output.File, error) {
	return FilesUnless(s, v, msgs, types, nil)
}

// ErrStopped is FilesUnless's error when it was told to stop.
var ErrStopped = errors.New("the export was stopped for a newer build")

// FilesUnless is Files, but asks stop (when not nil) before it makes each
// file but the catalog, and while it makes the records of a type's JSON,
// and gives up with ErrStopped once it says yes: a newer build waits for
// one file, or 500 records, at most.
func FilesUnless(s *site.Site, v *schema.Vocabularies, msgs *i18n.Catalog, types schema.Types, stop func() bool) ([]output.File, error) {
	var files []output.File
	err := Each(s, v, msgs, types, stop, func(f output.File) error {
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}

// Each makes the files FilesUnless returns, but hands each to emit as soon
// as it is made and keeps none, so that a build writing to disk does not
// hold the open data in memory while its pages render. The catalog comes
// last, as it describes the others. Each stops at the first error, its own
// or emit's.
func Each(s *site.Site, v *schema.Vocabularies, msgs *i18n.Catalog, types schema.Types, stop func() bool, emit func(output.File) error) error {
	sizes := map[string]int{} // of each file emitted, for the catalog
	// add makes the file at path, unless stop says to stop first, and
	// emits it.
	add := func(path string, build func() ([]byte, error)) error {
		if stop != nil && stop() {
			return ErrStopped
		}
		data, err := build()
		if err != nil {
			return err
		}
		sizes[path] = len(data)
		return emit(output.File{Path: path, Data: data})
	}
	for _, t := range types.In(s.Config) {
		x := t.Export
		if x == nil {
			continue
		}
		if x.Schema != "" {
			if err := add(Dir+"/"+x.Schema, func() ([]byte, error) { return Schema(s.Config.BaseURL, v, t) }); err != nil {
				return err
			}
		}
		cols, err := columns(t)
		if err != nil {
			return err
		}
		for _, l := range s.Config.Languages {
			pages, source := exported(s, t, l.Code)
			if source == nil {
				continue
			}
			var rows [][]string
			if err := add(Dir+"/"+x.File+"."+l.Code+".json", func() ([]byte, error) {
				recs, csvRows, err := records(s, cols, pages, stop)
				if err != nil {
					return nil, err
				}
				rows = csvRows
				return appendDocument(nil, l.Code, s.AbsURL(source), x.Key, recs), nil
			}); err != nil {
				return err
			}
			if err := add(Dir+"/"+x.File+"."+l.Code+".csv", func() ([]byte, error) { return writeCSV(header(cols), rows) }); err != nil {
				return err
			}
		}
	}
	for _, l := range s.Config.Languages {
		idx := practiceIndex(s, l.Code)
		if idx == nil {
			continue
		}
		if err := add(idx.Section.Path+"atom.xml", func() ([]byte, error) {
			return feed(s, l.Code, idx.Section, idx.Section.Front.Title, idx.Practices)
		}); err != nil {
			return err
		}
		for _, fv := range themeValues(idx) {
			title := fv.Term.In(l.Code) + " – " + idx.Section.Front.Title
			if err := add(fv.Page.Path+"atom.xml", func() ([]byte, error) { return feed(s, l.Code, fv.Page, title, fv.Practices) }); err != nil {
				return err
			}
		}
	}
	cat, err := catalog(s, msgs, sizes, types)
	if err != nil {
		return err
	}
	for _, f := range cat {
		if err := emit(f); err != nil {
			return err
		}
	}
	return nil
}

// exported returns the pages of type t that lang's files list, and the
// page they come from (by default the type's first section, else the
// home page); a nil page: lang has no files of t.
func exported(s *site.Site, t *schema.Type, lang string) ([]*site.Page, *site.Page) {
	if t.Export.Pages != nil {
		return t.Export.Pages(s, lang)
	}
	var pages []*site.Page
	for _, p := range s.PagesIn(lang) {
		if t.Has(p) {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		return nil, nil
	}
	var dirs []string
	for dir, sec := range s.Config.Sections {
		if sec.Type == t.Name {
			dirs = append(dirs, dir)
		}
	}
	slices.Sort(dirs)
	for _, dir := range dirs {
		if p := s.BySource(dir+"/"+content.IndexName, lang); p != nil {
			return pages, p
		}
	}
	return pages, s.Home[lang]
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
