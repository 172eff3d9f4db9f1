// Package check finds what an editor should fix in a site that builds:
// broken internal links and anchors, headings that skip a level, images
// without alt text, missing and stale translations, missing summaries,
// duplicate titles, front-matter values still left as placeholders, and
// passages probably in another language but not marked with it. It reads
// a finished build (build.Result) and reports
// each problem at its place in the sources; it writes nothing.
package check

import (
	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/diag"
)

// The severities of the findings. Errors make opengov check exit 1;
// warnings do not.
const (
	Error   = diag.SeverityError
	Warning = diag.SeverityWarning
)

// The codes of the findings, one per kind of problem, documented in
// internal/diag.
const (
	CodeBrokenLink         = diag.CodeBrokenLink
	CodeBrokenAnchor       = diag.CodeBrokenAnchor
	CodeHeadingSkip        = diag.CodeHeadingSkip
	CodeImageAlt           = diag.CodeImageAlt
	CodeURLLink            = diag.CodeURLLink
	CodeMissingTranslation = diag.CodeMissingTranslation
	CodeDraftTranslation   = diag.CodeDraftTranslation
	CodeStaleTranslation   = diag.CodeStaleTranslation
	CodeMissingSummary     = diag.CodeMissingSummary
	CodeDuplicateTitle     = diag.CodeDuplicateTitle
	CodePlaceholder        = diag.CodePlaceholder
	CodeUnmarkedLanguage   = diag.CodeUnmarkedLanguage
)

// severities maps each code to its severity.
var severities = map[diag.Code]diag.Severity{
	CodeBrokenLink:         Error,
	CodeBrokenAnchor:       Error,
	CodeHeadingSkip:        Error,
	CodeImageAlt:           Error,
	CodeURLLink:            Warning,
	CodeMissingTranslation: Warning,
	CodeDraftTranslation:   Warning,
	CodeStaleTranslation:   Warning,
	CodeMissingSummary:     Warning,
	CodeDuplicateTitle:     Warning,
	CodePlaceholder:        Warning,
	CodeUnmarkedLanguage:   Warning,
}

// findings collects findings; its zero value is ready to use.
type findings diag.List

func (fs *findings) add(pos diag.Pos, code diag.Code, msg string) {
	if pos.Line == 0 {
		pos.Line = 1 // the file as a whole: its first line
	}
	*fs = append(*fs, &diag.Error{Pos: pos, Severity: severities[code], Code: code, Msg: msg})
}

// Site checks a built site and returns its findings, sorted by file, line
// and column, without duplicates. The build must have been made with
// build.Options.Reports, for the positions of what the Markdown says.
func Site(res *build.Result) diag.List { return NewChecker().Site(res) }

// Checker checks one site again and again, as the watching server does
// after every build, and parses again only the HTML files whose bytes
// changed. Its rule: a build.Builder hands back the very same bytes (the
// same memory) for a page it did not render again, so a file is parsed
// again exactly when its bytes are new; everything else a finding depends
// on (the model, the Markdown reports, the set of files) is read afresh
// from each result. A Checker is used by one goroutine at a time.
type Checker struct {
	base  string                // the base URL the files were parsed for
	files map[string]parsedFile // by output path, from the last call
	names strs                  // the strings of files' links and targets
	// Parsed counts the files the last call parsed.
	Parsed int
}

// NewChecker returns a Checker with nothing parsed.
func NewChecker() *Checker { return &Checker{} }

// Site checks a built site as the package's Site does.
func (c *Checker) Site(res *build.Result) diag.List {
	found, _ := c.SiteUnless(res, nil)
	return found
}

// SiteUnless checks a built site as Site does, but gives up, reporting
// false, once stop (when not nil) reports true, as a server's check does
// when a newer build is served: the files it parsed by then are kept for
// the next check.
func (c *Checker) SiteUnless(res *build.Result, stop func() bool) (diag.List, bool) {
	c.Parsed = 0
	if c.base != res.Site.Config.BaseURL { // where links point depends on it
		c.base, c.files, c.names = res.Site.Config.BaseURL, nil, strs{}
	}
	var out findings
	docs := c.parseDocs(res, stop)
	if docs == nil {
		return nil, false
	}
	files := map[string]bool{}
	for _, f := range res.Files {
		files[f.Path] = true
	}
	src := newSources(res.Site, res.Reports)
	checkLinks(&out, docs, files, src, c.names)
	checkURLLinks(&out, docs, src)
	checkHeadings(&out, docs, src)
	checkImages(&out, docs, src)
	checkTranslations(&out, res.Site)
	checkPages(&out, res.Site)
	checkPlaceholders(&out, res.Site)
	checkLanguages(&out, res.Site, res.Glossary, res.Reports)
	return diag.List(out).Sort(), true
}
