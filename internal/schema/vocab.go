// Package schema declares the site's content types (good practices,
// commitments, the accessibility statement), each once as a Type that the
// configuration, the site model, the scaffold, the export and the CMS
// read; the controlled vocabularies their fields draw from; and the
// checks that tie them together. Every
// problem is reported at the value's position with the allowed values and a
// "did you mean" suggestion.
package schema

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"reflect"
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

// Vocabularies are the controlled vocabularies the content types' fields
// draw from, by name, and the facets the practices are browsed by.
type Vocabularies struct {
	names []string           // in the file's order
	lists map[string][]*Term // by name
	// Facets names, in order, the vocabularies (and "years") that the
	// practices can be browsed by; each has a label in every language.
	Facets []*Term
}

// Vocabulary names of the built-in types, as in the file and in messages.
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
	if name == facetsName {
		return v.Facets
	}
	return v.lists[name]
}

// Names lists the vocabularies in the order of the file.
func (v *Vocabularies) Names() []string { return slices.Clone(v.names) }

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// LoadVocabularies reads VocabularyFile, which must hold the vocabularies
// names (those the content types use, Types.Vocabularies) and the facets,
// and checks that every term has a plain id and a label in every language
// of langs.
func LoadVocabularies(fsys fs.FS, langs, names []string) (*Vocabularies, diag.List) {
	src, err := fs.ReadFile(fsys, VocabularyFile)
	if err != nil {
		return nil, diag.List{{Pos: diag.Pos{File: VocabularyFile}, Msg: "cannot read the vocabularies: " + err.Error()}}
	}
	root, errs := decode.ParseTOML(src, VocabularyFile, 1)
	if errs != nil {
		return nil, errs
	}
	// A struct of one required list of terms per vocabulary gives the
	// decoder's own errors: a missing vocabulary, an unknown one with a
	// suggestion, a term without an id.
	all := append(slices.Clone(names), facetsName)
	fields := make([]reflect.StructField, len(all))
	for i, name := range all {
		fields[i] = reflect.StructField{Name: fmt.Sprintf("V%d", i), Type: reflect.TypeFor[[]*Term](), Tag: reflect.StructTag(`fm:"` + name + `,required"`)}
	}
	lists := reflect.New(reflect.StructOf(fields))
	if errs := decode.Into(root, lists.Interface(), VocabularyFile, decode.Options{}); errs != nil {
		return nil, errs
	}
	v := Vocabularies{lists: map[string][]*Term{}}
	for i, name := range all {
		terms := lists.Elem().Field(i).Interface().([]*Term)
		if name == facetsName {
			v.Facets = terms
		} else {
			v.lists[name] = terms
		}
	}
	v.names = slices.Clone(names)
	line := func(name string) int {
		if n := root.Get(name); n != nil && len(n.Items) > 0 {
			return n.Items[0].Line
		}
		return 0
	}
	slices.SortStableFunc(v.names, func(a, b string) int { return cmp.Compare(line(a), line(b)) })
	facetable := append(v.Names(), Years)
	for _, name := range all {
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
func (v *Vocabularies) lookup(field Field, id string, node *decode.Node, file string, errs *diag.List) *Term {
	name := field.Vocab
	terms := v.ByName(name)
	i := slices.IndexFunc(terms, func(t *Term) bool { return t.ID == id })
	if i >= 0 {
		return terms[i]
	}
	e := errs.Add(diag.Pos{File: file, Line: node.Line, Col: node.Col}, "unknown %s %q", singular(field), id)
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
func (v *Vocabularies) terms(name Field, ids []string, field *decode.Node, file string, errs *diag.List) []*Term {
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

// singular names one value of a field in messages: "theme" for themes,
// "innovation principle" for innovation_principles.
func singular(f Field) string {
	name := strings.ReplaceAll(f.Name, "_", " ")
	if f.IsList() {
		name = strings.TrimSuffix(name, "s")
	}
	return name
}
