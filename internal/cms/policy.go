package cms

import (
	"reflect"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/schema"
)

// A content type the CMS edits: the structs its front matter decodes into
// (the common fields first) and the fields its decoder requires although
// their tags do not (a good practice's summary, say).
type contentType struct {
	structs  []reflect.Type
	required []string
}

// pageType is every page's front matter.
var pageType = contentType{structs: []reflect.Type{reflect.TypeFor[content.Front]()}}

// contentTypes are the typed front matters, by section type or layout.
var contentTypes = map[string]contentType{
	schema.PracticeType: {
		structs:  []reflect.Type{reflect.TypeFor[content.Front](), reflect.TypeFor[schema.Practice]()},
		required: []string{"summary", "published"},
	},
	schema.CommitmentType: {
		structs:  []reflect.Type{reflect.TypeFor[content.Front](), reflect.TypeFor[schema.Commitment]()},
		required: []string{"summary"},
	},
	schema.AccessibilityLayout: {
		structs: []reflect.Type{reflect.TypeFor[content.Front](), reflect.TypeFor[schema.Accessibility]()},
	},
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
	relation   bool // a select of the site's commitments
}

// policies holds the policy of every top-level front-matter field. The
// completeness test fails when a schema has a field missing here.
var policies = map[string]policy{
	// content.Front
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
	// schema.Practice
	"id":                    {i18n: shared, pattern: `^[a-z0-9]+(-[a-z0-9]+)*$`},
	"organisation":          {i18n: translated},
	"partners":              {i18n: translated},
	"country":               {i18n: shared, vocabulary: schema.Countries},
	"level":                 {i18n: shared, vocabulary: schema.Levels},
	"themes":                {i18n: shared, vocabulary: schema.Themes},
	"innovation_principles": {i18n: shared, vocabulary: schema.Principles},
	"stage":                 {i18n: shared, vocabulary: schema.Stages},
	"status":                {i18n: shared, vocabulary: schema.Statuses},
	"year":                  {i18n: shared},
	"related_commitments":   {i18n: shared, relation: true},
	"links":                 {i18n: translated},
	"contact":               {i18n: translated},
	// schema.Commitment
	"ogp_id":               {i18n: shared},
	"action_plan":          {i18n: shared, pattern: `^\d{4}-\d{4}$`},
	"number":               {i18n: shared, pattern: `^\d+(\.\d+)?$`},
	"lead_institution":     {i18n: translated},
	"support_institutions": {i18n: translated},
	"policy_areas":         {i18n: translated},
	"irm":                  {i18n: translated},
	// schema.Accessibility
	"standard":    {i18n: shared},
	"compliance":  {i18n: shared, options: []string{"full", "partial", "none"}},
	"known_gaps":  {i18n: translated},
	"feedback":    {i18n: translated},
	"enforcement": {i18n: translated},
	"prepared":    {i18n: shared},
	"reviewed":    {i18n: shared},
	"method":      {i18n: translated, widget: "text"},
}

// nestedPolicies refine fields inside objects, by "parent.field".
var nestedPolicies = map[string]policy{
	"known_gaps.criterion":   {pattern: `^[1-4]\.[1-9][0-9]?\.[1-9][0-9]?$`},
	"known_gaps.description": {widget: "text"},
	"links.url":              {pattern: `^https?://[^/\s]+`},
	"contact.url":            {pattern: `^https?://[^/\s]+`},
	"feedback.url":           {pattern: `^https?://[^/\s]+`},
	"enforcement.url":        {pattern: `^https?://[^/\s]+`},
}

// maxSummary is the longest summary of each type, in characters.
var maxSummary = map[string]int{schema.PracticeType: schema.MaxSummary}
