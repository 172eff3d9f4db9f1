// Package config reads site.toml: the base URL, the languages with their
// titles, descriptions and menus, and the schema each content section uses.
package config

import (
	"cmp"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/decode"
	"github.com/opengov-fi/opengov/internal/diag"
)

// File is the name of the configuration file at the site root.
const File = "site.toml"

// Config is the validated site configuration.
type Config struct {
	BaseURL         string              `fm:"base_url,required"`
	DefaultLanguage string              `fm:"default_language,required"`
	Languages       []Language          `fm:"languages,required"`
	Sections        map[string]*Section `fm:"sections"`
	CMS             *CMS                `fm:"cms"`
	// Paginate is how many entries a page of a list shows; every list of
	// good practices is split into pages of this many. Load sets
	// DefaultPaginate when site.toml leaves it out.
	Paginate int `fm:"paginate"`

	// Positions of the menu entries, for errors found in later stages.
	menuPos map[*MenuItem]diag.Pos
}

// Language is one language of the site.
type Language struct {
	Code        string     `fm:"code,required"`   // BCP 47, e.g. "fi"
	Name        string     `fm:"name,required"`   // in the language itself: "suomi"
	Prefix      string     `fm:"prefix,required"` // URL prefix: "fi" gives /fi/
	Locale      string     `fm:"locale,required"` // Open Graph locale: "fi_FI"
	Title       string     `fm:"title,required"`
	Description string     `fm:"description,required"`
	Menu        []MenuItem `fm:"menu"`   // the main navigation
	Footer      []MenuItem `fm:"footer"` // links in every page's footer
	// PageSlug is the word in the URLs of a list's later pages:
	// "sivu" gives /fi/hyvat-kaytannot/sivu/2/. Load sets DefaultPageSlug
	// when it is left out.
	PageSlug string `fm:"page_slug"`
}

// The defaults of paginate and page_slug.
const (
	DefaultPaginate = 20
	DefaultPageSlug = "page"
)

// MenuItem links a page of the site (Page, a content path such as
// "good-practices/_index") or an external URL.
type MenuItem struct {
	Name string `fm:"name,required"`
	Page string `fm:"page"`
	URL  string `fm:"url"`
}

// Section configures a content section and every section below it.
type Section struct {
	// Type names the front-matter schema of the section's pages, e.g.
	// "practice"; empty means the common fields only.
	Type string `fm:"type"`
}

// CMS configures the browser CMS (Decap) at /admin/: whether the site
// has it, and the backend that stores what editors save in production.
// `opengov serve` always gives it a local backend instead.
type CMS struct {
	Enabled bool `fm:"enabled"`
	// Backend is Decap's backend name: "git-gateway" (the host's gateway
	// to the repository, e.g. Netlify Identity), "github", "gitlab",
	// "gitea" or "bitbucket".
	Backend string `fm:"backend,required"`
	Repo    string `fm:"repo"`   // "owner/name", for the git hosts
	Branch  string `fm:"branch"` // the branch saves go to; "main" if empty
	// APIRoot is the git host's API (Decap's api_root), for a
	// self-hosted GitLab or Gitea; AuthURL is the OAuth server (Decap's
	// base_url) with AuthEndpoint its path.
	APIRoot      string `fm:"api_root"`
	AuthURL      string `fm:"auth_url"`
	AuthEndpoint string `fm:"auth_endpoint"`
}

// CMSBackends are the backends [cms] backend may name.
var CMSBackends = []string{"git-gateway", "github", "gitlab", "gitea", "bitbucket"}

var (
	codeRE   = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	prefixRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	pageRE   = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	localeRE = regexp.MustCompile(`^[a-z]{2,3}_[A-Z]{2}$`)
	repoRE   = regexp.MustCompile(`^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$`)
)

