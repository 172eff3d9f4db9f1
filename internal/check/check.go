// Package check finds what an editor should fix in a site that builds:
// broken internal links and anchors, headings that skip a level, images
// without alt text, missing and stale translations, missing summaries,
// duplicate titles and passages probably in another language but not
// marked with it. It reads a finished build (build.Result) and reports
// each problem at its place in the sources; it writes nothing.
package check

import (
	"cmp"
	"slices"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/diag"
)

// Severity tells whether a finding fails the check.
type Severity string

// The severities. Errors make opengov check exit 1; warnings do not.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// The codes of the findings, one per kind of problem.
const (
	CodeBrokenLink         = "broken-link"
	CodeBrokenAnchor       = "broken-anchor"
	CodeHeadingSkip        = "heading-skip"
	CodeImageAlt           = "image-alt"
	CodeMissingTranslation = "missing-translation"
	CodeStaleTranslation   = "stale-translation"
	CodeMissingSummary     = "missing-summary"
	CodeDuplicateTitle     = "duplicate-title"
	CodeUnmarkedLanguage   = "unmarked-language"
)

// severities maps each code to its severity.
var severities = map[string]Severity{
	CodeBrokenLink:         Error,
	CodeBrokenAnchor:       Error,
	CodeHeadingSkip:        Error,
	CodeImageAlt:           Error,
	CodeMissingTranslation: Warning,
	CodeStaleTranslation:   Warning,
	CodeMissingSummary:     Warning,
	CodeDuplicateTitle:     Warning,
	CodeUnmarkedLanguage:   Warning,
}

// Finding is one problem at one place in the sources.
type Finding struct {
	Pos      diag.Pos
	Severity Severity
	Code     string
	Message  string
}

func (f Finding) String() string {
	return f.Pos.String() + ": " + string(f.Severity) + ": " + f.Message + " [" + f.Code + "]"
}

// findings collects findings; its zero value is ready to use.
type findings []Finding

func (fs *findings) add(pos diag.Pos, code, msg string) {
	if pos.Line == 0 {
		pos.Line = 1 // the file as a whole: its first line
	}
	*fs = append(*fs, Finding{Pos: pos, Severity: severities[code], Code: code, Message: msg})
}

// Site checks a built site and returns its findings, sorted by file, line
// and column, without duplicates.
func Site(res *build.Result) []Finding {
	var out findings
	docs := parseDocs(res)
	files := map[string]bool{}
	for _, f := range res.Files {
		files[f.Path] = true
	}
	src := newSources(res.Site)
	checkLinks(&out, docs, files, src)
	checkHeadings(&out, docs, src)
	checkImages(&out, docs, src)
	checkTranslations(&out, res.Site)
	checkPages(&out, res.Site)
	checkLanguages(&out, res.Site, res.Glossary)
	slices.SortFunc(out, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(out)
}

// Count returns how many findings have each severity.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}
