package decode

import (
	"fmt"
	"strings"
	"testing"
)

// aliasBomb is levels anchors, each a list of fan aliases of the one
// before: fan^levels values when expanded.
func aliasBomb(levels, fan int) string {
	var b strings.Builder
	b.WriteString("title: x\na0: &a0 [lol]\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := range fan {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}

func TestAliasLimits(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"self", "x: &a [*a]\n", "x.md:2:8: alias *a is inside the value of &a itself"},
		{"self in a map", "title: t\nx: &a\n  y:\n    z: *a\n", "x.md:5:8: alias *a is inside the value of &a itself"},
		{"bomb", aliasBomb(8, 9), "x.md:7:10: alias *a3 expands to too many values"}, // the first alias of the level that overflows
	} {
		_, errs := ParseYAML([]byte(tc.src), "x.md", 2)
		if errs == nil || !strings.Contains(errs.Error(), tc.want) {
			t.Errorf("%s: errors %v, want %q", tc.name, errs, tc.want)
		}
		if len(errs) != 1 {
			t.Errorf("%s: %d errors, want one: %v", tc.name, len(errs), errs)
		}
	}
}

func TestAliasesWithinLimits(t *testing.T) {
	src := "title: &t Hello\nsummary: *t\nlist: &l [a, b]\nagain: *l\n" + strings.TrimPrefix(aliasBomb(2, 9), "title: x\n")
	n, errs := ParseYAML([]byte(src), "x.md", 2)
	if errs != nil {
		t.Fatal(errs)
	}
	if got := n.Get("summary").Str; got != "Hello" {
		t.Errorf("summary = %q", got)
	}
	if got := len(n.Get("a2").Items); got != 9 {
		t.Errorf("a2 has %d items", got)
	}
}