// Load reads and validates File from fsys. types lists the section types the
// build knows, so a typo there is caught here.
func Load(fsys fs.FS, types []string) (*Config, diag.List) {
	src, err := fs.ReadFile(fsys, File)
	if err != nil {
		return nil, diag.List{{Pos: diag.Pos{File: File}, Msg: "cannot read the site configuration: " + err.Error(), Hint: "run opengov in the site's folder"}}
	}
	root, errs := decode.ParseTOML(src, File, 1)
	if errs != nil {
		return nil, errs
	}
	var c Config
	errs = decode.Into(root, &c, File, decode.Options{})
	if errs != nil {
		return nil, errs
	}
	errs = c.validate(root, types)
	return &c, errs
}

func at(n *decode.Node) diag.Pos {
	if n == nil {
		return diag.Pos{File: File}
	}
	return diag.Pos{File: File, Line: n.Line, Col: n.Col}
}

func (c *Config) validate(root *decode.Node, types []string) diag.List {
	var errs diag.List
	if base, ok := checkBaseURL(c.BaseURL); !ok {
		errs.Add(at(root.Get("base_url")), "base_url %q is not an absolute http(s) URL without query or fragment", c.BaseURL).Hint = `write it like "https://example.org/" or "https://example.org/opengov/"`
	} else {
		c.BaseURL = base
	}
	codes, prefixes := map[string]bool{}, map[string]bool{}
	c.menuPos = map[*MenuItem]diag.Pos{}
	langNodes := root.Get("languages")
	for i := range c.Languages {
		l := &c.Languages[i]
		n := langNodes.Items[i]
		switch {
		case !codeRE.MatchString(l.Code):
			errs.Add(at(n.Get("code")), "language code %q is not a BCP 47 code", l.Code).Hint = `use a code such as "fi", "en" or "sv"`
		case codes[l.Code]:
			errs.Add(at(n.Get("code")), "language %q is listed twice", l.Code)
		}
		codes[l.Code] = true
		switch {
		case !prefixRE.MatchString(l.Prefix):
			errs.Add(at(n.Get("prefix")), "prefix %q must be lowercase letters, digits and hyphens", l.Prefix)
		case prefixes[l.Prefix]:
			errs.Add(at(n.Get("prefix")), "prefix %q is used by two languages", l.Prefix)
		}
		prefixes[l.Prefix] = true
		switch {
		case l.PageSlug == "":
			l.PageSlug = DefaultPageSlug
		case !pageRE.MatchString(l.PageSlug):
			errs.Add(at(n.Get("page_slug")), "page_slug %q must be lowercase ASCII letters and hyphens", l.PageSlug).Hint = `write the word for "page" in the language, such as "sivu"`
		}
		if !localeRE.MatchString(l.Locale) {
			errs.Add(at(n.Get("locale")), "locale %q should look like fi_FI", l.Locale)
		}
		for key, menu := range map[string][]MenuItem{"menu": l.Menu, "footer": l.Footer} {
			nodes := n.Get(key)
			for j := range menu {
				m := &menu[j]
				c.menuPos[m] = at(nodes.Items[j])
				if (m.Page == "") == (m.URL == "") {
					errs.Add(at(nodes.Items[j]), "%s entry %q needs either page or url", key, m.Name).Hint = `page = "good-practices/_index" links a content page`
				}
			}
		}
	}
	if len(c.Languages) == 0 {
		errs.Add(at(langNodes), "at least one language is needed")
	}
	if !codes[c.DefaultLanguage] {
		errs.Add(at(root.Get("default_language")), "default_language %q is not one of the languages", c.DefaultLanguage)
	}
	switch {
	case c.Paginate == 0 && root.Get("paginate") == nil:
		c.Paginate = DefaultPaginate
	case c.Paginate < 1:
		errs.Add(at(root.Get("paginate")), "paginate is %d; a page must show at least one entry", c.Paginate).Hint = "write how many entries a page of a list shows, such as 20"
	}
	sectionNodes := root.Get("sections")
	for name, s := range c.Sections {
		if s.Type != "" && !slices.Contains(types, s.Type) {
			e := errs.Add(at(sectionNodes.Get(name).Get("type")), "unknown section type %q", s.Type)
			e.Hint = "known types: " + strings.Join(types, ", ")
		}
	}
	errs = append(errs, c.validateCMS(root.Get("cms"))...)
	return errs
}

