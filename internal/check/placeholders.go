package check

import (
	"fmt"
	"strings"

	"github.com/opengov-fi/opengov/internal/decode"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// PlaceholderWord starts a front-matter value that an editor still has to
// fill in: a value the sources do not give yet is written as, say,
// `url: "TODO: the ministry's feedback form"` rather than guessed. The
// page then shows it as it is, visibly unfinished, and check warns until
// the value is replaced.
const PlaceholderWord = "TODO"

// isPlaceholder reports whether a text value is a placeholder: its first
// word is TODO, in capitals, alone or followed by a colon, a dash or a
// space ("TODO", "TODO: x", "TODO – x"; not "Todo-lista" or "TODOs").
func isPlaceholder(s string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(s), PlaceholderWord)
	if !ok {
		return false
	}
	return rest == "" || strings.ContainsRune(": \t–—-", []rune(rest)[0])
}

// checkPlaceholders reports every placeholder in the front matter of the
// pages an editor wrote, at the value's position, naming the field.
func checkPlaceholders(out *findings, s *site.Site) {
	for _, p := range s.Pages {
		if p.Kind.Generated() || p.File == nil || p.File.Meta == nil {
			continue
		}
		walkPlaceholders(p.File.Meta, "", func(field string, n *decode.Node) {
			out.add(diag.Pos{File: p.File.Path, Line: n.Line, Col: n.Col}, CodePlaceholder,
				fmt.Sprintf("%s is still a placeholder: %q (replace it with the real value from a source; if the sources give none and the page can do without the field, remove it)", field, n.Str))
		})
	}
}

// walkPlaceholders calls found for each text value under n that is a
// placeholder, with the value's field path ("feedback.url", "links[1].title").
func walkPlaceholders(n *decode.Node, path string, found func(field string, n *decode.Node)) {
	switch n.Kind {
	case decode.String:
		if isPlaceholder(n.Str) {
			found(path, n)
		}
	case decode.Map:
		for _, f := range n.Fields {
			key := f.Key
			if path != "" {
				key = path + "." + key
			}
			if f.Value != nil {
				walkPlaceholders(f.Value, key, found)
			}
		}
	case decode.List:
		for i, item := range n.Items {
			walkPlaceholders(item, fmt.Sprintf("%s[%d]", path, i+1), found)
		}
	}
}
