package search

import (
	"strings"
	"testing"
	"unsafe"
)

// The word list keeps its own copy of each word, not the page's whole text
// behind a lowercase word cut from it: the server counts every page's words
// after each save.
func TestWordsKeepNoPageText(t *testing.T) {
	content := "osallisuus " + strings.Repeat("x", 1<<16) + " Avoimuus"
	w := NewWords()
	w.add("fi", content)
	start := uintptr(unsafe.Pointer(unsafe.StringData(content)))
	for word := range w.pages["fi"] {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(word))); p >= start && p < start+uintptr(len(content)) {
			t.Errorf("%q is kept as a part of the page's text", word)
		}
	}
	if len(w.pages["fi"]) != 3 {
		t.Errorf("words %v, want osallisuus, avoimuus and the x", w.pages["fi"])
	}
}
