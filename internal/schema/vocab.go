// Package schema defines the typed front matter of the site's typed
// sections (good practices and commitments), the controlled vocabularies
// their fields draw from, and the checks that tie them together. Every
// problem is reported at the value's position with the allowed values and a
// "did you mean" suggestion.
package schema

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/decode"
	"github.com/opengov-fi/opengov/internal/diag"
)

// VocabularyFile holds the controlled vocabularies, with a label in each
// language.
var VocabularyFile = path.Join(content.Dir, "_vocabularies.toml")

// Term is one allowed value of a vocabulary.
type Term struct {
	ID          string            `fm:"id,required"`
	Label       map[string]string `fm:"label,required"`
	Description map[string]string `fm:"description"`
	// Slug, by language, names the term in URLs where its label is too
	// long for one; otherwise the label is made into a slug.
	Slug map[string]string `fm:"slug"`

	unknown bool // stands for an id the vocabulary does not have
}

// Known reports whether the term is in its vocabulary: an unknown id,
// already reported, stands for itself and is not.
func (t *Term) Known() bool { return t != nil && !t.unknown }

// SlugIn returns the term's URL segment in lang.
func (t *Term) SlugIn(lang string) string {
	if t == nil {
		return ""
	}
	if s := t.Slug[lang]; s != "" {
		return s
	}
	return content.Slugify(t.In(lang))
}

// In returns the term's label in lang; a label under "" serves every
// language (years are written the same in all).
func (t *Term) In(lang string) string {
	if t == nil { // an optional field left empty
		return ""
	}
	if l, ok := t.Label[lang]; ok {
		return l
	}
	return t.Label[""]
}

// DescriptionIn returns the term's description in lang, or "".
func (t *Term) DescriptionIn(lang string) string {
	if t == nil {
		return ""
	}
	return t.Description[lang]
}

// Vocabularies are the controlled vocabularies of the typed sections.
type Vocabularies struct {
	Themes     []*Term `fm:"themes,required"`
	Levels     []*Term `fm:"levels,required"`
	Principles []*Term `fm:"principles,required"` // the OECD declaration's five
	Stages     []*Term `fm:"stages,required"`     // the OECD OPSI innovation lifecycle
	Statuses   []*Term `fm:"statuses,required"`
	Countries  []*Term `fm:"countries,required"` // ids are ISO 3166 codes: "FI"
	// Facets names, in order, the vocabularies (and "years") that the
	// practices can be browsed by; each has a label in every language.
	Facets []*Term `fm:"facets,required"`
}

// Vocabulary names, as in the file and in messages.
const (
	Themes     = "themes"
	Levels     = "levels"
	Principles = "principles"
	Stages     = "stages"
	Statuses   = "statuses"
	Countries  = "countries"
	facetsName = "facets"
)

// ByName returns the vocabulary called name.
func (v *Vocabularies) ByName(name string) []*Term {
	switch name {
	case Themes:
		return v.Themes
	case Levels:
		return v.Levels
	case Principles:
		return v.Principles
	case Stages:
		return v.Stages
	case Statuses:
		return v.Statuses
	case Countries:
		return v.Countries
	case facetsName:
		return v.Facets
	}
	return nil
}

// Names lists the vocabularies in the order pages show them.
func Names() []string { return []string{Themes, Levels, Principles, Stages, Statuses, Countries} }

// facetable lists what the facets list may name.
var facetable = append(Names(), Years)

