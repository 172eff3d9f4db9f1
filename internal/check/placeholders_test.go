package check

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/diag"
)

func TestIsPlaceholder(t *testing.T) {
	for s, want := range map[string]bool{
		"TODO":                       true,
		"TODO: the feedback address": true,
		"  TODO – ask the ministry":  true,
		"TODO fill in":               true,
		"TODO-list":                  true,
		"TODOs":                      false,
		"Todo: lower case":           false,
		"todo":                       false,
		"Ministry of Finance":        false,
		"See the TODO list":          false,
		"":                           false,
	} {
		if got := isPlaceholder(s); got != want {
			t.Errorf("isPlaceholder(%q) = %v, want %v", s, got, want)
		}
	}
}

// A placeholder anywhere in the front matter (top level, nested, in a
// list) is a warning at the value, naming the field; the body and values
// that merely mention TODO are not.
func TestPlaceholdersAreWarnings(t *testing.T) {
	fsys := repoFS(t)
	const page = "content/accessibility.en.md"
	fsys[page] = &fstest.MapFile{Data: []byte("---\n" +
		"title: Accessibility statement\n" +
		"summary: \"TODO: write the summary\"\n" +
		"layout: accessibility\n" +
		"standard: WCAG 2.1 AA\n" +
		"compliance: partial\n" +
		"known_gaps:\n" +
		"  - criterion: \"1.1.1\"\n" +
		"    description: The TODO list of images is not done.\n" +
		"  - criterion: \"3.1.2\"\n" +
		"    description: TODO describe the gap\n" +
		"feedback:\n" +
		"  organisation: 'TODO: the address of the feedback form'\n" +
		"enforcement:\n" +
		"  organisation: The supervisory authority\n" +
		"  url: https://www.saavutettavuusvaatimukset.fi/en/\n" +
		"prepared: 2026-11-23\n" +
		"reviewed: 2026-11-23\n" +
		"slug: accessibility-statement\n" +
		"---\n" +
		"TODO: this is body text, not a field.\n")}
	res, errs := build.Run(fsys, build.Options{Reports: true})
	if errs != nil {
		t.Fatalf("the site does not build:\n%v", errs)
	}
	found := Site(res)
	var got []*diag.Error
	var where []string
	for _, f := range found {
		if f.Code == CodePlaceholder && f.Pos.File == page {
			got = append(got, f)
			where = append(where, short(f))
		}
		if f.Code == CodePlaceholder && f.Severity != Warning {
			t.Errorf("%s: severity %s", f, f.Severity)
		}
	}
	want := []string{page + ":3:10 placeholder", page + ":11:18 placeholder", page + ":13:17 placeholder"}
	if !slices.Equal(where, want) {
		t.Fatalf("placeholders:\n%s\nwant:\n%s", strings.Join(where, "\n"), strings.Join(want, "\n"))
	}
	for i, field := range []string{"summary", "known_gaps[2].description", "feedback.organisation"} {
		if !strings.HasPrefix(got[i].Msg, field+" is still a placeholder") {
			t.Errorf("message %q does not start with the field %s", got[i].Msg, field)
		}
	}
	// The page shows the placeholder as it is: visibly unfinished.
	shown := false
	for _, f := range res.Files {
		if f.Path == "en/accessibility-statement/index.html" {
			shown = strings.Contains(string(f.Data), ">TODO: the address of the feedback form<")
		}
	}
	if !shown {
		t.Error("the accessibility statement does not show the placeholder as text")
	}
}
