package markdown

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/glossary"
)

// A case file (testdata/*.txt) holds Markdown test cases in the form of
// goldmark's extension/_test/*.txt: a header line ("3: what it tests"),
// a separator line, the Markdown, another separator, the HTML expected, then, optionally,
// another separator and the errors expected, one a line; a line of equals
// signs ends the case. The file's name gives the page language:
// lang.fi.txt is rendered as a Finnish page.
const (
	caseSeparator = "//- - - - - - - - -//"
	caseEnd       = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

type markdownCase struct {
	header, markdown, html, errors string
	line                           int
}

func readCases(t *testing.T, name string) []markdownCase {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []markdownCase
	var c markdownCase
	part := -1 // -1 before the header, -2 after it, then 0 markdown, 1 html, 2 errors
	var parts [3][]string
	scanner := bufio.NewScanner(f)
	for n := 1; scanner.Scan(); n++ {
		line := scanner.Text()
		switch {
		case part == -1 && strings.TrimSpace(line) == "":
		case part == -1:
			c = markdownCase{header: line, line: n}
			parts = [3][]string{}
			part = -2
		case part == -2 && line == caseSeparator:
			part = 0
		case part == -2:
			t.Fatalf("%s:%d: a separator must follow the header", name, n)
		case line == caseSeparator && part < 2:
			part++
		case line == caseEnd:
			c.markdown = strings.Join(parts[0], "\n") + "\n"
			c.html = strings.Join(parts[1], "\n")
			c.errors = strings.Join(parts[2], "\n")
			cases = append(cases, c)
			part = -1
		default:
			parts[part] = append(parts[part], line)
		}
	}
	if part != -1 {
		t.Fatalf("%s: the last case has no end line %s", name, caseEnd)
	}
	return cases
}

func testGlossary(t testing.TB) *glossary.Glossary {
	t.Helper()
	src, err := os.ReadFile("testdata/glossary.toml")
	if err != nil {
		t.Fatal(err)
	}
	g, errs := glossary.Load(fstest.MapFS{glossary.File: {Data: src}})
	if errs != nil {
		t.Fatal(errs.Err())
	}
	return g
}

// TestCaseFiles renders every case of testdata/*.txt and compares the HTML
// and the errors.
func TestCaseFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no case files in testdata")
	}
	g := testGlossary(t)
	for _, name := range files {
		lang := strings.TrimPrefix(filepath.Ext(strings.TrimSuffix(name, ".txt")), ".")
		c := New(lang, WithGlossary(g))
		for _, tc := range readCases(t, name) {
			t.Run(filepath.Base(name)+":"+tc.header, func(t *testing.T) {
				f := file(tc.markdown)
				html, errs := c.Convert(f, nil)
				if got := strings.TrimSpace(string(html)); got != strings.TrimSpace(tc.html) {
					t.Errorf("%s:%d: HTML\n%s\nwant\n%s", name, tc.line, got, tc.html)
				}
				var got []string
				for _, e := range errs.Sort() {
					got = append(got, e.Error())
				}
				if strings.Join(got, "\n") != tc.errors {
					t.Errorf("%s:%d: errors\n%s\nwant\n%s", name, tc.line, strings.Join(got, "\n"), tc.errors)
				}
			})
		}
	}
}
