package export

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
)

// The records' file is the largest of the open data (6.7 MB for 5,000
// practices): encoding/json would read its records again to check and
// indent them, which took three to four times as long as making them
// (about 170 ms against 50 for each language's file). So the file
// is written here, compact, and indented in one pass that trusts it: the
// bytes are those encoding/json's Encoder writes with SetIndent("", "  ")
// (FuzzAppendString compares them).

// appendDocument appends the records wrapped with what a reuser needs to
// know about them, a JSON object whose members are in the order of their
// names, as encoding/json writes a map, followed by a newline.
func appendDocument(dst []byte, lang, source, key string, recs []json.RawMessage) []byte {
	type member struct {
		name, text string
		recs       bool // the records, not text
	}
	members := []member{{"language", lang, false}, {"source", source, false}, {"licence", Licence, false},
		{"licence_url", LicenceURL, false}, {key, "", true}}
	slices.SortFunc(members, func(a, b member) int { return cmp.Compare(a.name, b.name) })
	size := 256
	for _, r := range recs {
		size += len(r) + 1
	}
	compact := make([]byte, 0, size)
	compact = append(compact, '{')
	for i, m := range members {
		if i > 0 {
			compact = append(compact, ',')
		}
		compact = append(appendString(compact, m.name), ':')
		if !m.recs {
			compact = appendString(compact, m.text)
			continue
		}
		compact = append(compact, '[')
		for j, r := range recs {
			if j > 0 {
				compact = append(compact, ',')
			}
			compact = append(compact, r...)
		}
		compact = append(compact, ']')
	}
	compact = append(compact, '}')
	dst = slices.Grow(dst, len(compact)*3/2)
	return append(appendIndented(dst, compact), '\n')
}

// appendIndented appends src, valid JSON without space outside its
// strings, indented by two spaces a level as encoding/json's Indent does
// it: each member and element on a line of its own, a space after each
// colon, and an empty object or array left as {} or [].
func appendIndented(dst, src []byte) []byte {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			if next := src[i+1]; next == '}' || next == ']' {
				dst = append(dst, c, next)
				i++
				continue
			}
			depth++
			dst = newline(append(dst, c), depth)
		case ',':
			dst = newline(append(dst, c), depth)
		case ':':
			dst = append(dst, ':', ' ')
		case '}', ']':
			depth--
			dst = append(newline(dst, depth), c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd returns the index after the JSON string that starts at
// src[start]: after the first quote not escaped by a backslash.
func stringEnd(src []byte, start int) int {
	for i := start + 1; ; {
		q := i + bytes.IndexByte(src[i:], '"')
		slashes := 0
		for src[q-1-slashes] == '\\' {
			slashes++
		}
		if slashes%2 == 0 {
			return q + 1
		}
		i = q + 1
	}
}

func newline(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
}
