package export

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
	name   string
	omit   bool                 // left out of the JSON when empty
	field  *schema.Field        // the type's own field, or nil
	value  func(*site.Page) any // computed: string, []string or int
	common bool                 // a common column
	csv    bool                 // in the CSV
}

// columns resolves the declared columns of t, and reports a column that
// is none of the three kinds: a mistake of the declaration.
func columns(t *schema.Type) ([]column, error) {
	fields := t.Fields()
	var out []column
	for _, name := range t.Export.Columns {
		c := column{name: name, csv: name != "translations"}
		if i := slices.IndexFunc(t.Export.Computed, func(cc schema.Column) bool { return cc.Name == name }); i >= 0 {
			c.omit, c.value = t.Export.Computed[i].OmitEmpty, t.Export.Computed[i].Value
		} else if i := slices.IndexFunc(fields, func(f schema.Field) bool { return f.Name == name }); i >= 0 {
			c.field, c.omit = &fields[i], fields[i].Export == "omitempty"
		} else if slices.Contains(commonColumns, name) {
			c.common, c.omit = true, name == "updated"
		} else {
			return nil, fmt.Errorf("the export of %s names column %q, which is not a common column (%s), a field or a computed column", t.Name, name, strings.Join(commonColumns, ", "))
		}
		out = append(out, c)
	}
	return out, nil
}

// appendCell appends a page's value of the column to dst as JSON, and
// returns its CSV cell and whether it is empty.
func (c column) appendCell(dst []byte, s *site.Site, p *site.Page) ([]byte, string, bool) {
	switch {
	case c.value != nil:
		switch v := c.value(p).(type) {
		case string:
			return appendString(dst, v), v, v == ""
		case []string:
			return appendStrings(dst, v), join(v), false
		case int:
			return strconv.AppendInt(dst, int64(v), 10), itoa(v), v == 0
		default:
			panic(fmt.Sprintf("export: column %s is a %T, not a string, a list of strings or a number", c.name, v))
		}
	case c.common:
		var text string
		switch c.name {
		case "language":
			text = p.Lang
		case "title":
			text = p.Front.Title
		case "summary":
			text = p.Front.Summary
		case "url":
			text = s.AbsURL(p)
		case "published":
			text = date(p.Front.Published)
		case "updated":
			text = date(p.Front.Updated)
		default: // translations
			return appendTranslations(dst, s, p), "", false
		}
		return appendString(dst, text), text, text == ""
	}
	return appendField(dst, *c.field, reflect.ValueOf(p.Fields).Elem().FieldByIndex(c.field.Index))
}

// appendTranslations appends the URL of the page in each language, by
// language code in order, as encoding/json writes a map.
func appendTranslations(dst []byte, s *site.Site, p *site.Page) []byte {
	ts := slices.Clone(p.Translations())
	slices.SortFunc(ts, func(a, b *site.Page) int { return strings.Compare(a.Lang, b.Lang) })
	dst = append(dst, '{')
	for i, t := range ts {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(appendString(dst, t.Lang), ':')
		dst = appendString(dst, s.AbsURL(t))
	}
	return append(dst, '}')
}

// appendField appends a front-matter field's value as JSON, and returns
// its CSV cell and whether it is empty.
func appendField(dst []byte, f schema.Field, v reflect.Value) ([]byte, string, bool) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return append(dst, "null"...), "", true
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == reflect.TypeFor[time.Time]():
		d := date(*v.Addr().Interface().(*time.Time))
		return appendString(dst, d), d, d == ""
	case v.Kind() == reflect.String:
		return appendString(dst, v.String()), v.String(), v.String() == ""
	case v.Kind() == reflect.Int:
		return strconv.AppendInt(dst, v.Int(), 10), itoa(int(v.Int())), v.Int() == 0
	case v.Kind() == reflect.Bool:
		return strconv.AppendBool(dst, v.Bool()), strconv.FormatBool(v.Bool()), false
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
		list := make([]string, v.Len())
		for i := range list {
			list[i] = v.Index(i).String()
		}
		return appendStrings(dst, list), join(list), false
	case v.Kind() == reflect.Slice:
		var texts []string
		dst = append(dst, '[')
		for i := range v.Len() {
			if i > 0 {
				dst = append(dst, ',')
			}
			var text string
			dst, text = appendObject(dst, f.Fields, v.Index(i), f.CSV)
			texts = append(texts, text)
		}
		return append(dst, ']'), join(texts), false
	case v.Kind() == reflect.Struct:
		dst, text := appendObject(dst, f.Fields, v, f.CSV)
		return dst, text, false
	}
	panic("export: no open data for Go type " + v.Type().String())
}

