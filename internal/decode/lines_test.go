package decode

import (
	"strings"
	"testing"
)

// TestPositionsAsEditorsCountLines: yaml.v3 also ends lines at NEL, LINE
// SEPARATOR and PARAGRAPH SEPARATOR, which editors show inside a line;
// positions count lines as the editor does, bare CR included.
func TestPositionsAsEditorsCountLines(t *testing.T) {
	for _, tc := range []struct {
		name, src  string
		line, col  int // of the field year
		syntaxLine int // of the error once the document is cut short
	}{
		{"LF", "title: a\nyear: 2020\n", 3, 1, 3},
		{"CRLF", "title: a\r\nyear: 2020\r\n", 3, 1, 3},
		{"bare CR", "title: a\ryear: 2020\r", 3, 1, 3},
		{"line separator", "title: \"a\u2028b\"\nyear: 2020\n", 3, 1, 3},
		{"paragraph separator in a comment", "# a\u2029# b\nyear: 2020\n", 3, 1, 3},
		{"NEL before the field", "title: a\u0085year: 2020\n", 2, 10, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, errs := ParseYAML([]byte(tc.src), "x.md", 2)
			if errs != nil {
				t.Fatal(errs)
			}
			var got *Field
			for i := range root.Fields {
				if root.Fields[i].Key == "year" {
					got = &root.Fields[i]
				}
			}
			if got == nil || got.Line != tc.line || got.Col != tc.col {
				t.Fatalf("year at %+v, want line %d col %d", got, tc.line, tc.col)
			}
			_, errs = ParseYAML([]byte(tc.src+"list: [\"open"), "x.md", 2)
			if errs == nil || errs[0].Pos.Line < tc.syntaxLine+1 {
				t.Fatalf("error %v, want it after line %d", errs, tc.syntaxLine)
			}
			lines := strings.Count(tc.src, "\n") + strings.Count(tc.src, "\r") - strings.Count(tc.src, "\r\n") + 2
			if errs[0].Pos.Line > lines {
				t.Errorf("error %v past the document's last line %d", errs, lines)
			}
		})
	}
}
