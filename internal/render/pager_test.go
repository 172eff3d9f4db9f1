package render

import (
	"fmt"
	"testing"
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
