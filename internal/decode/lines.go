package decode

import (
	"bytes"
	"unicode/utf8"
)

// lineMap turns the lines and columns yaml.v3 counts into the ones an
// editor shows, which the rest of opengov counts (LF, CRLF or a bare CR
// ends a line). yaml.v3 also ends a line at NEL (U+0085), LINE SEPARATOR
// (U+2028) and PARAGRAPH SEPARATOR (U+2029), which editors show within a
// line. Entry i is yaml.v3's line i+1: the editor's line it lies on, and
// how many characters of that line come before it. The map is nil, and
// changes nothing, when src has none of those three.
type lineMap []struct{ line, col int }

// unusualBreaks are the line breaks of YAML that editors do not break at.
var unusualBreaks = [][]byte{[]byte("\u0085"), []byte("\u2028"), []byte("\u2029")}

func newLineMap(src []byte) lineMap {
	unusual := false
	for _, b := range unusualBreaks {
		unusual = unusual || bytes.Contains(src, b)
	}
	if !unusual {
		return nil
	}
	m := lineMap{{1, 0}}
	line, col := 1, 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		i += size
		switch r {
		case '\r', '\n':
			if r == '\r' && i < len(src) && src[i] == '\n' {
				i++
			}
			line, col = line+1, 0
		case '\u0085', '\u2028', '\u2029':
			col++
		default:
			col++
			continue
		}
		m = append(m, struct{ line, col int }{line, col})
	}
	return m
}

// pos returns the editor's line and column of yaml.v3's line and column
// (both from 1).
func (m lineMap) pos(line, col int) (int, int) {
	if m == nil || line < 1 || line > len(m) {
		return line, col
	}
	at := m[line-1]
	return at.line, at.col + col
}
