package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/publish"
	"github.com/opengov-fi/opengov/internal/search"
)

// indexSearch writes the search index of the staged pages into the stage,
// before it is swapped into place: a failed index fails the build. Without
// Node.js or Pagefind it explains how to install them and gives exitUsage.
func indexSearch(source string, stage *publish.Stage, res *build.Result, stdout, stderr io.Writer) int {
	ctx := context.Background()
	start := time.Now()
	tool, err := search.Find(ctx, source)
	var missing *search.MissingError
	if errors.As(err, &missing) {
		fmt.Fprintf(stderr, "opengov: %v\n", err)
		return exitUsage
	}
	if err == nil {
		pages, records := search.Plan(res.Site)
		var n int
		n, err = tool.Index(ctx, search.Input{Site: stage.FS(), Pages: pages, Records: records}, stage.Add)
		if err == nil {
			fmt.Fprintf(stdout, "indexed %d pages for search in %v\n", n, time.Since(start).Round(time.Millisecond))
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "opengov: %v\nopengov: nothing was written\n", err)
		return exitErrors
	}
	return exitOK
}
