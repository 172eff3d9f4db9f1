package main

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/opengov-fi/opengov/internal/schema"
)

// vocabCmd prints every controlled vocabulary: each term's id, which the
// front matter takes, and its label in each language.
func vocabCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("opengov vocab", flag.ContinueOnError)
	source := fs.String("source", ".", "the site's `folder`")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: opengov vocab [flags]\n\nPrints the vocabularies of %s: the id to write in the front\nmatter, then the label in each language.\n\nFlags:\n", schema.VocabularyFile)
		fs.PrintDefaults()
	}
	if code, ok := parse(fs, args, stderr); !ok {
		return code
	}
	_, langs, vocab, errs := loadVocabularies(*source, schema.Builtin())
	if errs != nil {
		return report(stderr, errs)
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for i, name := range vocab.Names() {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s\n", name)
		fmt.Fprint(w, "  id")
		for _, l := range langs {
			fmt.Fprintf(w, "\t%s", l)
		}
		fmt.Fprintln(w)
		for _, t := range vocab.ByName(name) {
			fmt.Fprintf(w, "  %s", t.ID)
			for _, l := range langs {
				fmt.Fprintf(w, "\t%s", t.In(l))
			}
			fmt.Fprintln(w)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "opengov vocab: %v\n", err)
		return exitErrors
	}
	return exitOK
}