// appendObject appends a table as a JSON object, its fields in order,
// and returns its CSV cell: the value of its field named csv.
func appendObject(dst []byte, fields []schema.Field, v reflect.Value, csv string) ([]byte, string) {
	text := ""
	dst = append(dst, '{')
	for _, f := range fields {
		mark := len(dst)
		dst = appendMember(dst, f.Name)
		var t string
		var empty bool
		dst, t, empty = appendField(dst, f, v.FieldByIndex(f.Index))
		if f.Name == csv {
			text = t
		}
		if empty && f.Export == "omitempty" {
			dst = dst[:mark]
		}
	}
	return append(dst, '}'), text
}

// appendMember appends the name of an object's member and its colon,
// after a comma unless it is the object's first: a value never ends in
// '{', so a '{' last is the object's opening.
func appendMember(dst []byte, name string) []byte {
	if dst[len(dst)-1] != '{' {
		dst = append(dst, ',')
	}
	return append(appendString(dst, name), ':')
}

// recordsBetweenStops is how many records are made between two asks
// whether to stop: about 5 ms of work.
const recordsBetweenStops = 500

// records returns the JSON records and the CSV rows of pages. It asks
// stop (when not nil) after every recordsBetweenStops records, and gives
// up with ErrStopped once it says yes.
func records(s *site.Site, cols []column, pages []*site.Page, stop func() bool) ([]json.RawMessage, [][]string, error) {
	recs := make([]json.RawMessage, 0, len(pages))
	rows := make([][]string, 0, len(pages))
	var buf []byte
	for i, p := range pages {
		if i > 0 && i%recordsBetweenStops == 0 && stop != nil && stop() {
			return nil, nil, ErrStopped
		}
		start := len(buf)
		buf = append(buf, '{')
		row := make([]string, 0, len(cols))
		for _, c := range cols {
			mark := len(buf)
			buf = appendMember(buf, c.name)
			var text string
			var empty bool
			buf, text, empty = c.appendCell(buf, s, p)
			if c.csv {
				row = append(row, text)
			}
			if c.omit && empty {
				buf = buf[:mark]
			}
		}
		buf = append(buf, '}')
		if start == 0 && len(pages) > 1 { // room for the others, as long as the first
			buf = append(make([]byte, 0, len(buf)*len(pages)*5/4), buf...)
		}
		// The record keeps its bytes when buf grows into a new array.
		recs, rows = append(recs, json.RawMessage(buf[start:len(buf):len(buf)])), append(rows, row)
	}
	return recs, rows, nil
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

func appendStrings(dst []byte, list []string) []byte {
	dst = append(dst, '[')
	for i, s := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, s)
	}
	return append(dst, ']')
}

// jsonPlain tells the ASCII bytes appendString leaves as they are.
var jsonPlain = func() (plain [utf8.RuneSelf]bool) {
	for b := range plain {
		plain[b] = b >= 0x20 && b != '"' && b != '\\'
	}
	return plain
}()

// appendString appends s as a JSON string, escaped as encoding/json
// escapes it with SetEscapeHTML(false), as marshal does: quotes,
// backslashes and control characters, invalid UTF-8 as U+FFFD, and the
// line and paragraph separators U+2028 and U+2029.
func appendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if jsonPlain[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
