// Package site builds the model of the whole site from the loaded content:
// which pages exist in which language, how translations pair, where each
// page's URL is, what each section lists, and where a Markdown link points.
// It is pure: no file access, no rendering.
package site

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/decode"
	"github.com/opengov-fi/opengov/internal/diag"
)

// Kind tells what a page is.
type Kind uint8

// The kinds of page.
const (
	KindPage Kind = iota
	KindSection
	KindHome
)

// Page is one page in one language.
type Page struct {
	*content.File
	Kind Kind
	Key  string // translation key: pages with the same key translate each other
	Type string // section schema type ("" for the common fields only)
	// Params holds the section-specific front matter decoded by the type's
	// schema, or nil.
	Params any
	// Path is the page's folder below the site root, with a trailing slash:
	// "en/commitments/". The page is written to Path + "index.html".
	Path string
	// Template, when set, names the template file of a generated page.
	Template string

	Parent       *Page   // the section (or home) the page belongs to, in the same language
	Children     []*Page // for a section: its pages and subsections, in order
	translations []*Page // every language version, in config order, self included
}

// Translations returns the page in every language it exists in, in the
// order of site.toml, the page itself included.
func (p *Page) Translations() []*Page { return p.translations }

// Translation returns the page's version in lang, or nil.
func (p *Page) Translation(lang string) *Page {
	for _, t := range p.translations {
		if t.Lang == lang {
			return t
		}
	}
	return nil
}

// NearestIn returns the page's version in lang when it exists; otherwise
// the translation of its nearest ancestor that has one (at worst, lang's
// home page), and false.
func (p *Page) NearestIn(lang string) (*Page, bool) {
	if t := p.Translation(lang); t != nil {
		return t, true
	}
	for a := p.Parent; a != nil; a = a.Parent {
		if t := a.Translation(lang); t != nil {
			return t, false
		}
	}
	return nil, false
}

// Ancestors returns the sections above the page, from home down.
func (p *Page) Ancestors() []*Page {
	var out []*Page
	for a := p.Parent; a != nil; a = a.Parent {
		out = append(out, a)
	}
	slices.Reverse(out)
	return out
}

// Site is the model of the whole site.
type Site struct {
	Config  *config.Config
	Pages   []*Page // every page, sorted by Path
	Home    map[string]*Page
	Menus   map[string][]MenuEntry // main navigation, by language
	Footers map[string][]MenuEntry // footer links, by language
	// Drafts are the files left out as drafts (draft: true, without the
	// Drafts option), so that checks can tell a draft from a missing page.
	Drafts []*content.File

	bySource map[string]*Page // SourceKey + "." + lang
}

// MenuEntry is a resolved menu item: a page of the site or an external URL.
type MenuEntry struct {
	Name string
	Page *Page
	URL  string
}

// Schema decodes a typed section's extra front-matter fields.
type Schema struct {
	Decode func(f *content.File) (any, diag.List)
}

// Options control which content is built.
type Options struct {
	Drafts  bool
	Schemas map[string]Schema
}

// New builds the site model from files, reporting every inconsistency.
func New(cfg *config.Config, files []*content.File, opts Options) (*Site, diag.List) {
	s := &Site{Config: cfg, Home: map[string]*Page{}, Menus: map[string][]MenuEntry{}, Footers: map[string][]MenuEntry{}, bySource: map[string]*Page{}}
	var errs diag.List
	for _, f := range files {
		if f.Front.Draft && !opts.Drafts {
			s.Drafts = append(s.Drafts, f)
			continue
		}
		p := &Page{File: f, Kind: KindPage, Key: cmp.Or(f.Front.TranslationKey, f.SourceKey())}
		if f.IsIndex() {
			p.Kind = KindSection
			if f.Dir == "" {
				p.Kind = KindHome
				s.Home[f.Lang] = p
			}
		}
		p.Type = cfg.SectionType(f.Dir)
		if _, ok := opts.Schemas[f.Front.Layout]; ok && p.Type == "" {
			p.Type = f.Front.Layout // a page whose layout has a schema of its own
		}
		errs = append(errs, decodeParams(p, opts.Schemas)...)
		s.Pages = append(s.Pages, p)
		s.bySource[f.SourceKey()+"."+f.Lang] = p
	}
	for _, l := range cfg.Languages {
		if s.Home[l.Code] == nil {
			errs.Add(diag.Pos{File: path.Join(content.Dir, content.IndexName+"."+l.Code+".md")}, "the home page of language %q is missing", l.Code).Hint = "every language in site.toml needs a home page"
		}
	}
	errs = append(errs, s.pairTranslations()...)
	s.linkParents()
	errs = append(errs, s.assignPaths()...)
	errs = append(errs, s.resolveMenus()...)
	return s, errs
}

