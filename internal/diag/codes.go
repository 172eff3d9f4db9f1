package diag

// Code names a kind of problem, so that tools and editors can tell kinds
// apart without reading the message: opengov check --format json writes
// it, and each is listed here with what it means and what to do. A
// problem without a code is one of a kind not (yet) named.
type Code string

// Problems in the sources found by the build.
const (
	// CodeSyntax: the YAML or TOML of front matter, site.toml or a data
	// file does not parse. Fix the text at the position given.
	CodeSyntax Code = "syntax"
	// CodeUnknownField: a front-matter or configuration field the schema
	// does not have; usually a typo, and the hint names the field meant.
	CodeUnknownField Code = "unknown-field"
	// CodeMissingField: a required field is absent or empty.
	CodeMissingField Code = "missing-field"
	// CodeWrongType: a field holds another kind of value than it takes,
	// such as text where a list is expected.
	CodeWrongType Code = "wrong-type"
	// CodeBadDate: a date that is not a date (2026-11-31), or not written
	// YYYY-MM-DD; the hint gives the form to write.
	CodeBadDate Code = "bad-date"
	// CodeUnknownValue: a value outside its vocabulary
	// (content/_vocabularies.toml); the hint names the id meant, also when
	// a label was written in place of the id.
	CodeUnknownValue Code = "unknown-value"
	// CodeTranslationsDisagree: a fact that is the same in every language
	// (a field tagged lang:"shared": a practice's status, themes, year...)
	// differs between two translations; the message names both files.
	CodeTranslationsDisagree Code = "translations-disagree"
	// CodeTemplate: a template does not parse or fails to render a page.
	CodeTemplate Code = "template"
)

// Problems found by opengov check in a site that builds; the build also
// reports CodeBrokenLink for a Markdown link to a content file that does
// not exist.
const (
	// CodeBrokenLink (error): a link or an embedded file that points into
	// the site at a page or file the build does not write.
	CodeBrokenLink Code = "broken-link"
	// CodeBrokenAnchor (error): a link to an anchor the target page lacks.
	CodeBrokenAnchor Code = "broken-anchor"
	// CodeHeadingSkip (error): a heading more than one level below the
	// one before it, which breaks the outline screen readers navigate by.
	CodeHeadingSkip Code = "heading-skip"
	// CodeImageAlt (error): an image without alternative text.
	CodeImageAlt Code = "image-alt"
	// CodeURLLink (warning): a link written as the URL of a page of the
	// site rather than as its Markdown file, which would follow its slug,
	// language and address.
	CodeURLLink Code = "url-link"
	// CodeMissingTranslation (warning): a page is missing in a language.
	CodeMissingTranslation Code = "missing-translation"
	// CodeDraftTranslation (warning): a page's version in a language is
	// still a draft, so it is not published.
	CodeDraftTranslation Code = "draft-translation"
	// CodeStaleTranslation (warning): the default-language version changed
	// since the translation was made (its source_hash differs).
	CodeStaleTranslation Code = "stale-translation"
	// CodeMissingSummary (warning): a page without a summary, which search
	// results and link previews show.
	CodeMissingSummary Code = "missing-summary"
	// CodeDuplicateTitle (warning): two pages of one language with the
	// same title.
	CodeDuplicateTitle Code = "duplicate-title"
	// CodePlaceholder (warning): a front-matter value still a placeholder,
	// "TODO: ..."; fill it in.
	CodePlaceholder Code = "placeholder"
	// CodeUnmarkedLanguage (warning): a quoted or parenthesised phrase
	// probably in another language than the page's, not marked with it:
	// mark it ([...]{lang=en}) or add the name to content/_glossary.toml.
	CodeUnmarkedLanguage Code = "unmarked-language"
)
