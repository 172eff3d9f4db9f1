package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/scaffold"
	"github.com/opengov-fi/opengov/internal/schema"
)

func newCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("opengov new", flag.ContinueOnError)
	source := fs.String("source", ".", "the site's `folder`")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: opengov new practice NAME
       opengov new commitment PLAN/NAME

Writes a new good practice or commitment in every language of the site,
with every field and a comment on each. It never overwrites a file.

  opengov new practice open-budget
  opengov new commitment 2023-2027/measure-3-3

Flags:
`)
		fs.PrintDefaults()
	}
	fs.SetOutput(stderr)
	// Flags may come before or after the kind and name.
	var positional []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return exitOK
			}
			return exitUsage
		}
		args = fs.Args()
		if len(args) > 0 {
			positional = append(positional, args[0])
			args = args[1:]
		}
	}
	if len(positional) != 2 {
		fs.Usage()
		return exitUsage
	}
	kind, name := positional[0], positional[1]
	types := schema.Builtin()
	if !slices.Contains(scaffold.Kinds(types), kind) {
		fmt.Fprintf(stderr, "opengov new: unknown kind %q: make a %s\n", kind, strings.Join(scaffold.Kinds(types), " or a "))
		return exitUsage
	}
	cfg, _, vocab, errs := loadVocabularies(*source, types)
	if errs != nil {
		return report(stderr, errs)
	}
	paths, err := scaffold.New(*source, cfg, vocab, types, kind, name, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "opengov new: %v\n", err)
		return exitErrors
	}
	fmt.Fprintf(stdout, "wrote %s\nfill in the fields (the comments say what each takes); the build checks them\n", strings.Join(paths, "\n      "))
	return exitOK
}

// loadVocabularies reads the site's configuration and the vocabularies of
// types, for the commands that need them without building the site.
func loadVocabularies(source string, types schema.Types) (*config.Config, []string, *schema.Vocabularies, diag.List) {
	fsys := os.DirFS(source)
	cfg, errs := config.Load(fsys, types.Sections())
	if errs != nil {
		return nil, nil, nil, errs
	}
	var langs []string
	for _, l := range cfg.Languages {
		langs = append(langs, l.Code)
	}
	vocab, errs := schema.LoadVocabularies(fsys, langs, types.In(cfg).Vocabularies())
	return cfg, langs, vocab, errs
}
