package check

import (
	"fmt"
	"strings"

	"github.com/opengov-fi/opengov/internal/diag"
)

// checkHeadings reports a heading in a page's main content that is more
// than one level below the heading before it (an h4 after an h2), or a
// first heading that is not an h1: screen-reader users navigate by the
// outline, and a skipped level looks like a missing section.
func checkHeadings(out *findings, docs map[string]*doc, src *sources) {
	for _, name := range sortedKeys(docs) {
		d := docs[name]
		prev := 0
		for _, h := range d.heads {
			if h.level > prev+1 {
				var msg string
				if prev == 0 {
					msg = fmt.Sprintf("the first heading of the main content, h%d %q, is not an h1", h.level, h.text)
				} else {
					msg = fmt.Sprintf("heading h%d %q skips a level after an h%d", h.level, h.text, prev)
				}
				pos, ok := src.heading(d.page, h.id)
				if ok {
					msg += fmt.Sprintf(" (make it %s: %s)", strings.Repeat("#", prev+1), h.text)
				} else {
					pos = diag.Pos{File: d.source}
					msg += fmt.Sprintf(" (in %s, from the template)", d.path)
				}
				out.add(pos, CodeHeadingSkip, msg)
			}
			prev = h.level
		}
	}
}
