package export

import (
	"bytes"
	"encoding/xml"
	"time"

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
	var buf bytes.Buffer
	buf.Grow(len(xml.Header) + feedBytes + feedEntryBytes*len(f.Entries))
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	if b := buf.Bytes(); cap(b)-len(b) > len(b)/8 {
		return bytes.Clone(b), nil // a feed larger than sized for grew: it is kept, so not with the slack
	}
	return buf.Bytes(), nil
}

// A feed's size, to make its buffer once: about what its head and each
// entry take (a practice's entry in the generated site of bench/ is
// 780 to 830 bytes).
const (
	feedBytes      = 1024
	feedEntryBytes = 850
)
