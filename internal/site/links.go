package site

import (
	"errors"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
)

// Link is where a Markdown link to a content file points.
type Link struct {
	Page     *Page
	Fragment string // without '#'
	// OtherLanguage is set when the target exists only in another language
	// than the linking page.
	OtherLanguage bool
}

// IsContentLink reports whether a Markdown link destination refers to a
// content file (a relative path ending in .md, or to a folder) rather than
// to an external URL, a root path, or an anchor on the same page.
func IsContentLink(dest string) bool {
	if strings.Contains(dest, "://") || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") {
		return false // a URL, a root path or an anchor: the common cases, without parsing
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return false
	}
	return strings.HasSuffix(u.Path, ".md") || strings.HasSuffix(u.Path, "/")
}

// ErrNoSuchPage is returned by Resolve for a link to a file that does not
// exist; the error it returns is a *NoSuchPageError, which matches it.
var ErrNoSuchPage = errors.New("no such page")

// NoSuchPageError is a link to a content file that does not exist, with
// the nearest one that does.
type NoSuchPageError struct {
	// Nearest is the link to write to the existing page most like the
	// one named, relative to the linking page as the link was, or "".
	Nearest string
}

func (e *NoSuchPageError) Error() string {
	if e.Nearest != "" {
		return "no such page; did you mean " + e.Nearest + "?"
	}
	return "no such page"
}

// Is makes errors.Is(err, ErrNoSuchPage) true.
func (e *NoSuchPageError) Is(target error) bool { return target == ErrNoSuchPage }

// noSuchPage returns the error for a link from the folder dir to the
// missing content key target.
func (s *Site) noSuchPage(dir, target string) error {
	near := diag.Suggest(target, s.Sources())
	if near == "" {
		return &NoSuchPageError{}
	}
	return &NoSuchPageError{Nearest: RelativeLink(dir, near)}
}

// RelativeLink is the Markdown link from a file in the content folder dir
// to the page with content key key: "../good-practices/x.md", or a
// section's folder, "../good-practices/".
func RelativeLink(dir, key string) string {
	from := []string{}
	if dir != "" {
		from = strings.Split(dir, "/")
	}
	to := strings.Split(key, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	parts := slices.Repeat([]string{".."}, len(from)-i)
	parts = append(parts, to[i:]...)
	link := strings.Join(parts, "/")
	if last := to[len(to)-1]; last == content.IndexName {
		link = strings.TrimSuffix(strings.TrimSuffix(link, content.IndexName), "/") + "/"
		if link == "/" { // the section the file is in
			link = content.IndexName + ".md"
		}
		return link
	}
	return link + ".md"
}

// Resolve finds the page that a relative link written in from's Markdown
// points at. "../good-practices/x.md" names the page in from's language
// (or, if it has none, its first translation); "x.en.md" names a language;
// "../good-practices/" or ".../_index.md" names a section.
func (s *Site) Resolve(from *Page, dest string) (Link, error) {
	destPath, fragment, _ := strings.Cut(dest, "#")
	if strings.ContainsAny(destPath, "%?") { // rare: let net/url decode it
		u, err := url.Parse(dest)
		if err != nil {
			return Link{}, err
		}
		destPath, fragment = u.Path, u.Fragment
	}
	target := path.Join(from.Dir, destPath)
	if strings.HasSuffix(destPath, "/") || destPath == "." || destPath == ".." {
		target = path.Join(target, content.IndexName)
	} else {
		target = strings.TrimSuffix(target, ".md")
	}
	if strings.HasPrefix(target, "../") || target == ".." {
		return Link{}, &NoSuchPageError{}
	}
	if target == "." {
		target = content.IndexName
	}
	link := Link{Fragment: fragment}
	// An explicit language suffix: "x.en".
	if dot := strings.LastIndexByte(target, '.'); dot > strings.LastIndexByte(target, '/') {
		if p := s.bySource[target]; p != nil {
			link.Page, link.OtherLanguage = p, p.Lang != from.Lang
			return link, nil
		}
	}
	if p := s.bySource[target+"."+from.Lang]; p != nil {
		link.Page = p
		return link, nil
	}
	// The file exists in other languages only; a translation paired by key
	// may still exist in from's language.
	for _, l := range s.Config.Languages {
		if p := s.bySource[target+"."+l.Code]; p != nil {
			if t := p.Translation(from.Lang); t != nil {
				link.Page = t
				return link, nil
			}
			link.Page, link.OtherLanguage = p, true
			return link, nil
		}
	}
	return Link{}, s.noSuchPage(from.Dir, target)
}

// Sources lists the content keys the site has, for "did you mean" hints.
func (s *Site) Sources() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range s.Pages {
		if k := p.SourceKey(); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}
