package dev

import (
	"io/fs"
	"net/http"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/cms"
	"github.com/opengov-fi/opengov/internal/diag"
)

// withCMS serves the browser CMS's local backend at /admin/api/v1 beside
// the site. A save is checked by building the site with it in memory; a
// refused one is printed and shown in the open tabs' overlay, with the
// lines of the files as the CMS would have saved them.
func (d *devServer) withCMS(site http.Handler, url string) http.Handler {
	backend := &cms.Backend{
		Root: d.opts.Root,
		Check: func(fsys fs.FS) diag.List {
			_, errs := build.Run(fsys, build.Options{Drafts: d.opts.Drafts, BaseURL: url})
			return errs
		},
		Rejected: func(errs diag.List, saved fs.FS) {
			problems := errs.WithExcerpts(saved)
			d.logf("the CMS's save was refused, nothing was written: %d %s", len(problems), plural(len(problems), "error", "errors"))
			if d.opts.Log != nil {
				_ = problems.Write(d.opts.Log)
			}
			d.notify(event{Type: "error", Errors: problems})
		},
	}
	mux := http.NewServeMux()
	mux.Handle("/"+cms.APIPath, backend)
	mux.Handle("/", site)
	return mux
}
