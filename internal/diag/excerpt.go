package diag

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
)

// WithExcerpts sets the Excerpt of each problem that has a line, from the
// source files in fsys (the site's folder): the line, and a caret under
// the column. It changes the problems in place and returns the list.
func (l List) WithExcerpts(fsys fs.FS) List {
	sources := map[string][]byte{}
	for _, e := range l {
		if e.Pos.Line <= 0 || e.Excerpt != "" {
			continue
		}
		src, ok := sources[e.Pos.File]
		if !ok {
			src, _ = fs.ReadFile(fsys, e.Pos.File)
			sources[e.Pos.File] = src
		}
		e.Excerpt = Excerpt(src, e.Pos.Line, e.Pos.Col)
	}
	return l
}

// Excerpt returns line n of src with its number in a gutter and, when col
// is known, a caret under that column (counted in characters, a tab as
// four spaces):
//
//	9 | level: kunta
//	  |        ^
func Excerpt(src []byte, n, col int) string {
	lines := bytes.Split(src, []byte("\n"))
	if n < 1 || n > len(lines) {
		return ""
	}
	line := strings.TrimRight(string(lines[n-1]), "\r")
	gutter := fmt.Sprintf("%5d | ", n)
	out := gutter + strings.ReplaceAll(line, "\t", "    ")
	if col > 0 {
		// The caret goes under the character at col, tabs widened as above.
		width := 0
		for i, r := range []rune(line) {
			if i >= col-1 {
				break
			}
			if r == '\t' {
				width += 4
			} else {
				width++
			}
		}
		out += "\n" + strings.Repeat(" ", len(gutter)-2) + "| " + strings.Repeat(" ", width) + "^"
	}
	return out
}
