package decode

import (
	"strings"
	"testing"
	"time"
)

func TestDateProblems(t *testing.T) {
	type doc struct {
		Published time.Time `fm:"published"`
	}
	tests := []struct{ value, msg, hint string }{
		{"2026-11-31", "November has 30 days", "write dates as YYYY-MM-DD"},
		{"2025-02-29", "February 2025 has 28 days", "write dates as YYYY-MM-DD"},
		{"2026-13-01", "there is no month 13", "write dates as YYYY-MM-DD"},
		{"23.11.2026", "written day first", "write 2026-11-23"},
		{"1.2.2024", "written day first", "write 2024-02-01"},
		{"31.4.2024", "April has 30 days", "write dates as YYYY-MM-DD"},
		{"2024-2-1", "two digits", "write 2024-02-01"},
		{"tomorrow", `"tomorrow" is not a date`, "write dates as YYYY-MM-DD"},
	}
	for _, tt := range tests {
		root, errs := ParseYAML([]byte("published: \""+tt.value+"\"\n"), "x.md", 2)
		if errs != nil {
			t.Fatal(errs)
		}
		var d doc
		errs = Into(root, &d, "x.md", Options{})
		if len(errs) != 1 {
			t.Fatalf("%s: want one error, got %v", tt.value, errs)
		}
		e := errs[0]
		if !strings.Contains(e.Msg, tt.msg) || e.Hint != tt.hint {
			t.Errorf("%s: got %q (%q), want a message with %q and hint %q", tt.value, e.Msg, e.Hint, tt.msg, tt.hint)
		}
		if e.Pos.Line != 2 || e.Pos.Col != 12 {
			t.Errorf("%s: at %v, want x.md:2:12", tt.value, e.Pos)
		}
	}
	// A leap day is a date.
	root, _ := ParseYAML([]byte("published: \"2024-02-29\"\n"), "x.md", 1)
	var d doc
	if errs := Into(root, &d, "x.md", Options{}); errs != nil {
		t.Errorf("2024-02-29: %v", errs)
	}
}