func decodeParams(p *Page, schemas map[string]Schema) diag.List {
	schema, typed := schemas[p.Type]
	if typed && (!p.IsIndex() || p.Type == p.Front.Layout) {
		params, errs := schema.Decode(p.File)
		p.Params = params
		return errs
	}
	if len(p.Rest) == 0 {
		return nil
	}
	// The shared schema is all there is: any other field is unknown.
	rest := &decode.Node{Kind: decode.Map, Fields: p.Rest}
	return decode.Into(rest, &struct{}{}, p.File.Path, decode.Options{AlsoKnown: FrontFields()})
}

// FrontFields lists the front-matter fields every page may have.
func FrontFields() []string {
	return []string{"title", "summary", "slug", "translationKey", "draft", "weight", "published", "updated", "layout", "source_hash"}
}

// pairTranslations groups pages by key, and reports two pages of one
// language that claim the same key.
func (s *Site) pairTranslations() diag.List {
	var errs diag.List
	groups := map[string][]*Page{}
	for _, p := range s.Pages {
		for _, q := range groups[p.Key] {
			switch {
			case q.Lang == p.Lang:
				errs.Add(p.Pos(), "translation key %q is also used by %s", p.Key, q.File.Path).Hint = "each language may have one page per key: change translationKey or rename a file"
			case q.Type != p.Type:
				errs.Add(p.Pos(), "translation key %q pairs this page with %s, which is of another kind (%s, not %s)", p.Key, q.File.Path, typeName(q.Type), typeName(p.Type)).Hint = "a page translates only a page of its own section type: change translationKey"
			}
		}
		groups[p.Key] = append(groups[p.Key], p)
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
	return errs
}

func typeName(t string) string {
	if t == "" {
		return "an untyped page"
	}
	return t
}

// linkParents sets each page's parent: the index page of the nearest folder
// at or above its own (above, for an index page) in the same language.
func (s *Site) linkParents() {
	for _, p := range s.Pages {
		if p.Kind == KindHome {
			continue
		}
		dir := p.Dir
		if p.IsIndex() {
			dir = parentDir(dir)
		}
		for {
			if parent := s.bySource[path.Join(dir, content.IndexName)+"."+p.Lang]; parent != nil {
				p.Parent = parent
				parent.Children = append(parent.Children, p)
				break
			}
			if dir == "" {
				break
			}
			dir = parentDir(dir)
		}
	}
	for _, p := range s.Pages {
		slices.SortStableFunc(p.Children, ChildOrder)
	}
}

func parentDir(dir string) string {
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		return dir[:i]
	}
	return ""
}

// ChildOrder orders a section's pages: by weight (pages with a weight
// first), then newest published first, then by title.
func ChildOrder(a, b *Page) int {
	wa, wb := a.Front.Weight, b.Front.Weight
	if (wa == 0) != (wb == 0) { // weighted pages first
		if wa != 0 {
			return -1
		}
		return 1
	}
	return cmp.Or(
		cmp.Compare(wa, wb),
		b.Front.Published.Compare(a.Front.Published),
		CompareFold(a.Front.Title, b.Front.Title),
		cmp.Compare(a.File.Path, b.File.Path),
	)
}

