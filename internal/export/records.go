package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// The records of the open data are made from a type's declaration
// (schema.Export) and its fields' tags: a column is a common one, one of
// the type's fields or a computed one. Vocabulary fields hold the stable
// ids of the vocabularies. Optional fields tagged export:"omitempty" that
// the sources leave empty are left out of the JSON and are empty cells in
// the CSV; an empty list is [] and an empty cell.

// commonColumns are the columns every type may list, made from the page.
var commonColumns = []string{"language", "title", "summary", "url", "published", "updated", "translations"}

// column is one column of a type's records, resolved.
type column struct {
	name  string
	omit  bool                 // left out of the JSON when empty
	field *schema.Field        // the type's own field, or nil
	value func(*site.Page) any // computed: string, []string or int
	table func(*site.Page) any // a common column's JSON value
	csv   bool                 // in the CSV
}

// columns resolves the declared columns of t, and reports a column that
// is none of the three kinds: a mistake of the declaration.
func columns(s *site.Site, t *schema.Type) ([]column, error) {
	fields := t.Fields()
	var out []column
	for _, name := range t.Export.Columns {
		c := column{name: name, csv: name != "translations"}
		if i := slices.IndexFunc(t.Export.Computed, func(cc schema.Column) bool { return cc.Name == name }); i >= 0 {
			c.omit, c.value = t.Export.Computed[i].OmitEmpty, t.Export.Computed[i].Value
		} else if i := slices.IndexFunc(fields, func(f schema.Field) bool { return f.Name == name }); i >= 0 {
			c.field, c.omit = &fields[i], fields[i].Export == "omitempty"
		} else if slices.Contains(commonColumns, name) {
			c.table, c.omit = common(s, name), name == "updated"
		} else {
			return nil, fmt.Errorf("the export of %s names column %q, which is not a common column (%s), a field or a computed column", t.Name, name, strings.Join(commonColumns, ", "))
		}
		out = append(out, c)
	}
	return out, nil
}

// common returns the value of a common column of a page.
func common(s *site.Site, name string) func(*site.Page) any {
	switch name {
	case "language":
		return func(p *site.Page) any { return p.Lang }
	case "title":
		return func(p *site.Page) any { return p.Front.Title }
	case "summary":
		return func(p *site.Page) any { return p.Front.Summary }
	case "url":
		return func(p *site.Page) any { return s.AbsURL(p) }
	case "published":
		return func(p *site.Page) any { return date(p.Front.Published) }
	case "updated":
		return func(p *site.Page) any { return date(p.Front.Updated) }
	}
	return func(p *site.Page) any { // translations
		out := map[string]string{}
		for _, t := range p.Translations() {
			out[t.Lang] = s.AbsURL(t)
		}
		return out
	}
}

// cell is one value of a record: its JSON and its CSV cell.
type cell struct {
	json  any
	text  string
	empty bool
}

// cellOf returns a page's value of the column.
func (c column) cellOf(p *site.Page) cell {
	switch {
	case c.value != nil:
		return plain(c.value(p))
	case c.table != nil:
		return plain(c.table(p))
	}
	return fieldCell(*c.field, reflect.ValueOf(p.Params).Elem().FieldByIndex(c.field.Index))
}

// plain is the cell of a string, a list of strings, a number or a map.
func plain(v any) cell {
	switch v := v.(type) {
	case string:
		return cell{json: v, text: v, empty: v == ""}
	case []string:
		if v == nil {
			v = []string{}
		}
		return cell{json: v, text: join(v)}
	case int:
		return cell{json: v, text: itoa(v), empty: v == 0}
	}
	return cell{json: v}
}

// fieldCell is the cell of a front-matter field's value.
func fieldCell(f schema.Field, v reflect.Value) cell {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return cell{json: nil, empty: true}
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == reflect.TypeFor[time.Time]():
		return plain(date(v.Interface().(time.Time)))
	case v.Kind() == reflect.String:
		return plain(v.String())
	case v.Kind() == reflect.Int:
		return plain(int(v.Int()))
	case v.Kind() == reflect.Bool:
		return cell{json: v.Bool(), text: fmt.Sprint(v.Bool())}
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
		return plain(v.Interface().([]string))
	case v.Kind() == reflect.Slice:
		items := make([]any, v.Len())
		var texts []string
		for i := range v.Len() {
			obj, text := object(f.Fields, v.Index(i), f.CSV)
			items[i] = obj
			texts = append(texts, text)
		}
		return cell{json: items, text: join(texts)}
	case v.Kind() == reflect.Struct:
		obj, text := object(f.Fields, v, f.CSV)
		return cell{json: obj, text: text}
	}
	panic("export: no open data for Go type " + v.Type().String())
}

// object is a table's JSON, its fields in order, and its CSV cell: the
// value of its field named csv.
func object(fields []schema.Field, v reflect.Value, csv string) (ordered, string) {
	var obj ordered
	text := ""
	for _, f := range fields {
		c := fieldCell(f, v.FieldByIndex(f.Index))
		if f.Name == csv {
			text = c.text
		}
		if c.empty && f.Export == "omitempty" {
			continue
		}
		obj = append(obj, pair{f.Name, c.json})
	}
	return obj, text
}

// records returns the JSON records and the CSV rows of pages.
func records(cols []column, pages []*site.Page) ([]ordered, [][]string) {
	recs := make([]ordered, 0, len(pages))
	rows := make([][]string, 0, len(pages))
	for _, p := range pages {
		var rec ordered
		var row []string
		for _, c := range cols {
			v := c.cellOf(p)
			if !(c.omit && v.empty) {
				rec = append(rec, pair{c.name, v.json})
			}
			if c.csv {
				row = append(row, v.text)
			}
		}
		recs, rows = append(recs, rec), append(rows, row)
	}
	return recs, rows
}

// header is the CSV's first row.
func header(cols []column) []string {
	var out []string
	for _, c := range cols {
		if c.csv {
			out = append(out, c.name)
		}
	}
	return out
}

// ordered is a JSON object whose keys keep their order.
type ordered []pair

type pair struct {
	key   string
	value any
}

// MarshalJSON writes the object with its keys in order, without
// escaping HTML, as marshal does.
func (o ordered) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(p.key); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := enc.Encode(p.value); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
