package render

import (
	"os"
	"testing"

	"github.com/opengov-fi/opengov/internal/i18n"
)

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
