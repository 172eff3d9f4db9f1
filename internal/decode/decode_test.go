package decode

import (
	"strings"
	"testing"
	"time"
)

type link struct {
	Title string `fm:"title,required"`
	URL   string `fm:"url"`
}

type common struct {
	Title string `fm:"title,required"`
	Draft bool   `fm:"draft"`
}

type page struct {
	common
	Year      int       `fm:"year"`
	Weight    float64   `fm:"weight"`
	Themes    []string  `fm:"themes"`
	Published time.Time `fm:"published"`
	Links     []link    `fm:"links"`
	Extra     *Node     `fm:"extra"`
}

func parse(t *testing.T, format, src string) *Node {
	t.Helper()
	var n *Node
	var errs error
	if format == "yaml" {
		node, l := ParseYAML([]byte(src), "x.md", 2)
		n, errs = node, l.Err()
	} else {
		node, l := ParseTOML([]byte(src), "x.md", 2)
		n, errs = node, l.Err()
	}
	if errs != nil {
		t.Fatalf("parse: %v", errs)
	}
	return n
}

func TestIntoBothFormats(t *testing.T) {
	docs := map[string]string{
		"yaml": "title: Hei\ndraft: true\nyear: 2020\nweight: 2\nthemes: [a, b]\npublished: 2026-11-23\nlinks:\n  - title: OGP\n    url: https://example.org/\nextra: {x: 1}\n",
		"toml": "title = \"Hei\"\ndraft = true\nyear = 2020\nweight = 2\nthemes = [\"a\", \"b\"]\npublished = 2026-11-23\nextra = {x = 1}\n[[links]]\ntitle = \"OGP\"\nurl = \"https://example.org/\"\n",
	}
	for format, src := range docs {
		t.Run(format, func(t *testing.T) {
			var p page
			if errs := Into(parse(t, format, src), &p, "x.md", Options{}); errs != nil {
				t.Fatal(errs.Err())
			}
			want := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
			if p.Title != "Hei" || !p.Draft || p.Year != 2020 || p.Weight != 2 || strings.Join(p.Themes, ",") != "a,b" ||
				!p.Published.Equal(want) || len(p.Links) != 1 || p.Links[0].URL != "https://example.org/" || p.Extra.Get("x").Int() != 1 {
				t.Fatalf("decoded %+v", p)
			}
		})
	}
}

func TestIntoReportsEveryErrorWithPosition(t *testing.T) {
	cases := map[string]struct{ src, want string }{
		"yaml": {
			"year: \"x\"\nsumary: s\nthemes: a\nlinks:\n  - url: u\npublished: 23.11.2026\n",
			`x.md:2:1: front matter: required field "title" is missing
x.md:2:7: field year must be a whole number, not text
x.md:3:1: unknown field "sumary" (did you mean "summary"?)
x.md:4:9: field themes must be a list of text, not text (write it as a list: [value])
x.md:6:5: field links[0]: required field "links[0].title" is missing
x.md:7:12: field published: "23.11.2026" is written day first; dates are written year first (write 2026-11-23)`,
		},
		"toml": {
			"title = 1.5\nbogus = 1\n[[links]]\ntitle = \"t\"\n",
			`x.md:2:1: field title must be text, not a number (put the value in quotes)
x.md:3:1: unknown field "bogus" (known fields: draft, extra, links, published, summary, themes, title, weight, year)`,
		},
	}
	for format, tc := range cases {
		t.Run(format, func(t *testing.T) {
			var p page
			errs := Into(parse(t, format, tc.src), &p, "x.md", Options{AlsoKnown: []string{"summary"}})
			if got := errs.Err().Error(); got != tc.want {
				t.Fatalf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestRestCollectsUnknownTopLevelFields(t *testing.T) {
	var rest []Field
	var c common
	errs := Into(parse(t, "yaml", "title: T\nlevel: national\n"), &c, "x.md", Options{Rest: &rest})
	if errs != nil || len(rest) != 1 || rest[0].Key != "level" || rest[0].Line != 3 {
		t.Fatalf("errs %v rest %+v", errs, rest)
	}
}

func TestSyntaxErrorsHavePositions(t *testing.T) {
	_, y := ParseYAML([]byte("title: a\n  bad: [\n"), "f.md", 2)
	_, tm := ParseTOML([]byte("title = \"a\"\nyear = \n"), "f.md", 2)
	for _, tc := range []struct {
		got  string
		want string
	}{{y.Err().Error(), "f.md:3: YAML syntax"}, {tm.Err().Error(), "f.md:3:8: TOML syntax"}} {
		if !strings.HasPrefix(tc.got, tc.want) {
			t.Errorf("got %q, want prefix %q", tc.got, tc.want)
		}
	}
}

func TestTOMLKeyPositionsFollowArraysOfTables(t *testing.T) {
	src := "a = 1\n[[lang]]\ncode = \"fi\"\n[[lang.menu]]\nname = \"x\"\n[[lang]]\ncode = \"en\"\n[[lang.menu]]\nname = \"y\"\n"
	pos := tomlKeyPositions([]byte(src), 0)
	for path, line := range map[string]int{"a": 1, "lang.0.code": 3, "lang.0.menu.0.name": 5, "lang.1.code": 7, "lang.1.menu.0.name": 9} {
		if pos[path][0] != line {
			t.Errorf("%s at line %d, want %d (all: %v)", path, pos[path][0], line, pos)
		}
	}
}

func TestNullDocumentMissesRequiredFields(t *testing.T) {
	for _, src := range []string{"~\n", "null\n", "!\n"} {
		n, errs := ParseYAML([]byte(src), "x.md", 2)
		if errs != nil {
			t.Fatal(errs)
		}
		var p page
		errs = Into(n, &p, "x.md", Options{})
		if want := `x.md:2:1: front matter: required field "title" is missing`; !strings.Contains(errs.Error(), want) {
			t.Errorf("%q: errors %v, want %q", src, errs, want)
		}
	}
}
