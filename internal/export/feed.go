package export

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Links   []atomLink  `xml:"link"`
	Updated string      `xml:"updated"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Lang       string         `xml:"xml:lang,attr,omitempty"`
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Link       atomLink       `xml:"link"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Summary    string         `xml:"summary"`
	Categories []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// feed is the Atom feed of practices (newest first) in one language,
// published beside the page that lists them, at page.Path + "atom.xml".
func feed(s *site.Site, lang string, page *site.Page, title string, practices []*site.Page) ([]byte, error) {
	l := s.Config.Language(lang)
	f := atomFeed{
		Lang:  lang,
		Title: title + " – " + l.Title,
		ID:    s.AbsURL(page),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.AbsURL(page) + "atom.xml"},
			{Rel: "alternate", Type: "text/html", Href: s.AbsURL(page)},
		},
		Author: atomAuthor{Name: l.Title},
	}
	var newest time.Time
	for _, p := range practices {
		updated := p.Front.Updated
		if updated.IsZero() {
			updated = p.Front.Published
		}
		if updated.After(newest) {
			newest = updated
		}
		e := atomEntry{
			Title: p.Front.Title, ID: s.AbsURL(p),
			Link:      atomLink{Rel: "alternate", Type: "text/html", Href: s.AbsURL(p)},
			Published: stamp(p.Front.Published), Updated: stamp(updated), Summary: p.Front.Summary,
		}
		if p.Lang != lang {
			e.Lang = p.Lang
		}
		for _, t := range schema.PracticeOf(p).ThemeTerms {
			e.Categories = append(e.Categories, atomCategory{Term: t.ID, Label: t.In(lang)})
		}
		f.Entries = append(f.Entries, e)
	}
	f.Updated = stamp(newest)
	buf := make([]byte, 0, len(xml.Header)+feedBytes+feedEntryBytes*len(f.Entries))
	buf = f.appendTo(append(buf, xml.Header...))
	if cap(buf)-len(buf) > len(buf)/8 {
		return bytes.Clone(buf), nil // a feed larger than sized for grew: it is kept, so not with the slack
	}
	return buf, nil
}

// appendTo appends the feed as encoding/xml's Encoder writes it with
// Indent("", "  "), by the struct tags above, and a newline, but
// without its reflection (FuzzAtom compares the two). It is for a feed
// that follows the XML header: the first element starts no new line.
func (f *atomFeed) appendTo(dst []byte) []byte {
	x := xmlWriter{dst: dst}
	x.open(0, "feed", "xmlns", "http://www.w3.org/2005/Atom", "xml:lang", f.Lang)
	x.text(1, "title", f.Title)
	x.text(1, "id", f.ID)
	for _, l := range f.Links {
		x.link(1, l)
	}
	x.text(1, "updated", f.Updated)
	x.open(1, "author")
	x.text(2, "name", f.Author.Name)
	x.close(1, "author")
	for i := range f.Entries {
		e := &f.Entries[i]
		if e.Lang != "" {
			x.open(1, "entry", "xml:lang", e.Lang)
		} else {
			x.open(1, "entry")
		}
		x.text(2, "title", e.Title)
		x.text(2, "id", e.ID)
		x.link(2, e.Link)
		x.text(2, "published", e.Published)
		x.text(2, "updated", e.Updated)
		x.text(2, "summary", e.Summary)
		for _, c := range e.Categories {
			x.open(2, "category", "term", c.Term, "label", c.Label)
			x.dst = append(x.dst, "</category>"...)
		}
		x.close(1, "entry")
	}
	x.close(0, "feed")
	return append(x.dst, '\n')
}

// xmlWriter appends elements, each on a line of its own at its depth.
type xmlWriter struct{ dst []byte }

func (x *xmlWriter) line(depth int) {
	if len(x.dst) > 0 && x.dst[len(x.dst)-1] != '\n' {
		x.dst = append(x.dst, '\n')
	}
	for range depth {
		x.dst = append(x.dst, ' ', ' ')
	}
}

// open starts an element with attributes, given as name and value.
func (x *xmlWriter) open(depth int, name string, attrs ...string) {
	x.line(depth)
	x.dst = append(append(x.dst, '<'), name...)
	for i := 0; i < len(attrs); i += 2 {
		x.dst = append(append(append(x.dst, ' '), attrs[i]...), `="`...)
		x.escape(attrs[i+1])
		x.dst = append(x.dst, '"')
	}
	x.dst = append(x.dst, '>')
}

func (x *xmlWriter) close(depth int, name string) {
	x.line(depth)
	x.dst = append(append(append(x.dst, "</"...), name...), '>')
}

// text writes an element that holds only text.
func (x *xmlWriter) text(depth int, name, text string) {
	x.open(depth, name)
	x.escape(text)
	x.dst = append(append(append(x.dst, "</"...), name...), '>')
}

func (x *xmlWriter) link(depth int, l atomLink) {
	if l.Type != "" {
		x.open(depth, "link", "rel", l.Rel, "type", l.Type, "href", l.Href)
	} else {
		x.open(depth, "link", "rel", l.Rel, "href", l.Href)
	}
	x.dst = append(x.dst, "</link>"...)
}

// escape appends s escaped as encoding/xml escapes both texts and
// attribute values (xml.EscapeText): the five markup characters, tab and
// line ends as references, and what is not an XML character, or not
// UTF-8, as U+FFFD.
func (x *xmlWriter) escape(s string) {
	last := 0
	for i := 0; i < len(s); {
		start := i
		var esc string
		if b := s[i]; b < utf8.RuneSelf {
			i++
			if xmlPlain[b] {
				continue
			}
			switch b {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\n':
				esc = "&#xA;"
			case '\r':
				esc = "&#xD;"
			default:
				esc = "\uFFFD"
			}
		} else {
			r, width := utf8.DecodeRuneInString(s[i:])
			i += width
			if xmlChar(r) && (r != utf8.RuneError || width > 1) {
				continue
			}
			esc = "\uFFFD"
		}
		x.dst = append(append(x.dst, s[last:start]...), esc...)
		last = i
	}
	x.dst = append(x.dst, s[last:]...)
}

// xmlPlain tells the ASCII bytes escape leaves as they are.
var xmlPlain = func() (plain [utf8.RuneSelf]bool) {
	for b := range plain {
		plain[b] = b >= 0x20 && !strings.ContainsRune(`"'&<>`, rune(b))
	}
	return plain
}()

// xmlChar reports whether r may be in an XML document (the Char
// production of XML 1.0), as encoding/xml decides it.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// A feed's size, to make its buffer once: about what its head and each
// entry take (a practice's entry in the generated site of bench/ is
// 780 to 830 bytes).
const (
	feedBytes      = 1024
	feedEntryBytes = 850
)