var singular = map[string]string{Themes: "theme", Levels: "level", Principles: "innovation principle", Stages: "stage", Statuses: "status", Countries: "country"}

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// LoadVocabularies reads VocabularyFile and checks that every term has a
// plain id and a label in every language of langs.
func LoadVocabularies(fsys fs.FS, langs []string) (*Vocabularies, diag.List) {
	src, err := fs.ReadFile(fsys, VocabularyFile)
	if err != nil {
		return nil, diag.List{{Pos: diag.Pos{File: VocabularyFile}, Msg: "cannot read the vocabularies: " + err.Error()}}
	}
	root, errs := decode.ParseTOML(src, VocabularyFile, 1)
	if errs != nil {
		return nil, errs
	}
	var v Vocabularies
	if errs := decode.Into(root, &v, VocabularyFile, decode.Options{}); errs != nil {
		return nil, errs
	}
	for _, name := range append(Names(), facetsName) {
		node := root.Get(name)
		seen := map[string]bool{}
		for i, t := range v.ByName(name) {
			item := node.Items[i]
			pos := diag.Pos{File: VocabularyFile, Line: item.Line, Col: item.Col}
			switch {
			case name == Countries && !countryRE.MatchString(t.ID):
				errs.Add(pos, "%s: id %q must be an ISO 3166 code such as FI", name, t.ID)
			case name != Countries && !idRE.MatchString(t.ID):
				errs.Add(pos, "%s: id %q must be lowercase a-z, digits and hyphens", name, t.ID)
			}
			if seen[t.ID] {
				errs.Add(pos, "%s: id %q is listed twice", name, t.ID)
			}
			seen[t.ID] = true
			if name == facetsName && !slices.Contains(facetable, t.ID) {
				errs.Add(pos, "facets: %q is not a vocabulary", t.ID).Hint = "facets can be " + strings.Join(facetable, ", ")
			}
			for _, lang := range langs {
				if strings.TrimSpace(t.Label[lang]) == "" {
					errs.Add(pos, "%s: %q has no label in language %q", name, t.ID, lang).Hint = fmt.Sprintf("add %s = \"...\" to its label", lang)
				} else if slug := t.SlugIn(lang); !content.ValidSlug(slug) {
					errs.Add(pos, "%s: %q gives no valid URL in language %q: its slug would be %q", name, t.ID, lang, slug).Hint = fmt.Sprintf("add %s = \"...\" of lowercase a-z, digits and hyphens to its slug", lang)
				}
			}
		}
	}
	return &v, errs
}

// lookup finds the term id in vocabulary name, or reports it at node. An
// unknown id is reported once, here, and stands for itself as a term
// labelled with the id, so that no template meets a nil term and each
// mistake gives one error.
func (v *Vocabularies) lookup(name, id string, node *decode.Node, file string, errs *diag.List) *Term {
	terms := v.ByName(name)
	i := slices.IndexFunc(terms, func(t *Term) bool { return t.ID == id })
	if i >= 0 {
		return terms[i]
	}
	e := errs.Add(diag.Pos{File: file, Line: node.Line, Col: node.Col}, "unknown %s %q", singular[name], id)
	e.Hint, e.Code = unknownHint(name, id, terms), diag.CodeUnknownValue
	return &Term{ID: id, Label: map[string]string{"": id}, unknown: true}
}

// unknownHint tells an editor what to write instead of an unknown id: the
// id of a term whose label in some language is what they wrote
// ("luottamus", "Trust"), else the id closest to a likely typo, and the
// allowed ids; for a country, where to add a new one.
func unknownHint(name, id string, terms []*Term) string {
	ids := make([]string, len(terms))
	for j, t := range terms {
		ids[j] = t.ID
	}
	allowed := "allowed: " + strings.Join(ids, ", ")
	if name == Countries {
		allowed += "; a country not listed is added as a [[countries]] entry in " + VocabularyFile
	}
	if t := byLabel(terms, id); t != nil {
		return fmt.Sprintf("%q is the label of %q: write the id, %s; %s", id, t.ID, t.ID, allowed)
	}
	if s := diag.Suggest(id, ids); s != "" {
		return fmt.Sprintf("did you mean %q? %s", s, allowed)
	}
	return allowed
}

// byLabel returns the term whose label, in any language, is label (case
// and surrounding space aside), or nil.
func byLabel(terms []*Term, label string) *Term {
	label = strings.TrimSpace(label)
	for _, t := range terms {
		for _, l := range t.Label {
			if strings.EqualFold(l, label) {
				return t
			}
		}
	}
	return nil
}

// terms resolves a field's list of ids, reporting each unknown one.
func (v *Vocabularies) terms(name string, ids []string, field *decode.Node, file string, errs *diag.List) []*Term {
	var out []*Term
	for i, id := range ids {
		node := field
		if field != nil && field.Kind == decode.List && i < len(field.Items) {
			node = field.Items[i]
		}
		if t := v.lookup(name, id, node, file, errs); t != nil {
			out = append(out, t)
		}
	}
	return out
}
