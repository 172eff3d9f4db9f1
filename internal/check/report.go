package check

import (
	"fmt"
	"io"
	"path"
	"strings"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/site"
)

// The states of a page in one language in the translation report.
const (
	StateSource     = "source"     // the default-language page translations are made from
	StateTranslated = "translated" // its source_hash matches the source as it is now
	StateStale      = "stale"      // the source changed since it was translated
	StateUntracked  = "untracked"  // a translation without source_hash: cannot tell
	StateMissing    = "missing"
	StateDraft      = "draft" // exists, but is a draft, so is not published
)

// TranslationRow is one page in one language.
type TranslationRow struct {
	Source string `json:"source"` // the page's first file, naming the row's page
	Title  string `json:"title"`
	Lang   string `json:"lang"`
	State  string `json:"state"`
	File   string `json:"file"` // the file in Lang, or where to add it
	// Changes says, for a stale translation, what changed in the source
	// since the version it was translated from.
	Changes *SourceChanges `json:"changes,omitempty"`
}

// SourceChanges is what changed in a source file since an earlier version.
type SourceChanges struct {
	// Found reports whether the version translated from was found in the
	// history; where it was not, Why says why, and nothing else is set.
	Found   bool     `json:"found"`
	Why     string   `json:"why,omitempty"`
	Version string   `json:"version,omitempty"` // the version's name in the history (a commit)
	Title   []string `json:"title,omitempty"`   // old and new, where the title changed
	Summary []string `json:"summary,omitempty"` // old and new, where the summary changed
	Removed []string `json:"removed,omitempty"` // paragraphs of the old version the source no longer has
	Added   []string `json:"added,omitempty"`   // paragraphs the source has gained
}

// Version is one earlier version of a file.
type Version struct {
	Name string // a commit
	Data []byte
}

// History gives the earlier versions of a source file, newest first: a
// git repository's, for instance. An error says why there are none.
type History interface {
	Versions(file string) ([]Version, error)
}

// Translations reports every page an editor wrote in every language of
// the site: translated, missing, stale, untracked or a draft; for a stale
// translation, what changed in its source since the version whose hash
// it records, looked up in history (which may be nil).
func Translations(s *site.Site, history History) []TranslationRow {
	var rows []TranslationRow
	def := s.Config.DefaultLanguage
	for _, p := range s.Pages {
		if p.Kind.Generated() || p.Translations()[0] != p {
			continue // generated pages follow their parents; a group is reported once
		}
		src := p.Translation(def)
		for _, l := range s.Config.Languages {
			row := TranslationRow{Source: p.File.Path, Title: p.Front.Title, Lang: l.Code}
			t := p.Translation(l.Code)
			switch {
			case t == nil:
				row.State, row.File = StateMissing, path.Join(content.Dir, p.Dir, p.Name+"."+l.Code+".md")
				if d := s.DraftOf(p, l.Code); d != nil {
					row.State, row.File = StateDraft, d.Path
				}
			case l.Code == def:
				row.State, row.File = StateSource, t.File.Path
			case src == nil || t.Front.SourceHash == "":
				row.State, row.File = StateUntracked, t.File.Path
			case t.Front.SourceHash == SourceHash(s.Source(src).Body):
				row.State, row.File = StateTranslated, t.File.Path
			default:
				row.State, row.File = StateStale, t.File.Path
				row.Changes = changesSince(s.Source(src), t.Front.SourceHash, history, langCodes(s))
			}
			rows = append(rows, row)
		}
	}
	return rows
}

func langCodes(s *site.Site) []string {
	var out []string
	for _, l := range s.Config.Languages {
		out = append(out, l.Code)
	}
	return out
}

