package diag

import (
	"errors"
	"testing"
)

func TestListSortsAndPrints(t *testing.T) {
	var l List
	l.Add(Pos{File: "content/b.md", Line: 2, Col: 1}, "second")
	l.Add(Pos{File: "content/a.md", Line: 10}, "first %d", 1)
	l.Add(Pos{File: "content/a.md", Line: 3, Col: 4}, "earlier").Hint = "fix it"
	l.Add(Pos{File: "content/b.md", Line: 2, Col: 1}, "second")
	got := l.Err().Error()
	want := "content/a.md:3:4: earlier (fix it)\ncontent/a.md:10: first 1\ncontent/b.md:2:1: second"
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	var list List
	if !errors.As(l.Err(), &list) || len(list) != 3 {
		t.Fatalf("Err should unwrap to a List of 3, got %v", list)
	}
	if (List{}).Err() != nil {
		t.Fatal("empty list must be a nil error")
	}
}

func TestLineCol(t *testing.T) {
	src := []byte("ab\nkäy x\n")
	for _, tc := range []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {8, 2, 5}, {99, 3, 1},
	} {
		l, c := LineCol(src, tc.off)
		if l != tc.line || c != tc.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tc.off, l, c, tc.line, tc.col)
		}
	}
}
