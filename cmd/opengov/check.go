package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/check"
)

// checkCmd builds the site in memory and reports what an editor should
// fix. Errors (broken links and anchors, skipped heading levels, images
// without alt text) and build errors exit 1; warnings (missing or stale
// translations, missing summaries, duplicate titles) do not.
func checkCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("opengov check", flag.ContinueOnError)
	source := fs.String("source", ".", "the site's `folder`, holding site.toml, content/, templates/, i18n/ and static/")
	format := fs.String("format", "text", "output `format`: text (file:line:col: severity: message [code]) or json (an array of {file, line, col, severity, code, message})")
	baseURL := fs.String("base-url", "", "check the site as built for this base `URL` instead of site.toml's base_url")
	drafts := fs.Bool("drafts", false, "check the pages marked draft: true too, as if they were published")
	translations := fs.Bool("translations", false, "report, for every page and language, translated, missing, stale, untracked or draft, and for a stale page what changed in its source since it was translated (from git history)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: opengov check [flags]\n\nBuilds the site in memory (writing nothing) and reports broken links and\nanchors, skipped heading levels and images without alt text (errors), and\nmissing or stale translations, missing summaries and duplicate titles\n(warnings).\nExit codes: 0 no errors, 1 errors (or the site does not build), 2 usage.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "opengov check: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	res, errs := build.Run(os.DirFS(*source), build.Options{BaseURL: *baseURL, Drafts: *drafts, Reports: true})
	if errs != nil {
		if *format == "json" {
			_ = check.WriteJSON(stdout, errs)
		} else {
			_ = errs.WithExcerpts(os.DirFS(*source)).Write(stderr)
		}
		fmt.Fprintf(stderr, "opengov check: the site does not build (%s)\n", count(len(errs), "error"))
		return exitErrors
	}
	if *translations {
		return translationReport(res, *source, *format, stdout, stderr)
	}
	found := check.Site(res)
	var err error
	if *format == "json" {
		err = check.WriteJSON(stdout, found)
	} else {
		err = check.WriteText(stdout, found.WithExcerpts(os.DirFS(*source)))
	}
	if err != nil {
		fmt.Fprintf(stderr, "opengov check: %v\n", err)
		return exitErrors
	}
	nerr, nwarn := found.Count()
	fmt.Fprintf(stderr, "opengov check: %d pages, %s, %s\n", len(res.Site.Pages), count(nerr, "error"), count(nwarn, "warning"))
	if nerr > 0 {
		return exitErrors
	}
	return exitOK
}

// count writes n with its noun: "1 error", "2 errors".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// translationReport prints the translation report of a built site.
func translationReport(res *build.Result, source, format string, stdout, stderr io.Writer) int {
	rows := check.Translations(res.Site, newGitHistory(source))
	var err error
	if format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(rows)
	} else {
		err = check.WriteTranslations(stdout, rows)
	}
	if err != nil {
		fmt.Fprintf(stderr, "opengov check: %v\n", err)
		return exitErrors
	}
	states := map[string]int{}
	for _, r := range rows {
		states[r.State]++
	}
	fmt.Fprintf(stderr, "opengov check: %d translated, %d stale, %d untracked, %d missing, %d drafts\n",
		states[check.StateTranslated], states[check.StateStale], states[check.StateUntracked], states[check.StateMissing], states[check.StateDraft])
	return exitOK
}
