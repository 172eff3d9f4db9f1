// Command opengov builds the opengov.fi static site from Markdown in
// Finnish, English and any other language named in site.toml.
//
//	opengov build [--source DIR] [--out DIR] [--base-url URL] [--drafts] [--search=false]
//	opengov serve [--source DIR] [--port N] [--bind ADDR] [--drafts]
//	opengov new KIND NAME
//	opengov check [--source DIR] [--format text|json] [--drafts]
//	opengov vocab [--source DIR]
//	opengov version
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/cms"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/publish"
)

// Exit codes.
const (
	exitOK     = 0
	exitErrors = 1 // the site has errors; all are listed
	exitUsage  = 2
)

const usage = `opengov builds the opengov.fi static site.

Usage:
  opengov build [flags]    build the site into public/
  opengov serve [flags]    serve the site with live reload while you edit
  opengov new KIND NAME    start a new practice or commitment in every language
  opengov check [flags]    report broken links, missing translations and more
  opengov vocab            list the vocabularies' ids and labels in each language
  opengov version          print the version

Run "opengov build -h" for the flags of build.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return buildCmd(args[1:], stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stdout, stderr)
	case "new":
		return newCmd(args[1:], stdout, stderr)
	case "check":
		return checkCmd(args[1:], stdout, stderr)
	case "vocab":
		return vocabCmd(args[1:], stdout, stderr)
	case "version":
		return versionCmd(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "opengov: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// parse parses flags, printing help for -h; ok is false when the command
// should stop with code.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (code int, ok bool) {
	fs.SetOutput(stdout)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK, false
	case err != nil:
		return exitUsage, false
	case fs.NArg() > 0:
		fmt.Fprintf(stdout, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitUsage, false
	}
	return exitOK, true
}

func buildCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("opengov build", flag.ContinueOnError)
	source := fs.String("source", ".", "the site's `folder`, holding site.toml, content/, templates/, i18n/ and static/")
	out := fs.String("out", "public", "the `folder` to build into; it is replaced as a whole only when the build succeeds")
	baseURL := fs.String("base-url", "", "build for this base `URL` instead of site.toml's base_url, e.g. https://example.org/opengov/")
	drafts := fs.Bool("drafts", false, "include pages marked draft: true")
	withSearch := fs.Bool("search", true, "build the search index with Pagefind; -search=false leaves pagefind/ out (and Node.js unneeded), e.g. to time the build alone")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: opengov build [flags]\n\nBuilds the site into a staging folder and swaps it into place.\nExit codes: 0 built, 1 the site has errors (all listed, with file:line:col), 2 usage.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	start := time.Now()
	dir := *out
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(*source, dir)
	}
	// Files go into a staging folder as they are made; the folder replaces
	// dir only when the whole build succeeded.
	stage, err := publish.NewStage(dir, *source)
	if err != nil {
		fmt.Fprintf(stderr, "opengov: %v\n", err)
		var refused *publish.RefusedError
		if errors.As(err, &refused) {
			return exitUsage
		}
		return exitErrors
	}
	// Whatever happens, the staging folder goes: Abort after Commit does
	// nothing, and a panic removes it before it goes on.
	defer func() {
		stage.Abort()
		if r := recover(); r != nil {
			panic(r)
		}
	}()
	w := publish.NewWriter(stage)
	res, errs := build.Run(os.DirFS(*source), build.Options{Drafts: *drafts, BaseURL: *baseURL, Sink: w.Add,
		Decap: os.DirFS(filepath.Join(*source, cms.PackageDir))})
	written, err := w.Close()
	if errs == nil && err != nil {
		errs = diag.List{{Pos: diag.Pos{File: dir}, Msg: err.Error()}}
	}
	if errs != nil {
		stage.Abort()
		return report(stderr, errs.WithExcerpts(os.DirFS(*source)))
	}
	// Search: Pagefind indexes the staged pages before the swap.
	if *withSearch {
		if code := indexSearch(*source, stage, res, stdout, stderr); code != exitOK {
			stage.Abort()
			return code
		}
	}
	if err := stage.Commit(); err != nil {
		fmt.Fprintf(stderr, "opengov: %v\n", err)
		var refused *publish.RefusedError
		if errors.As(err, &refused) {
			return exitUsage
		}
		return exitErrors
	}
	fmt.Fprintf(stdout, "built %d pages (%d files) into %s in %v\n", len(res.Site.Pages), written, dir, time.Since(start).Round(time.Millisecond))
	return exitOK
}

// report prints every error, one a line (with its source line where it
// has an excerpt), and a count.
func report(w io.Writer, errs diag.List) int {
	_ = errs.Write(w)
	fmt.Fprintf(w, "opengov: %s; nothing was written\n", count(len(errs), "error"))
	return exitErrors
}

func versionCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("opengov version", flag.ContinueOnError)
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	fmt.Fprintln(stdout, "opengov", version())
	return exitOK
}

// version is the module version, or the VCS revision the binary was built
// from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
		if s.Key == "vcs.modified" && s.Value == "true" {
			v += "+dirty"
		}
	}
	return v
}