// changesSince finds in history the version of the file src whose body
// has the hash recorded, and compares it with src.
func changesSince(src *content.File, recorded string, history History, langs []string) *SourceChanges {
	if !hashRE.MatchString(recorded) {
		return &SourceChanges{Why: fmt.Sprintf("source_hash %q is not a hash, so there is no version to compare with", recorded)}
	}
	if history == nil {
		return &SourceChanges{Why: "the site is not in a git repository, so its earlier versions cannot be read"}
	}
	versions, err := history.Versions(src.Path)
	if err != nil {
		return &SourceChanges{Why: "cannot read the history of " + src.Path + ": " + err.Error()}
	}
	for _, v := range versions {
		old := parseVersion(src.Path, v.Data, langs)
		if old == nil || SourceHash(old.Body) != recorded {
			continue
		}
		c := &SourceChanges{Found: true, Version: v.Name}
		if old.Front.Title != src.Front.Title {
			c.Title = []string{old.Front.Title, src.Front.Title}
		}
		if old.Front.Summary != src.Front.Summary {
			c.Summary = []string{old.Front.Summary, src.Front.Summary}
		}
		c.Removed, c.Added = diffParagraphs(paragraphs(old.Body), paragraphs(src.Body))
		return c
	}
	return &SourceChanges{Why: fmt.Sprintf("no version of %s in its %d commits has the body hash %s: it was never committed, or source_hash was mistyped",
		src.Path, len(versions), recorded)}
}

// parseVersion parses an earlier version of the content file at p, or
// returns nil when it does not parse.
func parseVersion(p string, data []byte, langs []string) *content.File {
	files, _ := content.Load(fstest.MapFS{p: {Data: data}}, langs)
	if len(files) != 1 {
		return nil
	}
	return files[0]
}

// paragraphs splits Markdown into its blank-line separated blocks.
func paragraphs(body []byte) []string {
	var out []string
	for _, block := range strings.Split(strings.ReplaceAll(string(body), "\r\n", "\n"), "\n\n") {
		if b := strings.TrimSpace(block); b != "" {
			out = append(out, b)
		}
	}
	return out
}

// diffParagraphs returns the paragraphs of old that new lacks and those
// of new that old lacks, each in order; a paragraph that moved is
// neither.
func diffParagraphs(old, new []string) (removed, added []string) {
	count := map[string]int{}
	for _, p := range new {
		count[p]++
	}
	for _, p := range old {
		if count[p] > 0 {
			count[p]--
		} else {
			removed = append(removed, p)
		}
	}
	count = map[string]int{}
	for _, p := range old {
		count[p]++
	}
	for _, p := range new {
		if count[p] > 0 {
			count[p]--
		} else {
			added = append(added, p)
		}
	}
	return removed, added
}

// WriteTranslations writes the report as text: a block per page, a line
// per language, and under a stale translation what changed.
func WriteTranslations(w io.Writer, rows []TranslationRow) error {
	var b strings.Builder
	last := ""
	for _, r := range rows {
		if r.Source != last {
			if last != "" {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "%s  %q\n", r.Source, r.Title)
			last = r.Source
		}
		fmt.Fprintf(&b, "  %-3s %-10s %s\n", r.Lang, r.State, r.File)
		c := r.Changes
		switch {
		case c == nil:
		case !c.Found:
			fmt.Fprintf(&b, "      what changed is not known: %s\n", c.Why)
		default:
			fmt.Fprintf(&b, "      changed in the source since %s, the version translated:\n", c.Version)
			if c.Title != nil {
				fmt.Fprintf(&b, "      title: %q -> %q\n", c.Title[0], c.Title[1])
			}
			if c.Summary != nil {
				fmt.Fprintf(&b, "      summary: %q -> %q\n", c.Summary[0], c.Summary[1])
			}
			for _, p := range c.Removed {
				fmt.Fprintf(&b, "      - %s\n", indent(p))
			}
			for _, p := range c.Added {
				fmt.Fprintf(&b, "      + %s\n", indent(p))
			}
			if c.Title == nil && c.Summary == nil && c.Removed == nil && c.Added == nil {
				b.WriteString("      (only blank lines or spacing)\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func indent(p string) string { return strings.ReplaceAll(p, "\n", "\n        ") }
