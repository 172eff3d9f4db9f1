package diag

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
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

func TestExcerpts(t *testing.T) {
	src := "---\ntitle: x\n\tlevel: kunta\n"
	l := List{{Pos: Pos{File: "a.md", Line: 3, Col: 9}, Msg: "unknown level"}, {Pos: Pos{File: "a.md"}, Msg: "no line"}}
	l.WithExcerpts(fstest.MapFS{"a.md": {Data: []byte(src)}})
	want := "    3 |     level: kunta\n      |            ^"
	if l[0].Excerpt != want || l[1].Excerpt != "" {
		t.Errorf("excerpts %q and %q, want %q and none", l[0].Excerpt, l[1].Excerpt, want)
	}
	var b strings.Builder
	_ = l.Write(&b)
	if !strings.Contains(b.String(), "a.md:3:9: unknown level\n"+want+"\na.md: no line\n") {
		t.Errorf("Write:\n%s", b.String())
	}
}

func TestWarningsSayWarning(t *testing.T) {
	e := &Error{Pos: Pos{File: "a.md", Line: 1}, Severity: SeverityWarning, Code: CodeStaleTranslation, Msg: "stale", Hint: "update it"}
	if got := e.Error(); got != "a.md:1: warning: stale (update it)" {
		t.Errorf("got %q", got)
	}
	data, _ := e.MarshalJSON()
	if want := `{"file":"a.md","line":1,"col":0,"pos":"a.md:1","severity":"warning","code":"stale-translation","message":"stale","hint":"update it"}`; string(data) != want {
		t.Errorf("JSON %s, want %s", data, want)
	}
}
