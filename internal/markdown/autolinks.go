package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/util"
)

// autolinkSchemes are the schemes of the bare URLs that GFM's autolinks
// (goldmark's Linkify with its default settings) turn into links, as in
// "https://example.org"; Linkify also links "www.example.org".
var autolinkSchemes = []string{"http", "https", "ftp"}

// mayAutolink reports whether Linkify could find a link in the Markdown
// src; when it reports false, rendering without Linkify gives the same
// HTML. It errs towards true: Linkify links an e-mail address, so any "@"
// counts, and a URL start counts unless a letter or digit comes right
// before it, where Linkify never looks (it starts only at the head of a
// line or after a space, "*", "_", "~" or "(").
//
// It runs on every page, so it looks for rare bytes: "@", then each "://"
// with a scheme before it, then "www.".
func mayAutolink(src []byte) bool {
	if bytes.IndexByte(src, '@') >= 0 {
		return true
	}
	for at := range occurrences(src, "://") {
		for _, scheme := range autolinkSchemes {
			if start := at - len(scheme); start >= 0 && string(src[start:at]) == scheme && startsWord(src, start) {
				return true
			}
		}
	}
	for at := range occurrences(src, "www.") {
		if startsWord(src, at) {
			return true
		}
	}
	return false
}

// occurrences yields the offset of every occurrence of sep in src.
func occurrences(src []byte, sep string) func(yield func(int) bool) {
	return func(yield func(int) bool) {
		for offset := 0; ; {
			i := bytes.Index(src[offset:], []byte(sep))
			if i < 0 || !yield(offset+i) {
				return
			}
			offset += i + len(sep)
		}
	}
}

// startsWord reports whether no letter or digit comes right before src[at].
func startsWord(src []byte, at int) bool {
	return at == 0 || !util.IsAlphaNumeric(src[at-1])
}
