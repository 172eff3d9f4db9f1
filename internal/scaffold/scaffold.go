// Package scaffold writes a new entry of a content type (a good practice,
// a commitment) in every language of the site, with every field of its
// declaration and a comment on each, ready for an editor to fill in. It
// never overwrites a file.
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

// Kinds lists what `opengov new` makes: the section types among types.
func Kinds(types schema.Types) []string { return types.Sections() }

var nameRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$`)

// New writes the entry name (a slug, or a path below the section such as
// "2023-2027/measure-3-3") of kind, one of types, in every language,
// below root, and returns the files written. It refuses to overwrite any
// of them.
func New(root string, cfg *config.Config, vocab *schema.Vocabularies, types schema.Types, kind, name string, today time.Time) ([]string, error) {
	t := types.Get(kind)
	if t == nil || t.Layout {
		return nil, fmt.Errorf("unknown kind %q: make a %s", kind, strings.Join(Kinds(types), " or a "))
	}
	typ := t.Name
	tmpl, err := entryTemplate(t, vocab)
	if err != nil {
		return nil, err
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
		err := tmpl.Execute(&b, data{
			ID: path.Base(name), Lang: l.Code, Today: today.Format(time.DateOnly), Default: cfg.Languages[0].Code,
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
}

// draft are the lines that keep a new entry out of the site until it is
// filled in.
const draft = `{{ define "draft" -}}
draft: true                      # not published until you delete this line; opengov check --drafts checks it
{{ if ne .Lang .Default -}}
source_hash: todo                # not translated yet: once translated, opengov check prints the hash to write here
{{ end -}}
{{ end }}`

// entryTemplate is the template of a new entry of t: its declaration's
// scaffold, or one made from its fields. ids lists a vocabulary's ids
// for a comment.
func entryTemplate(t *schema.Type, vocab *schema.Vocabularies) (*template.Template, error) {
	ids := func(name string) string {
		var out []string
		for _, t := range vocab.ByName(name) {
			out = append(out, t.ID)
		}
		return strings.Join(out, " | ")
	}
	text := t.Scaffold
	if text == "" {
		text = fromFields(t)
	}
	return template.New(t.Name).Funcs(template.FuncMap{"ids": ids}).Parse(draft + text)
}
