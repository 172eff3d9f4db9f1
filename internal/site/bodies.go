package site

import (
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
)

// WithBodies returns the model s with the bodies of files, a later reading
// of the same content files in which only bodies may have changed: every
// file of s is in files under its path, with the same front matter
// (MetaHash), and files has no other content files. The model is made of
// the front matter alone, so it stays the same; only what Source gives
// changes. s itself is not changed. It reports false, and returns nil,
// when files are not such a reading.
//
// A watching server uses it to take a save that changed a page's text but
// not its front matter without making the model again.
func (s *Site) WithBodies(files []*content.File) (*Site, bool) {
	byPath := make(map[string]*content.File, len(files))
	for _, f := range files {
		byPath[f.Path] = f
	}
	n := len(s.Drafts)
	newer := map[*Page]*content.File{}
	for _, p := range s.Pages {
		if p.Kind.Generated() || p.File == nil {
			continue
		}
		n++
		f, ok := byPath[p.File.Path]
		if !ok || f.MetaHash != p.File.MetaHash {
			return nil, false
		}
		if f != p.File && f.BodyHash != p.File.BodyHash {
			newer[p] = f
		}
	}
	if n != len(files) {
		return nil, false // a file added (or a generated page with a file)
	}
	next := *s
	next.Drafts = make([]*content.File, len(s.Drafts))
	for i, d := range s.Drafts {
		f, ok := byPath[d.Path]
		if !ok || f.MetaHash != d.MetaHash {
			return nil, false
		}
		next.Drafts[i] = f
	}
	next.sources = newer
	return &next, true
}

// Source returns the content file of page p as this model has it: p.File
// but for a model made by WithBodies, whose pages keep the File they were
// made from (the same front matter) while their bodies are in Source. Code
// that reads a page's body (its Markdown, BodyHash, positions in the body)
// reads it here.
func (s *Site) Source(p *Page) *content.File {
	if f, ok := s.sources[p]; ok {
		return f
	}
	return p.File
}

// ChangedBodies returns the pages whose bodies WithBodies changed, by
// Path.
func (s *Site) ChangedBodies() []*Page {
	out := make([]*Page, 0, len(s.sources))
	for p := range s.sources {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *Page) int { return strings.Compare(a.Path, b.Path) })
	return out
}