// CompareFold compares two titles ignoring case, without allocating.
func CompareFold(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if c := cmp.Compare(unicode.ToLower(ra), unicode.ToLower(rb)); c != 0 {
			return c
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// assignPaths gives each page its URL path: the language prefix, the slugs
// of its section folders in its language, and its own slug.
func (s *Site) assignPaths() diag.List {
	var errs diag.List
	prefix := map[string]string{}
	for _, l := range s.Config.Languages {
		prefix[l.Code] = l.Prefix
	}
	byPath := map[string]*Page{}
	badDirs := map[string]bool{} // folder.lang already reported
	for _, p := range s.Pages {
		segs := []string{prefix[p.Lang]}
		dirs := strings.Split(p.Dir, "/")
		for i := range dirs {
			if p.Dir == "" {
				break
			}
			dir := strings.Join(dirs[:i+1], "/")
			seg := dirs[i]
			if idx := s.bySource[path.Join(dir, content.IndexName)+"."+p.Lang]; idx != nil && idx.Front.Slug != "" {
				seg = idx.Front.Slug
			} else if !content.ValidSlug(seg) && !badDirs[dir+"."+p.Lang] {
				badDirs[dir+"."+p.Lang] = true
				errs.Add(p.Pos(), "the folder name %q cannot be part of a URL: it may only have lowercase a-z, digits and single hyphens", seg).Hint =
					fmt.Sprintf("rename the folder, or give %s slug: %s", path.Join(content.Dir, dir, content.IndexName+"."+p.Lang+".md"), cmp.Or(content.Slugify(seg), "..."))
			}
			segs = append(segs, seg)
		}
		if !p.IsIndex() {
			segs = append(segs, cmp.Or(p.Front.Slug, p.Name))
		}
		p.Path = strings.Join(segs, "/") + "/"
		if q := byPath[p.Path]; q != nil {
			errs.Add(p.Pos(), "URL /%s is also the URL of %s", p.Path, q.File.Path).Hint = "give one of them another slug"
			continue
		}
		byPath[p.Path] = p
	}
	slices.SortFunc(s.Pages, func(a, b *Page) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.File.Path, b.File.Path))
	})
	return errs
}

func (s *Site) resolveMenus() diag.List {
	var errs diag.List
	for li := range s.Config.Languages {
		l := &s.Config.Languages[li]
		s.Menus[l.Code] = s.resolveMenu(l.Code, l.Menu, &errs)
		s.Footers[l.Code] = s.resolveMenu(l.Code, l.Footer, &errs)
	}
	return errs
}

func (s *Site) resolveMenu(lang string, items []config.MenuItem, errs *diag.List) []MenuEntry {
	var out []MenuEntry
	for i := range items {
		m := &items[i]
		e := MenuEntry{Name: m.Name, URL: m.URL}
		if m.Page != "" {
			key := strings.TrimSuffix(strings.TrimPrefix(m.Page, "/"), ".md")
			e.Page = s.bySource[key+"."+lang]
			if e.Page == nil {
				errs.Add(s.Config.MenuPos(m), "menu entry %q: there is no page %s in language %q", m.Name, m.Page, lang).Hint = "name a content path without language, e.g. good-practices/_index"
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// RelURL is the page's URL as linked from inside the site: "/opengov/en/x/".
func (s *Site) RelURL(p *Page) string { return s.Config.BasePath() + p.Path }

// AbsURL is the page's full URL: "https://example.org/opengov/en/x/".
func (s *Site) AbsURL(p *Page) string { return s.Config.BaseURL + p.Path }

// PagesIn returns the pages of one language, sorted by Path.
func (s *Site) PagesIn(lang string) []*Page {
	var out []*Page
	for _, p := range s.Pages {
		if p.Lang == lang {
			out = append(out, p)
		}
	}
	return out
}

// DraftOf returns the draft left out of the site that would be p's
// version in lang, or nil.
func (s *Site) DraftOf(p *Page, lang string) *content.File {
	for _, f := range s.Drafts {
		if f.Lang == lang && cmp.Or(f.Front.TranslationKey, f.SourceKey()) == p.Key {
			return f
		}
	}
	return nil
}

// BySource returns the page from the content file at key ("x/y" or
// "x/_index", no language, no extension) in lang, or nil.
func (s *Site) BySource(key, lang string) *Page { return s.bySource[key+"."+lang] }

// Relations is implemented by the Params of typed pages that show other
// pages (a facet page its practices, a commitment its measures): what the
// page renders depends on what those pages say.
type Relations interface {
	RelatedPages() []*Page
}
