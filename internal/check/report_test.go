package check

import (
	"slices"
	"testing"
)

func TestDiffParagraphs(t *testing.T) {
	old := paragraphs([]byte("## A\n\nOne.\n\nTwo\nlines.\n\nThree.\n"))
	new := paragraphs([]byte("## A\n\nThree.\n\nOne.\n\n\nFour.\n"))
	removed, added := diffParagraphs(old, new)
	if !slices.Equal(removed, []string{"Two\nlines."}) || !slices.Equal(added, []string{"Four."}) {
		t.Errorf("removed %q, added %q", removed, added)
	}
}
