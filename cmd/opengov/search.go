package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/publish"
	"github.com/opengov-fi/opengov/internal/search"
)

// indexSearch writes the search index of the staged pages into the stage,
// before it is swapped into place: a failed index fails the build. Without
// Node.js or Pagefind it explains how to install them and gives exitUsage.
func indexSearch(source string, stage *publish.Stage, res *build.Result, stderr io.Writer) int {
	ctx := context.Background()
	tool, err := search.Find(ctx, source)
	var missing *search.MissingError
	if errors.As(err, &missing) {
		fmt.Fprintf(stderr, "opengov: %v\n", err)
		return exitUsage
	}
	if err == nil {
		pages, records := search.Plan(res.Site)
		_, err = tool.Index(ctx, search.Input{Site: stage.FS(), Pages: pages, Records: records}, stage.Add)
	}
	if err != nil {
		fmt.Fprintf(stderr, "opengov: %v\nopengov: nothing was written\n", err)
		return exitErrors
	}
	return exitOK
}
