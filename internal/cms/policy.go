package cms

import (
	"reflect"
	"slices"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/schema"
)

// A content type the CMS edits: the structs its front matter decodes into
// (the common fields first) and its declaration (nil for a plain page).
type contentType struct {
	structs []reflect.Type
	decl    *schema.Type
}

// pageType is every page's front matter.
var pageType = contentType{structs: []reflect.Type{reflect.TypeFor[content.Front]()}}

// typeOf is the content type of a declared type.
func typeOf(t *schema.Type) contentType {
	return contentType{structs: []reflect.Type{reflect.TypeFor[content.Front](), t.Struct}, decl: t}
}

// required reports whether the type requires the field although its tag
// does not say so (a good practice's summary).
func (ct contentType) required(name string) bool {
	return ct.decl != nil && slices.Contains(ct.decl.Required, name)
}

// maxSummary is the longest summary of the type, in characters; 0: any.
func (ct contentType) maxSummary() int {
	if ct.decl == nil {
		return 0
	}
	return ct.decl.MaxSummary
}

// How a top-level field is stored in the languages of an entry.
const (
	// translated: each language file has its own value (text, names).
	translated = "translate"
	// shared: the default language's value is copied into every language
	// file (ids, vocabulary values, numbers, dates): the build requires a
	// practice's id to be the same in every language, and the vocabulary
	// values are the same ids whatever the language.
	shared = "duplicate"
)

// policy is what the Go type of a field does not say about its widget.
type policy struct {
	i18n       string // translated or shared; a nested field takes its parent's
	vocabulary string // a select of this vocabulary's terms
	widget     string // a widget other than the type's own: "text", "hidden"
	pattern    string // a regular expression the build also checks
	max        int    // the most characters a text may have
	options    []string
	relation   string // a select of the site's pages of this content type
}

// urlPattern is the pattern of a field tagged format:"uri".
const urlPattern = `^https?://[^/\s]+`

// policyOf is the policy of a content type's field, from its tags.
func policyOf(f schema.Field) policy {
	pol := policy{i18n: translated, vocabulary: f.Vocab, widget: f.Widget, pattern: f.Pattern, options: f.Options, relation: f.Relation}
	if f.Shared {
		pol.i18n = shared
	}
	if f.Format == "uri" && pol.pattern == "" {
		pol.pattern = urlPattern
	}
	return pol
}

// frontPolicies holds the policy of every common front-matter field
// (content.Front); the content types' own fields say theirs in their
// tags. The completeness test fails when a common field is missing here.
var frontPolicies = map[string]policy{
	"title":   {i18n: translated},
	"summary": {i18n: translated, widget: "text"},
	"slug":    {i18n: translated, pattern: `^[a-z0-9]+(-[a-z0-9]+)*$`},
	// translationKey pairs files by being the same in each. (Decap
	// writes a shared field the default language leaves empty as null in
	// the others, which the build reads as absent.)
	"translationKey": {i18n: shared},
	"draft":          {i18n: translated},
	// Rarely set, and per file, so that no null is written.
	"weight":      {i18n: translated},
	"published":   {i18n: shared},
	"updated":     {i18n: translated},
	"layout":      {i18n: translated, widget: "hidden"},
	"source_hash": {i18n: translated, pattern: `^([0-9a-f]{12}|todo)$`},
}
