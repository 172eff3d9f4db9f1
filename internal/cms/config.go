package cms

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net"
	"net/url"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// APIPath is where `opengov serve` answers Decap's proxy protocol, below
// the site's base path.
const APIPath = Dir + "/api/v1"

// MediaDir is where the CMS stores uploaded images, below static/.
const MediaDir = "media"

// Field is one field of a Decap collection. Options and Fields nest.
type Field map[string]any

// Collection is one Decap collection: a folder of entries or a list of
// files.
type Collection struct {
	Name            string        `json:"name"`
	Label           string        `json:"label"`
	Folder          string        `json:"folder,omitempty"`
	Create          bool          `json:"create,omitempty"`
	Slug            string        `json:"slug,omitempty"`
	IdentifierField string        `json:"identifier_field,omitempty"`
	Summary         string        `json:"summary,omitempty"`
	Extension       string        `json:"extension,omitempty"`
	Format          string        `json:"format,omitempty"`
	Filter          *Filter       `json:"filter,omitempty"`
	SortableFields  []string      `json:"sortable_fields,omitempty"`
	I18n            bool          `json:"i18n"`
	Fields          []Field       `json:"fields,omitempty"`
	Files           []FileEntry   `json:"files,omitempty"`
	Editor          *EditorConfig `json:"editor,omitempty"`
}

// Filter keeps a folder collection's entries whose field has the value.
type Filter struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// FileEntry is one page of a file collection.
type FileEntry struct {
	Name   string  `json:"name"`
	Label  string  `json:"label"`
	File   string  `json:"file"`
	Fields []Field `json:"fields"`
}

// EditorConfig switches Decap's preview pane.
type EditorConfig struct {
	Preview bool `json:"preview"`
}

// Decap is the whole configuration, as config.yml (JSON is YAML).
type Decap struct {
	Backend      map[string]string `json:"backend"`
	LocalBackend *LocalBackend     `json:"local_backend,omitempty"`
	Locale       string            `json:"locale"`
	SiteURL      string            `json:"site_url"`
	DisplayURL   string            `json:"display_url"`
	MediaFolder  string            `json:"media_folder"`
	PublicFolder string            `json:"public_folder"`
	Slug         map[string]any    `json:"slug"`
	I18n         I18n              `json:"i18n"`
	Collections  []Collection      `json:"collections"`
}

// LocalBackend points Decap, on a loopback address only, at serve's proxy.
type LocalBackend struct {
	URL string `json:"url"`
}

// I18n is Decap's i18n setting: one file per language, <name>.<lang>.md.
type I18n struct {
	Structure     string   `json:"structure"`
	Locales       []string `json:"locales"`
	DefaultLocale string   `json:"default_locale"`
}

// Input is what the configuration is made from.
type Input struct {
	Site    *site.Site
	Vocab   *schema.Vocabularies // nil when no section is typed
	Catalog *i18n.Catalog
	Types   schema.Types // the content types the site was built with
}

// Generate makes the Decap configuration whose labels are in lang: the
// editor's language.
func Generate(in Input, lang string) (*Decap, error) {
	cfg := in.Site.Config
	loc := in.Catalog.For(lang)
	if loc == nil {
		return nil, fmt.Errorf("no messages for language %q", lang)
	}
	g := &generator{in: in, lang: lang, loc: loc}
	d := &Decap{
		Backend:      backend(cfg),
		Locale:       lang,
		SiteURL:      cfg.BaseURL,
		DisplayURL:   cfg.BaseURL,
		MediaFolder:  path.Join("static", MediaDir),
		PublicFolder: cfg.BasePath() + MediaDir,
		Slug:         map[string]any{"encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-"},
		I18n:         I18n{Structure: "multiple_files", DefaultLocale: cfg.DefaultLanguage},
	}
	for _, l := range cfg.Languages {
		d.I18n.Locales = append(d.I18n.Locales, l.Code)
	}
	if isLoopback(cfg.BaseURL) {
		d.LocalBackend = &LocalBackend{URL: cfg.BaseURL + APIPath}
	}
	cols, err := g.collections()
	if err != nil {
		return nil, err
	}
	d.Collections = cols
	return d, g.err
}

// JSON encodes the configuration, indented, the same every time.
func (d *Decap) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(d, "", "  ")
	return append(b, '\n'), err
}

func backend(cfg *config.Config) map[string]string {
	m := cfg.CMS
	if m == nil {
		return map[string]string{"name": "git-gateway", "branch": "main"}
	}
	b := map[string]string{"name": m.Backend, "branch": m.Branch}
	for k, v := range map[string]string{"repo": m.Repo, "api_root": m.APIRoot, "base_url": m.AuthURL, "auth_endpoint": m.AuthEndpoint} {
		if v != "" {
			b[k] = v
		}
	}
	return b
}

