// Package scaffold writes a new good practice or commitment in every
// language of the site, with every field of its schema and a comment on
// each, ready for an editor to fill in. It never overwrites a file.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
	"time"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/schema"
)

// Kinds maps what `opengov new` makes to its section type.
var Kinds = map[string]string{
	"practice":   schema.PracticeType,
	"commitment": schema.CommitmentType,
}

var nameRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$`)

// New writes the entry name (a slug, or a path below the section such as
// "2023-2027/measure-3-3") of kind in every language, below root, and
// returns the files written. It refuses to overwrite any of them.
func New(root string, cfg *config.Config, vocab *schema.Vocabularies, kind, name string, today time.Time) ([]string, error) {
	typ, ok := Kinds[kind]
	if !ok {
		return nil, fmt.Errorf("unknown kind %q: make a practice or a commitment", kind)
	}
	if !nameRE.MatchString(name) {
		return nil, fmt.Errorf("name %q must be lowercase a-z, digits and hyphens, like %q (suggested: %q)", name, "open-budget", content.Slugify(name))
	}
	section := sectionOf(cfg, typ)
	if section == "" {
		return nil, fmt.Errorf("site.toml has no section of type %q", typ)
	}
	var paths []string
	for _, l := range cfg.Languages {
		p := filepath.Join(root, content.Dir, filepath.FromSlash(section), filepath.FromSlash(name)+"."+l.Code+".md")
		if _, err := os.Stat(p); err == nil {
			return nil, fmt.Errorf("%s already exists; nothing was written", p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		paths = append(paths, p)
	}
	for i, l := range cfg.Languages {
		var b strings.Builder
		err := templates.ExecuteTemplate(&b, kind, data{
			ID: path.Base(name), Lang: l.Code, Today: today.Format(time.DateOnly), Vocab: vocab,
			Default: cfg.Languages[0].Code,
		})
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Dir(paths[i]), 0o755); err != nil {
			return nil, err
		}
		// O_EXCL: a file made meanwhile is not overwritten either.
		f, err := os.OpenFile(paths[i], os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return paths[:i], err
		}
		_, err = f.WriteString(b.String())
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return paths[:i+1], err
		}
	}
	return paths, nil
}

// sectionOf returns the folder of the first section of type typ.
func sectionOf(cfg *config.Config, typ string) string {
	best := ""
	for dir, s := range cfg.Sections {
		if s.Type == typ && (best == "" || dir < best) {
			best = dir
		}
	}
	return best
}

type data struct {
	ID, Lang, Today, Default string
	Vocab                    *schema.Vocabularies
}

// ids lists a vocabulary's ids for a comment.
func ids(terms []*schema.Term) string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.ID
	}
	return strings.Join(out, " | ")
}

var templates = template.Must(template.New("").Funcs(template.FuncMap{"ids": ids}).Parse(`
{{- define "practice" -}}
---
# A good practice. Every field is checked on build; see README.md.
id: {{ .ID }}                    # stable identifier, the same in every language; the open data uses it
{{ template "draft" . -}}
title: ""                        # the practice's name in this language
summary: ""                      # one or two plain sentences, at most 300 characters
slug: {{ .ID }}                  # the URL segment in this language: lowercase a-z, digits, hyphens
organisation: ""                 # the organisation responsible, in this language
partners: []                     # partner organisations, e.g. [Kone Foundation]
country: ""                      # ISO 3166 code: {{ ids .Vocab.Countries }} (quote "NO")
level: ""                        # {{ ids .Vocab.Levels }}
themes: []                       # one to four of: {{ ids .Vocab.Themes }}
innovation_principles: []        # the declaration's principles: {{ ids .Vocab.Principles }}
# stage: implementation          # OECD OPSI innovation lifecycle: {{ ids .Vocab.Stages }}; leave out when not known
# status: ongoing                # {{ ids .Vocab.Statuses }}; leave out when the sources do not say
# year: 2024                     # the year it was launched; leave out when not known
related_commitments: []          # content paths of commitments, e.g. [commitments/2023-2027/measure-3-1]
links: []                        # external links: [{title: "...", url: "https://..."}]
contact:
  organisation: ""               # an organisation to contact, never a person
published: {{ .Today }}          # when the entry was published on this site
updated: {{ .Today }}            # when it was last changed
---

## {{ if eq .Lang "fi" }}Mistä on kyse{{ else }}What it is{{ end }}

## {{ if eq .Lang "fi" }}Miten se toimii{{ else }}How it works{{ end }}

## {{ if eq .Lang "fi" }}Mitä muut voivat oppia{{ else }}What others can learn{{ end }}
{{ end -}}

{{- define "draft" -}}
draft: true                      # not published until you delete this line; opengov check --drafts checks it
{{ if ne .Lang .Default -}}
source_hash: todo                # not translated yet: once translated, opengov check prints the hash to write here
{{ end -}}
{{ end -}}

{{- define "commitment" -}}
---
# A commitment of an Open Government action plan, or one of its measures.
{{ template "draft" . -}}
title: ""                        # the commitment's name in this language
summary: ""                      # one or two plain sentences
slug: {{ .ID }}                  # the URL segment in this language: lowercase a-z, digits, hyphens
# ogp_id: FI0000                 # the OGP identifier, where the commitment has one
action_plan: "2023-2027"         # the plan's years, quoted
number: "1"                      # "1" for a commitment, "1.1" for its first measure (quoted)
lead_institution: ""             # the institution that leads it, in this language
support_institutions: []         # other institutions that carry it out
policy_areas: []                 # short labels in this language, e.g. [Public participation]
# status: planned                # {{ ids .Vocab.Statuses }}; leave out when the sources do not say
# irm:                           # the Independent Reporting Mechanism's review, in its own terms
#   report: ""
#   verifiable: ""
#   relevance: ""
#   ambition: {scale: "", value: ""}
#   completion: ""
#   early_results: ""
---

## {{ if eq .Lang "fi" }}Mitä luvataan{{ else }}What is promised{{ end }}
{{ end -}}
`))
