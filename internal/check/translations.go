package check

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/site"
)

// SourceHash is what a translation's source_hash records of the
// default-language version it was translated from: the first 12 hex digits
// of the SHA-256 of that file's body (the Markdown after the front matter,
// so that changing only a date or the summary does not make translations
// stale).
func SourceHash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])[:12]
}

var hashRE = regexp.MustCompile(`^[0-9a-f]{12}$`)

// checkTranslations reports, for each page an editor wrote, the languages
// it lacks, and a translation whose source_hash no longer matches the
// default-language version.
func checkTranslations(out *findings, s *site.Site) {
	def := s.Config.DefaultLanguage
	for _, p := range s.Pages {
		if p.Kind.Generated() { // generated pages follow their parents
			continue
		}
		if p.Translations()[0] == p { // report a group once, at its first page
			for _, l := range s.Config.Languages {
				if p.Translation(l.Code) != nil {
					continue
				}
				section := p.Dir
				if section == "" {
					section = "(top level)"
				}
				if d := s.DraftOf(p, l.Code); d != nil {
					out.add(p.Pos(), CodeDraftTranslation, fmt.Sprintf("section %s: the %s version of %q is a draft (%s is published once its draft: true is removed; opengov check --drafts checks it)",
						section, l.Code, p.Front.Title, d.Path))
					continue
				}
				out.add(p.Pos(), CodeMissingTranslation, fmt.Sprintf("section %s: %q has no %s (%s) version (add %s)",
					section, p.Front.Title, l.Name, l.Code, path.Join(content.Dir, p.Dir, p.Name+"."+l.Code+".md")))
			}
		}
		checkStale(out, s, p, def)
	}
}

func checkStale(out *findings, s *site.Site, p *site.Page, def string) {
	recorded := p.Front.SourceHash
	if recorded == "" || p.Lang == def {
		return
	}
	pos := p.FieldPos("source_hash")
	orig := p.Translation(def)
	switch {
	case orig == nil:
		out.add(pos, CodeStaleTranslation, fmt.Sprintf("source_hash is set, but the page has no %s version to be a translation of", def))
	case !hashRE.MatchString(recorded):
		out.add(pos, CodeStaleTranslation, fmt.Sprintf("source_hash %q is not 12 lowercase hex digits (%s as it is now has source_hash: %s)", recorded, orig.File.Path, SourceHash(s.Source(orig).Body)))
	default:
		if now := SourceHash(s.Source(orig).Body); now != recorded {
			out.add(pos, CodeStaleTranslation, fmt.Sprintf("translation is stale: %s has changed since it was translated (update this page to match it, then set source_hash: %s)", orig.File.Path, now))
		}
	}
}
