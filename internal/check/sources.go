package check

import (
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/markdown"
	"github.com/opengov-fi/opengov/internal/site"
)

// sources finds where in a page's Markdown a link, an image or a heading
// of the generated HTML was written. It reads what rendering learned of
// each page's Markdown (markdown.Report); it parses nothing again.
type sources struct {
	site    *site.Site
	reports map[string]*markdown.Report // by output path
	pages   map[*site.Page]*pageSource
}

// pageSource holds the positions in one page's Markdown.
type pageSource struct {
	refs  map[string][]diag.Pos // URL as rendered -> where written, in order
	noAlt map[string][]diag.Pos // the same, of images without alt text
	next  map[string]int        // code + " " + URL -> how many of refs[URL] were handed out
	heads map[string]diag.Pos   // heading id -> where written
	// urls are the links written as URLs or root paths rather than as
	// content files: where one points at a page of the site, the editor
	// should link its Markdown file, which follows the page's slug.
	urls []writtenURL
}

// writtenURL is a link written in Markdown as a URL.
type writtenURL struct {
	dest string
	pos  diag.Pos
}

func newSources(s *site.Site, reports map[string]*markdown.Report) *sources {
	return &sources{site: s, reports: reports, pages: map[*site.Page]*pageSource{}}
}

// ref returns where the page's Markdown has the link or image rendered as
// value; each call for the same code hands out the next occurrence.
func (s *sources) ref(p *site.Page, code diag.Code, value string) (diag.Pos, bool) {
	ps := s.of(p)
	if ps == nil {
		return diag.Pos{}, false
	}
	all := ps.refs[value]
	if code == CodeImageAlt {
		all = ps.noAlt[value]
	}
	if len(all) == 0 {
		return diag.Pos{}, false
	}
	i := min(ps.next[string(code)+" "+value], len(all)-1)
	ps.next[string(code)+" "+value]++
	return all[i], true
}

// heading returns where the page's Markdown has the heading with id.
func (s *sources) heading(p *site.Page, id string) (diag.Pos, bool) {
	ps := s.of(p)
	if ps == nil || id == "" {
		return diag.Pos{}, false
	}
	pos, ok := ps.heads[id]
	return pos, ok
}

// urlLinks returns the links of the page's Markdown written as URLs.
func (s *sources) urlLinks(p *site.Page) []writtenURL {
	if ps := s.of(p); ps != nil {
		return ps.urls
	}
	return nil
}

func (s *sources) of(p *site.Page) *pageSource {
	if p == nil {
		return nil
	}
	if ps, ok := s.pages[p]; ok {
		return ps
	}
	r := s.reports[p.Path+"index.html"]
	if r == nil { // a generated page: no Markdown
		s.pages[p] = nil
		return nil
	}
	ps := &pageSource{refs: map[string][]diag.Pos{}, noAlt: map[string][]diag.Pos{}, next: map[string]int{}, heads: map[string]diag.Pos{}}
	s.pages[p] = ps
	for _, l := range r.Links {
		ps.refs[l.Href] = append(ps.refs[l.Href], l.Pos)
		if !site.IsContentLink(l.Dest) && l.Dest != "" && l.Dest[0] != '#' {
			ps.urls = append(ps.urls, writtenURL{dest: l.Dest, pos: l.Pos})
		}
	}
	for _, img := range r.Images {
		ps.refs[img.Src] = append(ps.refs[img.Src], img.Pos)
		if !img.HasAlt {
			ps.noAlt[img.Src] = append(ps.noAlt[img.Src], img.Pos)
		}
	}
	for _, h := range r.Headings {
		if _, dup := ps.heads[h.ID]; h.ID != "" && !dup {
			ps.heads[h.ID] = h.Pos
		}
	}
	return ps
}
