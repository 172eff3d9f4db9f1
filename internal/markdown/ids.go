package markdown

import (
	"regexp"
	"strconv"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// headingIDs gives headings IDs made from their text with content.Slugify,
// the same rule as URL slugs: lowercase ASCII, ä and å become a, ö becomes
// o ("Miksi tämä on tärkeää?" gives "miksi-tama-on-tarkeaa"). A repeated
// heading, or one whose ID the page's templates use (Reserved), gets -1,
// -2, ... after its ID, in document order, so IDs are unique on the page
// and stable between builds.
type headingIDs struct {
	used     map[string]bool
	explicit bool // some heading has {#id}
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// reservedIDs are the IDs the templates give elements of every page kind:
// the skip link's target, and the headings that label regions.
var reservedIDs = map[string]bool{
	"main": true, "facts-title": true, "listing-title": true, "facets-title": true, "open-data-title": true, "principles": true,
	// The search field in every page's header, and the search page.
	"header-search-q": true, "search": true, "search-labels": true, "search-q": true, "search-filters": true,
	"filters-title": true, "results-title": true, "search-status": true, "search-list": true, "search-more": true,
	"nojs-title": true,
}

// langID matches the chooser's headings, lang-<code>.
var langID = regexp.MustCompile(`^lang-[a-z]{2,3}$`)

// Reserved reports whether a template may give id to an element of a
// page, so that no heading may have it.
func Reserved(id string) bool { return reservedIDs[id] || langID.MatchString(id) }

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := content.Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; h.used[id] || Reserved(id); i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

// Put reserves an ID written explicitly by the editor ({#id}).
func (h *headingIDs) Put(value []byte) { h.used[string(value)], h.explicit = true, true }

// explicitIDs reports headings whose {#id} a template uses already or an
// earlier heading has: generated IDs never are (see Generate), so those
// are the editor's.
type explicitIDs struct{}

func (explicitIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	state, _ := pc.Get(stateKey).(*docState)
	if ids, ok := pc.IDs().(*headingIDs); state == nil || !ok || !ids.explicit {
		return // only explicit IDs can clash
	}
	seen := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			if n.Kind() == ast.KindParagraph {
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		v, _ := h.AttributeString("id")
		b, _ := v.([]byte)
		id := string(b)
		if id == "" {
			return ast.WalkSkipChildren, nil
		}
		offset := 0
		if h.Lines().Len() > 0 {
			offset = h.Lines().At(0).Start
		}
		switch {
		case Reserved(id):
			state.errs.Add(state.file.BodyPos(offset), "heading id %q is used by the page layout", id).Hint = "choose another {#id}"
		case seen[id]:
			state.errs.Add(state.file.BodyPos(offset), "heading id %q is used twice on this page", id).Hint = "choose another {#id}"
		}
		seen[id] = true
		return ast.WalkSkipChildren, nil
	})
}
