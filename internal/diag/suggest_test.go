package diag

import "testing"

func TestSuggest(t *testing.T) {
	opts := []string{"dialogue", "democracy", "open-data", "youth"}
	for word, want := range map[string]string{"dialog": "dialogue", "democracy": "democracy", "opendata": "open-data", "Youth": "youth", "climate": ""} {
		if got := Suggest(word, opts); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", word, got, want)
		}
	}
}
