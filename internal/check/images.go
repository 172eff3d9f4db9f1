package check

import (
	"fmt"

	"github.com/opengov-fi/opengov/internal/diag"
)

// checkImages reports an image without alt text: an <img> without an alt
// attribute anywhere, and an image written in Markdown with empty alt text
// (Markdown has no way to mark an image decorative, so an empty one is
// forgotten, not chosen). A template may use alt="" for decoration.
func checkImages(out *findings, docs map[string]*doc, src *sources) {
	for _, name := range sortedKeys(docs) {
		d := docs[name]
		for _, img := range d.images {
			if img.hasAlt && img.alt != "" {
				continue
			}
			pos, inMarkdown := src.ref(d.page, CodeImageAlt, img.src)
			switch {
			case inMarkdown:
				out.add(pos, CodeImageAlt, fmt.Sprintf("image %s has no alt text (describe what it shows: ![description](%s))", img.src, img.src))
			case !img.hasAlt:
				out.add(diag.Pos{File: d.source}, CodeImageAlt, fmt.Sprintf("image %s in %s has no alt attribute (from the template: add alt=\"…\", or alt=\"\" if it is decoration)", img.src, d.path))
			}
		}
	}
}
