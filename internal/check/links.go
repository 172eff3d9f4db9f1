package check

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// checkLinks reports every link and embedded resource that points into the
// site at a file the build does not write, or at an anchor the target page
// does not have. Links into another language are checked like any other.
func checkLinks(out *findings, docs map[string]*doc, files map[string]bool, src *sources) {
	base, err := url.Parse(src.site.Config.BaseURL)
	if err != nil {
		return
	}
	for _, name := range sortedKeys(docs) {
		d := docs[name]
		if d.located == nil { // where each ref points depends on the file's bytes and address alone
			d.located = make([]location, len(d.refs))
			for i, r := range d.refs {
				d.located[i] = locate(d.url, r, base)
			}
		}
		for i, r := range d.refs {
			code, msg := resolve(r, d.located[i], docs, files)
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
// (with a fragment), or nowhere valid (code and msg say why).
type location struct {
	code          diag.Code
	msg           string
	outside       bool
	rel, target   string // the path below the site root, and the file it names
	abs, fragment string
}

// locate finds where ref r of the file at address at points.
func locate(at *url.URL, r ref, base *url.URL) location {
	u, err := url.Parse(strings.TrimSpace(r.value))
	if err != nil {
		return location{code: CodeBrokenLink, msg: fmt.Sprintf("%s %q is not a valid URL: %v", r.attr, r.value, err)}
	}
	abs := at.ResolveReference(u)
	if u.Scheme == "" && u.Host == "" && abs.Host == base.Host && !strings.HasPrefix(abs.Path, base.Path) {
		return location{code: CodeBrokenLink, msg: fmt.Sprintf("link to %s: the site is published under %s, and this leaves it (link to the page's Markdown file, e.g. ../good-practices/x.md, and the build writes its URL)", r.value, base.Path)}
	}
	if abs.Scheme != base.Scheme || abs.Host != base.Host || !strings.HasPrefix(abs.Path, base.Path) {
		return location{outside: true}
	}
	l := location{rel: strings.TrimPrefix(abs.Path, base.Path), abs: abs.Path, fragment: abs.Fragment}
	l.target = l.rel
	if l.target == "" || strings.HasSuffix(l.target, "/") {
		l.target += "index.html"
	}
	return l
}

// resolve returns the code and message of what is wrong with ref r at l,
// or "" when it is right or points outside the site.
func resolve(r ref, l location, docs map[string]*doc, files map[string]bool) (code diag.Code, msg string) {
	switch {
	case l.code != "":
		return l.code, l.msg
	case l.outside:
		return "", ""
	}
	if !files[l.target] {
		msg := fmt.Sprintf("link to %s: the site has no such page or file", r.value)
		switch {
		case files[l.rel+"/index.html"]:
			msg += " (end the address with /: " + l.abs + "/)"
		case r.tag == "a" || r.tag == "area":
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