func (c *Config) validateCMS(n *decode.Node) diag.List {
	var errs diag.List
	m := c.CMS
	if m == nil {
		return nil
	}
	if !slices.Contains(CMSBackends, m.Backend) {
		errs.Add(at(n.Get("backend")), "unknown CMS backend %q", m.Backend).Hint = "use one of " + strings.Join(CMSBackends, ", ")
	}
	if slices.Contains(CMSBackends[1:], m.Backend) && !repoRE.MatchString(m.Repo) {
		errs.Add(at(cmp.Or(n.Get("repo"), n)), "the %s backend needs repo = \"owner/name\"", m.Backend).Hint = "name the repository the site's sources are in"
	}
	for key, v := range map[string]string{"api_root": m.APIRoot, "auth_url": m.AuthURL} {
		if u, err := url.Parse(v); v != "" && (err != nil || u.Scheme != "https" || u.Host == "") {
			errs.Add(at(n.Get(key)), "%s %q is not an absolute https URL", key, v)
		}
	}
	if m.Branch == "" {
		m.Branch = "main"
	}
	return errs
}

// CMSEnabled reports whether the site has the browser CMS at /admin/.
func (c *Config) CMSEnabled() bool { return c.CMS != nil && c.CMS.Enabled }

// MenuPos is where a menu entry was written, for errors about its target.
func (c *Config) MenuPos(m *MenuItem) diag.Pos { return c.menuPos[m] }

// Language returns the language with the code, or nil.
func (c *Config) Language(code string) *Language {
	for i := range c.Languages {
		if c.Languages[i].Code == code {
			return &c.Languages[i]
		}
	}
	return nil
}

// SetBaseURL overrides base_url, as --base-url does.
func (c *Config) SetBaseURL(raw string) error {
	base, ok := checkBaseURL(raw)
	if !ok {
		return &diag.Error{Pos: diag.Pos{File: "--base-url"}, Msg: "not an absolute http(s) URL without query or fragment: " + raw}
	}
	c.BaseURL = base
	return nil
}

// checkBaseURL reports whether raw can be the base URL of the site (an
// absolute http or https URL without query or fragment), and returns it
// ending in "/", as every URL of the site is made by appending to it.
func checkBaseURL(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		return "", false
	}
	return strings.TrimSuffix(u.String(), "/") + "/", true // percent-encoded
}

// BasePath is the path part of the base URL, with slashes at both ends:
// "/" or "/opengov/". Every link inside the site starts with it, so it
// slices the base URL, which Load and SetBaseURL checked (absolute, no
// query or fragment, ending in "/"), rather than parsing it again. The
// path stays escaped, as links need it.
func (c *Config) BasePath() string {
	_, rest, _ := strings.Cut(c.BaseURL, "://")
	i := strings.IndexByte(rest, '/')
	if i < 0 {
		return "/"
	}
	p := rest[i:] // "/" or "/opengov/"
	if strings.HasPrefix(p, "//") || strings.HasSuffix(p, "//") {
		if p = strings.Trim(p, "/"); p == "" {
			return "/"
		}
		return "/" + p + "/"
	}
	return p
}

// SectionType returns the schema type of the section at dir (a slash path
// such as "good-practices/2024"), inherited from the nearest configured
// ancestor.
func (c *Config) SectionType(dir string) string {
	for dir != "" && dir != "." {
		if s, ok := c.Sections[dir]; ok && s.Type != "" {
			return s.Type
		}
		i := strings.LastIndexByte(dir, '/')
		if i < 0 {
			break
		}
		dir = dir[:i]
	}
	return ""
}
