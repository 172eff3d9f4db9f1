package check

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
	"golang.org/x/net/html/atom"
)

// checkLinks reports every link and embedded resource that points into the
// site at a file the build does not write, or at an anchor the target page
// does not have. Links into another language are checked like any other.
func checkLinks(out *findings, docs map[string]*doc, files map[string]bool, src *sources, names strs) {
	base, err := url.Parse(src.site.Config.BaseURL)
	if err != nil {
		return
	}
	for _, name := range sortedKeys(docs) {
		d := docs[name]
		if d.located == nil { // where each ref points depends on the file's bytes and address alone
			d.located = make([]location, len(d.refs))
			for i, r := range d.refs {
				d.located[i] = locate(d.url, r, base, names)
			}
		}
		for i, r := range d.refs {
			code, msg := resolve(r, d.located[i], base.Path, docs, files)
			if code == "" {
				continue
			}
			pos, ok := src.ref(d.page, code, r.value)
			if !ok {
				pos = diag.Pos{File: d.source}
				msg += fmt.Sprintf(" (in %s, from the template: the page's Markdown has no such link)", d.path)
			}
			out.add(pos, code, msg)
		}
	}
}

// location is where a ref points: outside the site, at a file of the site
// (with a fragment), or nowhere valid (bad says why). Every file keeps one
// per ref between checks, a hundred per page and most of them the menus
// every page has, so a location holds only what each check asks, in
// strings shared through strs.
type location struct {
	target, fragment string  // the file it names, below the site root, and the fragment
	bad              *badRef // not nil: no valid link into the site
	outside          bool
	index            bool // target is the path with "index.html" added
}

type badRef struct {
	code diag.Code
	msg  string
}

// rel is the path below the site root that l's ref gives.
func (l location) rel() string {
	if l.index {
		return strings.TrimSuffix(l.target, "index.html")
	}
	return l.target
}

// locate finds where ref r of the file at address at points.
func locate(at *url.URL, r ref, base *url.URL, names strs) location {
	u, err := url.Parse(strings.TrimSpace(r.value))
	if err != nil {
		return location{bad: &badRef{CodeBrokenLink, fmt.Sprintf("%s %q is not a valid URL: %v", r.attrName(), r.value, err)}}
	}
	abs := at.ResolveReference(u)
	if u.Scheme == "" && u.Host == "" && abs.Host == base.Host && !strings.HasPrefix(abs.Path, base.Path) {
		return location{bad: &badRef{CodeBrokenLink, fmt.Sprintf("link to %s: the site is published under %s, and this leaves it (link to the page's Markdown file, e.g. ../good-practices/x.md, and the build writes its URL)", r.value, base.Path)}}
	}
	if abs.Scheme != base.Scheme || abs.Host != base.Host || !strings.HasPrefix(abs.Path, base.Path) {
		return location{outside: true}
	}
	l := location{target: strings.TrimPrefix(abs.Path, base.Path), fragment: names.intern(abs.Fragment)}
	if l.target == "" || strings.HasSuffix(l.target, "/") {
		l.target, l.index = l.target+"index.html", true
	}
	l.target = names.intern(l.target)
	return l
}

// resolve returns the code and message of what is wrong with ref r at l,
// or "" when it is right or points outside the site, published under
// basePath.
func resolve(r ref, l location, basePath string, docs map[string]*doc, files map[string]bool) (code diag.Code, msg string) {
	switch {
	case l.bad != nil:
		return l.bad.code, l.bad.msg
	case l.outside:
		return "", ""
	}
	if !files[l.target] {
		msg := fmt.Sprintf("link to %s: the site has no such page or file", r.value)
		switch {
		case files[l.rel()+"/index.html"]:
			msg += " (end the address with /: " + basePath + l.rel() + "/)"
		case r.tag == atom.A || r.tag == atom.Area:
			msg += " (link to the page's Markdown file, e.g. ../good-practices/x.md, and the build writes its URL)"
		default:
			msg += " (put the file under static/ and give its path from the site root)"
		}
		return CodeBrokenLink, msg
	}
	frag := l.fragment
	td := docs[l.target]
	if frag == "" || frag == "top" || td == nil || td.ids[frag] {
		return "", ""
	}
	msg = fmt.Sprintf("link to %s: the page has no anchor #%s", r.value, frag)
	if near := closest(frag, td.ids); near != "" {
		msg += fmt.Sprintf(" (did you mean #%s?)", near)
	}
	return CodeBrokenAnchor, msg
}

// closest returns the id most like want, or "" when none is close.
func closest(want string, ids map[string]bool) string {
	return diag.Suggest(want, sortedKeys(ids))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// checkURLLinks reports a link in a page's Markdown written as the URL of
// another page of the site ("/fi/hyvat-kaytannot/x/", or the full
// address) rather than as its Markdown file: the URL breaks when the
// page's slug changes or the site moves to another address, and it does
// not follow the reader's language. The warning names the file to link.
func checkURLLinks(out *findings, docs map[string]*doc, src *sources) {
	base, err := url.Parse(src.site.Config.BaseURL)
	if err != nil {
		return
	}
	for _, name := range sortedKeys(docs) {
		d := docs[name]
		if d.page == nil {
			continue
		}
		for _, w := range src.urlLinks(d.page) {
			u, err := url.Parse(strings.TrimSpace(w.dest))
			if err != nil || (u.Scheme == "" && u.Host == "" && !strings.HasPrefix(u.Path, "/")) {
				continue // a relative URL other than a content file: checkLinks judges it
			}
			abs := d.url.ResolveReference(u)
			target := ""
			switch {
			case abs.Host == base.Host && strings.HasPrefix(abs.Path, base.Path):
				target = strings.TrimPrefix(abs.Path, base.Path)
			case u.Host == "" && strings.HasPrefix(u.Path, "/"): // a root path of a site published at a sub-path
				target = strings.TrimPrefix(u.Path, "/")
			default:
				continue
			}
			if target == "" || strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			td := docs[target]
			if td == nil || td.page == nil {
				continue
			}
			link := site.RelativeLink(d.page.Dir, td.page.SourceKey())
			if td.page.Lang != d.page.Lang {
				link = strings.TrimSuffix(link, ".md") + "." + td.page.Lang + ".md"
				if strings.HasSuffix(link, "/."+td.page.Lang+".md") {
					link = strings.TrimSuffix(link, "/."+td.page.Lang+".md") + "/" + content.IndexName + "." + td.page.Lang + ".md"
				}
			}
			if abs.Fragment != "" {
				link += "#" + abs.Fragment
			}
			out.add(w.pos, CodeURLLink, fmt.Sprintf("link to %s is the URL of %s: link its Markdown file instead, %s, so the link follows the page's slug, language and address", w.dest, td.page.File.Path, link))
		}
	}
}
