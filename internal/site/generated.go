package site

import (
	"cmp"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
)

// Generated describes a page made by the build rather than written by an
// editor, such as a facet page of the good practices, in one language.
type Generated struct {
	Parent  *Page  // the page it sits below, in its language
	Key     string // translation key, shared by its versions in other languages
	Slug    string // path below Parent: "teemat/dialogit"
	Title   string
	Summary string
	Kind    Kind // one of the generated kinds
	Params  any
}

// AddGenerated adds generated pages to the site: each below its parent,
// paired with the others of the same key, and in the sitemap. It reports a
// generated URL that an editor's page already has. It is for making the
// model (schema.Model), before the model is handed out.
func (s *Site) AddGenerated(gen []Generated) diag.List {
	var errs diag.List
	taken := make(map[string]*Page, len(s.Pages)+len(gen)) // sized, as it is remade for every model
	for _, p := range s.Pages {
		taken[p.Path] = p
	}
	groups := make(map[string][]*Page, len(gen))
	added := make([]*Page, 0, len(gen))
	for _, g := range gen {
		f := &content.File{
			Path:  g.Parent.File.Path,
			Dir:   g.Parent.Dir,
			Name:  g.Key,
			Lang:  g.Parent.Lang,
			Front: content.Front{Title: g.Title, Summary: g.Summary},
		}
		p := &Page{File: f, Kind: g.Kind, Key: g.Key, Type: g.Parent.Type, Params: g.Params,
			Path: g.Parent.Path + strings.Trim(g.Slug, "/") + "/", Parent: g.Parent}
		if q := taken[p.Path]; q != nil {
			errs.Add(q.Pos(), "URL /%s is also the URL of a generated page (%s)", p.Path, g.Title).Hint = "give this page another slug"
			continue
		}
		taken[p.Path] = p
		groups[p.Key] = append(groups[p.Key], p)
		added = append(added, p)
	}
	order := map[string]int{}
	for i, l := range s.Config.Languages {
		order[l.Code] = i
	}
	for _, g := range groups {
		slices.SortStableFunc(g, func(a, b *Page) int { return cmp.Compare(order[a.Lang], order[b.Lang]) })
		for _, p := range g {
			p.translations = g
		}
	}
	slices.SortFunc(added, pathOrder)
	s.Pages = mergeSorted(s.Pages, added)
	return errs
}

// pathOrder is the order of Site.Pages: by URL path, then source file.
func pathOrder(a, b *Page) int {
	if c := strings.Compare(a.Path, b.Path); c != 0 { // as paths are unique but for mistakes, nearly always
		return c
	}
	return strings.Compare(a.File.Path, b.File.Path)
}

// mergeSorted merges two lists in pathOrder into a new one, in that
// order: the site's pages, kept in it since site.New, and the generated
// ones, without sorting them all again.
func mergeSorted(a, b []*Page) []*Page {
	out := make([]*Page, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if pathOrder(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}
