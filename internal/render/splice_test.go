package render

import (
	"fmt"
	"testing"
)

func TestSplices(t *testing.T) {
	nav := sharedUse{name: "nav.html", key: "k", html: "<nav>3</nav>"}
	for _, c := range []struct {
		page string
		uses []sharedUse
		want string // the spans, or "uncached"
	}{
		{"<main><nav>3</nav><p>x</p></main>", []sharedUse{nav}, "[{6 18 nav.html k}]"},
		{"<p>no shared partial</p>", nil, "[]"},
		// Printed twice from one call (through a variable): the second copy
		// would not be replaced, so the page is not cached.
		{"<nav>3</nav><nav>3</nav>", []sharedUse{nav}, "uncached"},
		// Called twice and printed twice: both are replaced.
		{"<nav>3</nav><hr><nav>3</nav>", []sharedUse{nav, nav}, "[{0 12 nav.html k} {16 28 nav.html k}]"},
		// Printed in an attribute, escaped: not found.
		{`<a title="&lt;nav&gt;3&lt;/nav&gt;">`, []sharedUse{nav}, "uncached"},
		{"<nav></nav>", []sharedUse{{name: "e.html", html: ""}}, "uncached"},
	} {
		spans, ok := splices([]byte(c.page), c.uses)
		got := "uncached"
		if ok {
			got = fmt.Sprint(spans)
			if spans == nil {
				got = "[]"
			}
		}
		if got != c.want {
			t.Errorf("splices(%q) = %s, want %s", c.page, got, c.want)
		}
	}
}
