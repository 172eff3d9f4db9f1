package site

import (
	"maps"
	"slices"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
)

// A save that changes a page's front matter but not where any page is
// (its themes, its summary) leaves the site's structure as it was: which
// pages exist, how they pair, their parents, children and paths, the
// menus. New then takes that structure from the model made before
// (Options.Like) and makes only the pages again, with the new files and
// their decoded front matter. It never changes the model it reads.
//
// The structure is reused when, file by file in the order given, the
// fields it is made of are the same: the path (folder, name, language),
// draft, translationKey, layout and slug, and what orders a section's
// pages (weight, published, title). Like must be a model made by New for
// the same site.toml, options and schemas; one whose structure had
// errors is not reused.

// structure is what New keeps in a model for a later New to reuse.
type structure struct {
	files   []*content.File // as given to New
	drafts  bool            // Options.Drafts
	schemas []string        // the names in Options.Schemas, sorted
	ok      bool            // the structure had no errors
	reused  bool            // it is an earlier model's (remake made the model)
	// editor are the editor's pages as New made them, by Path; each
	// page's seq is its index here and file its index in files.
	editor []*Page
}

// schemaNames returns the names of the schemas, sorted.
func schemaNames(schemas map[string]Schema) []string {
	return slices.Sorted(maps.Keys(schemas))
}

// sameStructure reports whether files, read with opts, make the
// structure of like (a nil one: none).
func (like *structure) sameStructure(files []*content.File, opts Options) bool {
	if like == nil || !like.ok || like.drafts != opts.Drafts || len(like.files) != len(files) || !slices.Equal(like.schemas, schemaNames(opts.Schemas)) {
		return false
	}
	for i, f := range files {
		was := like.files[i]
		a, b := &f.Front, &was.Front
		if f.Path != was.Path || a.Draft != b.Draft || a.TranslationKey != b.TranslationKey || a.Layout != b.Layout ||
			a.Slug != b.Slug || a.Weight != b.Weight || !a.Published.Equal(b.Published) || a.Title != b.Title {
			return false
		}
	}
	return true
}

// remake makes the model of files on prev's structure, as New would
// make it (sameStructure said so).
func (prev *Site) remake(cfg *config.Config, files []*content.File, opts Options) (*Site, diag.List) {
	like := prev.structure
	s := &Site{Config: cfg, Home: make(map[string]*Page, len(prev.Home)), Menus: make(map[string][]MenuEntry, len(prev.Menus)),
		Footers: make(map[string][]MenuEntry, len(prev.Footers)), bySource: make(map[string]*Page, len(prev.bySource)),
		Pages: make([]*Page, len(like.editor))}
	s.structure = &structure{files: files, drafts: opts.Drafts, schemas: like.schemas, ok: true, reused: true, editor: s.Pages}
	pages := make([]Page, len(like.editor))
	byFile := make([]*Page, len(files))
	for i, o := range like.editor {
		p := &pages[i]
		*p = Page{File: files[o.file], Kind: o.Kind, Key: o.Key, Type: o.Type, Path: o.Path, seq: i, file: o.file}
		s.Pages[i], byFile[o.file] = p, p
	}
	at := func(o *Page) *Page {
		if o == nil {
			return nil
		}
		return s.Pages[o.seq]
	}
	for i, o := range like.editor {
		p := s.Pages[i]
		p.Parent = at(o.Parent)
		if o.Children != nil {
			p.Children = make([]*Page, len(o.Children))
			for k, c := range o.Children {
				p.Children[k] = at(c)
			}
		}
		if o.translations[0] == o { // the group's first: the group once for all
			group := make([]*Page, len(o.translations))
			for k, t := range o.translations {
				group[k] = at(t)
			}
			for _, t := range group {
				t.translations = group
			}
		}
	}
	// The front matter is decoded in the files' order, as New does, so
	// that its errors come in the same order.
	var errs diag.List
	for j, f := range files {
		if p := byFile[j]; p != nil {
			errs = append(errs, decodeParams(p, opts.Schemas)...)
		} else {
			s.Drafts = append(s.Drafts, f)
		}
	}
	for key, o := range prev.bySource {
		s.bySource[key] = at(o)
	}
	for lang, h := range prev.Home {
		s.Home[lang] = at(h)
	}
	remenu := func(entries []MenuEntry) []MenuEntry {
		out := slices.Clone(entries)
		for i := range out {
			out[i].Page = at(out[i].Page)
		}
		return out
	}
	for lang, m := range prev.Menus {
		s.Menus[lang] = remenu(m)
	}
	for lang, m := range prev.Footers {
		s.Footers[lang] = remenu(m)
	}
	return s, errs
}
