package dev

import (
	"bufio"
	"fmt"
	"io/fs"
	"net/http"
	"strings"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/cms"
	"github.com/opengov-fi/opengov/internal/diag"
)

// withCMS serves the browser CMS's local backend at /admin/api/v1 beside
// the site. A save is checked by building the site with it in memory; a
// refused one is printed and shown in the open tabs' overlay.
func (d *devServer) withCMS(site http.Handler, url string) http.Handler {
	backend := &cms.Backend{
		Root: d.opts.Root,
		Check: func(fsys fs.FS) diag.List {
			_, errs := build.Run(fsys, build.Options{Drafts: d.opts.Drafts, BaseURL: url})
			return errs
		},
		Rejected: func(errs diag.List, saved fs.FS) {
			problems := make([]Problem, len(errs))
			for i, e := range errs {
				problems[i] = Problem{Pos: e.Pos.String(), Message: e.Msg, Hint: e.Hint, Source: sourceLineIn(saved, e.Pos)}
			}
			d.logf("the CMS's save was refused, nothing was written: %d %s", len(problems), plural(len(problems), "error", "errors"))
			for _, p := range problems {
				d.printProblem(p)
			}
			d.notify(event{Type: "error", Errors: problems})
		},
	}
	mux := http.NewServeMux()
	mux.Handle("/"+cms.APIPath, backend)
	mux.Handle("/", site)
	return mux
}

// sourceLineIn is sourceLine for a file of an fs.FS.
func sourceLineIn(fsys fs.FS, pos diag.Pos) string {
	f, err := fsys.Open(pos.File)
	if err != nil || pos.Line <= 0 {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for i := 1; sc.Scan(); i++ {
		if i == pos.Line {
			gutter := fmt.Sprintf("%5d | ", i)
			out := gutter + strings.ReplaceAll(sc.Text(), "\t", "    ")
			if pos.Col > 0 {
				out += "\n" + strings.Repeat(" ", len(gutter)-2) + "| " + strings.Repeat(" ", pos.Col-1) + "^"
			}
			return out
		}
	}
	return ""
}
