package markdown

import "bytes"

// autolinkStarts are how a bare link that GFM's autolinks (goldmark's
// Linkify with its default settings) turn into a link begins.
var autolinkStarts = [][]byte{[]byte("http://"), []byte("https://"), []byte("ftp://"), []byte("www.")}

// mayAutolink reports whether Linkify could find a link in the Markdown
// src; when it reports false, rendering without Linkify gives the same
// HTML. It errs towards true: Linkify links an e-mail address, so any "@"
// counts, and a URL start counts unless a letter or digit comes right
// before it, where Linkify never looks (it starts only at the head of a
// line or after a space, "*", "_", "~" or "(").
func mayAutolink(src []byte) bool {
	if bytes.IndexByte(src, '@') >= 0 {
		return true
	}
	for _, start := range autolinkStarts {
		rest, offset := src, 0
		for {
			i := bytes.Index(rest, start)
			if i < 0 {
				break
			}
			if at := offset + i; at == 0 || !isAlphaNumeric(src[at-1]) {
				return true
			}
			rest, offset = rest[i+len(start):], offset+i+len(start)
		}
	}
	return false
}

func isAlphaNumeric(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
