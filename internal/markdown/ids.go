package markdown

import (
	"strconv"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/yuin/goldmark/ast"
)

// headingIDs gives headings IDs made from their text with content.Slugify,
// the same rule as URL slugs: lowercase ASCII, ä and å become a, ö becomes o
// ("Miksi tämä on tärkeää?" gives "miksi-tama-on-tarkeaa"). A repeated
// heading gets -1, -2, ... after its ID, in document order, so IDs are
// unique on the page and stable between builds.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := content.Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; h.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

// Put reserves an ID written explicitly by the editor ({#id}).
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
