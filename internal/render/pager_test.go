package render

import (
	"fmt"
	"os"
	"testing"

	"github.com/opengov-fi/opengov/internal/i18n"
)

func TestPagerNumbers(t *testing.T) {
	for _, tc := range []struct {
		n, total int
		want     string
	}{
		{1, 1, "[1]"},
		{1, 2, "[1 2]"},
		{1, 9, "[1 2 0 9]"},
		{2, 9, "[1 2 3 0 9]"},
		{3, 9, "[1 2 3 4 0 9]"},
		{4, 9, "[1 2 3 4 5 0 9]"}, // a gap of one page shows the page
		{5, 9, "[1 0 4 5 6 0 9]"},
		{8, 9, "[1 0 7 8 9]"},
		{9, 9, "[1 0 8 9]"},
		{250, 250, "[1 0 249 250]"},
	} {
		if got := fmt.Sprint(pagerNumbers(tc.n, tc.total)); got != tc.want {
			t.Errorf("page %d of %d: %s, want %s", tc.n, tc.total, got, tc.want)
		}
	}
}

// A kept paged title is the one the message gives, for its own language,
// title, number and count.
func TestPagedTitleKeepsWhatTheMessageGives(t *testing.T) {
	cat, errs := i18n.Load(os.DirFS("../.."), []string{"fi", "en"})
	if errs != nil {
		t.Fatal(errs)
	}
	title := PagedTitle(cat)
	cases := []struct {
		lang, title string
		n, total    int
	}{{"fi", "Hyvät käytännöt", 2, 9}, {"en", "Good practices", 2, 9}, {"fi", "Hyvät käytännöt", 3, 9}, {"fi", "Hyvät käytännöt", 2, 10}, {"fi", "Dialogit", 2, 9}}
	seen := map[string]bool{}
	for round := range 2 { // made, then kept
		for _, c := range cases {
			got, want := title(c.lang, c.title, c.n, c.total), pagedTitle(cat, c.lang, c.title, c.n, c.total)
			if got != want {
				t.Errorf("round %d: %v gives %q, the message %q", round, c, got, want)
			}
			seen[got] = true
		}
	}
	if len(seen) != len(cases) {
		t.Errorf("%d titles for %d cases: %v", len(seen), len(cases), seen)
	}
}
