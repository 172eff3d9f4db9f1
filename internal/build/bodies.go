package build

import (
	"crypto/sha256"
	"maps"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/output"
	"github.com/opengov-fi/opengov/internal/render"
	"github.com/opengov-fi/opengov/internal/site"
)

// lastBuild is the last build of a Builder that succeeded, kept for a
// save that changes only the text of pages (see bodiesOnly).
type lastBuild struct {
	stamp  [sha256.Size]byte // its modelStamp
	global [sha256.Size]byte // its globalHash
	res    *Result           // its Files sorted by path; Reports not nil if asked for
}

func (st *state) keepLast(res *Result, stamp [sha256.Size]byte, opts Options) {
	st.last = nil
	if opts.Sink == nil { // with a Sink its files are gone
		st.last = &lastBuild{stamp: stamp, global: st.global, res: res}
	}
}

// like returns the model of the last good build when it was made of the
// same site-wide inputs, for site.New to reuse its structure; or nil.
func (st *state) like() *site.Site {
	if st.last == nil || st.last.global != st.global {
		return nil
	}
	return st.last.res.Site
}

// bodiesOnly builds the site from the last good build when files differ
// from its files only in their bodies: the model is made of the global
// inputs and the front matter (stamp, their modelStamp, is the last
// build's), so it is the last build's with these bodies
// (site.WithBodies), and only the pages whose bodies changed are rendered
// again; every other file, the exports, feeds, lists and sitemap among
// them, is the last build's, as none of them reads a body. The result is
// what run would give. It reports false when this does not apply: no
// good build before, content errors (errs), or a change to anything but
// bodies.
func (st *state) bodiesOnly(opts Options, stamp [sha256.Size]byte, files []*content.File, errs diag.List, sh *shared) (*Result, diag.List, bool) {
	last := st.last
	if last == nil || errs != nil || !sh.ok() || stamp != last.stamp || opts.Reports != (last.res.Reports != nil) || opts.Sink != nil {
		return nil, nil, false
	}
	model, ok := last.res.Site.WithBodies(files)
	if !ok {
		return nil, nil, false
	}
	in := render.Input{Site: model, Catalog: sh.catalog, Templates: sh.templates, Assets: sh.static, Minifier: sh.minifier,
		Cache: st.cache, Global: st.global, Model: stamp, Glossary: sh.glossary}
	if opts.Reports {
		in.Reports = maps.Clone(last.res.Reports)
	}
	pages := model.ChangedBodies()
	rendered, errs := render.Bodies(in, pages)
	if errs != nil {
		return nil, errs.Sort(), true
	}
	out := slices.Clone(last.res.Files)
	for _, f := range rendered {
		i, ok := slices.BinarySearchFunc(out, f.Path, func(g output.File, p string) int { return strings.Compare(g.Path, p) })
		if !ok {
			return nil, nil, false // cannot be: the page was there
		}
		out[i] = f
	}
	res := &Result{Site: model, Glossary: sh.glossary, Files: out, Rendered: st.cache.Rendered, Reports: in.Reports}
	st.last = &lastBuild{stamp: stamp, global: st.global, res: res}
	return res, nil, true
}
