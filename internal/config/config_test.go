package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

const good = `base_url = "https://example.org/opengov"
default_language = "fi"

[[languages]]
code = "fi"
name = "suomi"
prefix = "fi"
locale = "fi_FI"
title = "Avoin hallinto"
description = "Kuvaus"
[[languages.menu]]
name = "Hyvät käytännöt"
page = "good-practices/_index"

[[languages]]
code = "en"
name = "English"
prefix = "en"
locale = "en_GB"
title = "Open Government"
description = "Description"

[sections.good-practices]
type = "practice"
`

func load(t *testing.T, src string) (*Config, string) {
	t.Helper()
	c, errs := Load(fstest.MapFS{File: {Data: []byte(src)}}, []string{"practice", "commitment"})
	if errs != nil {
		return c, errs.Err().Error()
	}
	return c, ""
}

func TestLoad(t *testing.T) {
	c, errs := load(t, good)
	if errs != "" {
		t.Fatal(errs)
	}
	if c.BaseURL != "https://example.org/opengov/" || c.BasePath() != "/opengov/" {
		t.Errorf("base %q path %q", c.BaseURL, c.BasePath())
	}
	if len(c.Languages) != 2 || c.Language("en").Title != "Open Government" || c.Language("sv") != nil {
		t.Errorf("languages %+v", c.Languages)
	}
	if m := &c.Languages[0].Menu[0]; m.Page != "good-practices/_index" || c.MenuPos(m).Line != 11 {
		t.Errorf("menu %+v at %v", m, c.MenuPos(m))
	}
	for dir, want := range map[string]string{"good-practices": "practice", "good-practices/2024": "practice", "commitments": "", "": ""} {
		if got := c.SectionType(dir); got != want {
			t.Errorf("SectionType(%q) = %q, want %q", dir, got, want)
		}
	}
	if err := c.SetBaseURL("http://127.0.0.1:1313"); err != nil || c.BasePath() != "/" {
		t.Errorf("SetBaseURL: %v, %q", err, c.BasePath())
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ edit, old, want string }{
		{"unknown key", `default_language = "fi"`, "site.toml:2:1: unknown field \"default_langauge\" (did you mean \"default_language\"?)"},
		{"bad url", `base_url = "https://example.org/opengov"`, "site.toml:1:1: base_url \"example.org\" is not an absolute http(s) URL"},
		{"dup code", `code = "en"`, "site.toml:16:1: language \"fi\" is listed twice"},
		{"default", `default_language = "fi"`, "site.toml:2:1: default_language \"sv\" is not one of the languages"},
		{"type", `type = "practice"`, "site.toml:24:1: unknown section type \"practise\" (known types: practice, commitment)"},
		{"menu", `page = "good-practices/_index"`, "site.toml:11:3: menu entry \"Hyvät käytännöt\" needs either page or url"},
	} {
		t.Run(tc.edit, func(t *testing.T) {
			repl := map[string]string{
				"unknown key": `default_langauge = "fi"`,
				"bad url":     `base_url = "example.org"`,
				"dup code":    `code = "fi"`,
				"default":     `default_language = "sv"`,
				"type":        `type = "practise"`,
				"menu":        ``,
			}[tc.edit]
			_, errs := load(t, strings.Replace(good, tc.old, repl, 1))
			if !strings.Contains(errs, tc.want) {
				t.Fatalf("errors\n%s\nshould contain\n%s", errs, tc.want)
			}
		})
	}
}

func TestBasePath(t *testing.T) {
	for _, tc := range []struct{ base, want string }{
		{"https://opengov.fi/", "/"},
		{"http://127.0.0.1:8765", "/"},
		{"https://example.org/opengov", "/opengov/"},
		{"https://example.org/opengov/", "/opengov/"},
		{"https://example.org/a/b/", "/a/b/"},
		{"https://example.org//a//", "/a/"},
		{"https://example.org//", "/"},
		{"https://example.org/avoin%20hallinto/", "/avoin%20hallinto/"},
	} {
		var c Config
		if err := c.SetBaseURL(tc.base); err != nil {
			t.Fatal(err)
		}
		if got := c.BasePath(); got != tc.want {
			t.Errorf("BasePath of %q = %q, want %q", tc.base, got, tc.want)
		}
	}
	for _, bad := range []string{"example.org", "https://example.org/?a=1", "https://example.org/#x", "ftp://example.org/"} {
		var c Config
		if err := c.SetBaseURL(bad); err == nil {
			t.Errorf("SetBaseURL(%q) accepted", bad)
		}
	}
}

func TestCMS(t *testing.T) {
	c, errs := load(t, good+"\n[cms]\nenabled = true\nbackend = \"github\"\nrepo = \"opengov-fi/opengov\"\n")
	if errs != "" {
		t.Fatal(errs)
	}
	if !c.CMSEnabled() || c.CMS.Branch != "main" || c.CMS.Repo != "opengov-fi/opengov" {
		t.Errorf("cms %+v", c.CMS)
	}
	if c, _ := load(t, good); c.CMSEnabled() {
		t.Error("a site without [cms] has the CMS")
	}
	for src, want := range map[string]string{
		"[cms]\nenabled = true\nbackend = \"svn\"\n":                            `unknown CMS backend "svn" (use one of git-gateway,`,
		"[cms]\nenabled = true\nbackend = \"github\"\n":                         `the github backend needs repo = "owner/name"`,
		"[cms]\nbackend = \"gitlab\"\nrepo = \"a/b\"\napi_root = \"ftp://x\"\n": `api_root "ftp://x" is not an absolute https URL`,
	} {
		if _, errs := load(t, good+"\n"+src); !strings.Contains(errs, want) {
			t.Errorf("%q: got %q, want %q", src, errs, want)
		}
	}
}

func TestPaginate(t *testing.T) {
	c, errs := load(t, good)
	if errs != "" {
		t.Fatal(errs)
	}
	if c.Paginate != DefaultPaginate || c.Languages[0].PageSlug != DefaultPageSlug {
		t.Errorf("defaults: paginate %d, page_slug %q", c.Paginate, c.Languages[0].PageSlug)
	}
	src := strings.Replace(good, `default_language = "fi"`, "default_language = \"fi\"\npaginate = 7", 1)
	src = strings.Replace(src, `locale = "fi_FI"`, "locale = \"fi_FI\"\npage_slug = \"sivu\"", 1)
	if c, errs = load(t, src); errs != "" {
		t.Fatal(errs)
	}
	if c.Paginate != 7 || c.Languages[0].PageSlug != "sivu" || c.Languages[1].PageSlug != "page" {
		t.Errorf("paginate %d, page_slug %q and %q", c.Paginate, c.Languages[0].PageSlug, c.Languages[1].PageSlug)
	}
	for edit, want := range map[string]string{
		"paginate = 0":        "site.toml:3:1: paginate is 0; a page must show at least one entry",
		"paginate = -2":       "site.toml:3:1: paginate is -2",
		`page_slug = "Sivu/"`: `site.toml:6:1: page_slug "Sivu/" must be lowercase ASCII letters and hyphens`,
	} {
		src := good
		if strings.HasPrefix(edit, "paginate") {
			src = strings.Replace(src, `default_language = "fi"`, "default_language = \"fi\"\n"+edit, 1)
		} else {
			src = strings.Replace(src, `code = "fi"`, "code = \"fi\"\n"+edit, 1)
		}
		if _, errs := load(t, src); !strings.Contains(errs, want) {
			t.Errorf("%s: errors\n%s\nshould contain\n%s", edit, errs, want)
		}
	}
}
