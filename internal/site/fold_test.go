package site

import (
	"cmp"
	"testing"
	"unicode"
	"unicode/utf8"
)

// foldReference is CompareFold by its definition: rune by rune, each
// lowered by unicode.ToLower.
func foldReference(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if c := cmp.Compare(unicode.ToLower(ra), unicode.ToLower(rb)); c != 0 {
			return c
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// CompareFold's fast path for ASCII orders every pair of short titles as
// the definition does: upper and lower case, the bytes around the letters
// ('@', '[', '`', '{'), letters beyond ASCII and bytes that are not UTF-8.
func TestCompareFoldIsLowercaseOrder(t *testing.T) {
	parts := []string{"a", "A", "z", "Z", "@", "[", "`", "{", "ä", "Ä", "ß", "İ", "\xff", "\xc3"}
	titles := []string{""}
	for range 2 {
		for _, s := range titles {
			for _, p := range parts {
				titles = append(titles, s+p)
			}
		}
	}
	for _, a := range titles {
		for _, b := range titles {
			if got, want := CompareFold(a, b), foldReference(a, b); got != want {
				t.Fatalf("CompareFold(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}