// isLoopback reports whether the site is served from this machine, as
// `opengov serve` serves it: only then does the CMS look for its local
// backend.
func isLoopback(base string) bool {
	u, err := url.Parse(base)
	if err != nil {
		return false
	}
	if u.Hostname() == "localhost" {
		return true
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && ip.IsLoopback()
}

type generator struct {
	in   Input
	lang string
	loc  *i18n.Localizer
	err  error
}

// label is the field's name in the editor's language.
func (g *generator) label(id string) string {
	s, err := g.loc.T(id)
	if err != nil && g.err == nil {
		g.err = fmt.Errorf("the CMS has no label for %s: add [%s] to i18n/%s.toml (%v)", id, id, g.lang, err)
	}
	return s
}

// collections makes a folder collection for each folder of typed entries
// (the good practices; the commitments of each action plan) and one file
// collection for every other page.
func (g *generator) collections() ([]Collection, error) {
	s := g.in.Site
	folders := map[string]string{} // folder -> section type
	var groups []*site.Page        // first page of each other translation group
	seen := map[string]bool{}
	for _, p := range s.Pages {
		if p.Kind.Generated() || seen[p.Key] {
			continue
		}
		seen[p.Key] = true
		if p.Type != "" && !p.IsIndex() && g.in.Vocab != nil {
			if t := g.in.Types.Get(p.Type); t != nil && !t.Layout {
				folders[p.Dir] = p.Type
				continue
			}
		}
		groups = append(groups, p)
	}
	// A typed section without entries yet still gets its collection.
	for dir, sec := range s.Config.Sections {
		has := false
		for f := range folders {
			has = has || f == dir || strings.HasPrefix(f, dir+"/")
		}
		if sec.Type != "" && !has && g.in.Vocab != nil {
			folders[dir] = sec.Type
		}
	}
	var out []Collection
	dirs := make([]string, 0, len(folders))
	for d := range folders {
		dirs = append(dirs, d)
	}
	// In the order of the types (the good practices first), then newest
	// first (the action plans).
	order := func(typ string) int {
		return slices.IndexFunc(g.in.Types, func(t *schema.Type) bool { return t.Name == typ })
	}
	slices.SortFunc(dirs, func(a, b string) int {
		return cmp.Or(cmp.Compare(order(folders[a]), order(folders[b])), cmp.Compare(b, a))
	})
	for _, dir := range dirs {
		c, err := g.folder(dir, folders[dir])
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	// Decap's file collections take no multiple_files i18n: each language
	// of a page is a file of its own, a missing one made by its first save.
	files := Collection{Name: "pages", Label: g.label("cms_pages")}
	slices.SortFunc(groups, func(a, b *site.Page) int { return cmp.Compare(a.SourceKey(), b.SourceKey()) })
	for _, p := range groups {
		typ := pageType
		if t := g.in.Types.Get(p.Type); t != nil && t.Layout {
			typ = typeOf(t)
		}
		fields, err := g.fields(typ)
		if err != nil {
			return nil, err
		}
		withoutI18n(fields)
		key := p.SourceKey()
		name := strings.ReplaceAll(strings.TrimSuffix(strings.TrimSuffix(key, content.IndexName), "/"), "/", "-")
		if name == "" {
			name = "home"
		}
		for _, l := range s.Config.Languages {
			files.Files = append(files.Files, FileEntry{
				Name: name + "-" + l.Code, Label: g.titleIn(p) + " (" + l.Name + ")",
				File: path.Join(content.Dir, key) + "." + l.Code + ".md", Fields: fields,
			})
		}
	}
	return append(out, files), nil
}

// titleIn is the page's title in the editor's language, or in the first
// language it has.
func (g *generator) titleIn(p *site.Page) string {
	if t := p.Translation(g.lang); t != nil {
		return t.Front.Title
	}
	return p.Translations()[0].Front.Title
}

// folder makes the collection of the typed entries in dir.
func (g *generator) folder(dir, typ string) (Collection, error) {
	t := g.in.Types.Get(typ)
	if t == nil {
		return Collection{}, fmt.Errorf("section %s has type %q, which the build does not know", dir, typ)
	}
	fields, err := g.fields(typeOf(t))
	if err != nil {
		return Collection{}, err
	}
	c := Collection{
		Name: strings.ReplaceAll(dir, "/", "-"), Label: dir, Folder: path.Join(content.Dir, dir), Create: true,
		Slug: cmp.Or(t.CMS.Slug, "{{slug}}"), IdentifierField: "title", Summary: "{{title}}", Extension: "md", Format: "yaml-frontmatter",
		I18n: true, SortableFields: []string{"title"}, Fields: fields,
	}
	if len(t.CMS.Sortable) > 0 {
		c.SortableFields = t.CMS.Sortable
	}
	if idx := g.in.Site.BySource(path.Join(dir, content.IndexName), g.lang); idx != nil {
		c.Label = idx.Front.Title
	} else if idx := g.in.Site.BySource(path.Join(dir, content.IndexName), g.in.Site.Config.DefaultLanguage); idx != nil {
		c.Label = idx.Front.Title
	}
	// A folder that holds one action plan: new entries get its years, and
	// the filter leaves out the plan's own page (_index).
	if t.CMS.Folder != "" {
		if value := g.sharedValue(t, dir); value != "" {
			c.Filter = &Filter{Field: t.CMS.Folder, Value: value}
			for _, f := range c.Fields {
				if f["name"] == t.CMS.Folder {
					f["widget"], f["default"] = "hidden", value
				}
			}
		}
	}
	return c, nil
}

// sharedValue returns the value of t's CMS.Folder field that all entries
// in dir have, or "".
func (g *generator) sharedValue(t *schema.Type, dir string) string {
	i := slices.IndexFunc(t.Fields(), func(f schema.Field) bool { return f.Name == t.CMS.Folder })
	if i < 0 {
		return ""
	}
	index := t.Fields()[i].Index
	value := ""
	for _, p := range g.in.Site.Pages {
		if !t.Has(p) || p.Dir != dir {
			continue
		}
		v := fmt.Sprint(reflect.ValueOf(p.Fields).Elem().FieldByIndex(index).Interface())
		if value != "" && value != v {
			return ""
		}
		value = v
	}
	return value
}

// withoutI18n drops the i18n settings of fields outside i18n collections.
func withoutI18n(fields []Field) {
	for _, f := range fields {
		delete(f, "i18n")
		if sub, ok := f["fields"].([]Field); ok {
			withoutI18n(sub)
		}
	}
}
