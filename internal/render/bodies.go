package render

import (
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/output"
	"github.com/opengov-fi/opengov/internal/site"
)

// Bodies renders pages again, for a model that site.WithBodies made from
// the model of an earlier build: pages are those whose bodies changed, and
// every other file, page or not, is what that build made, as none of them
// reads another page's body. It returns the pages' files in the order of
// pages and, when in.Reports is not nil, puts their reports in it.
//
// With in.Cache it keeps the pages in the cache beside the others, which
// stay: a page whose key did not change is taken from it. When the
// cache's view hashes are of another model than in.Model (a build between
// failed), only these pages' hashes are kept.
func Bodies(in Input, pages []*site.Page) ([]output.File, diag.List) {
	r := newRenderer(in)
	results := make([]pageResult, len(pages))
	for i, p := range pages {
		results[i] = r.safePage(p)
	}
	files, errs := collect(results, in.Reports)
	r.keepBeside(pages, results)
	return files, errs
}
