package content

import "testing"

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		// Editors' temporary, swap, lock and backup files.
		".dialogues.en.md.swp": true, ".dialogues.en.md.swx": true, ".#dialogues.en.md": true,
		"dialogues.en.md~": true, "#dialogues.en.md#": true, "4913": true,
		"dialogues.en.md.tmp": true, "dialogues.en.md.bck": true, "dialogues.en.md.bak": true,
		"dialogues.en.md.orig": true, "dialogues.en.md.new": true, "x.en.md.new": true,
		"dialogues.en.md___jb_tmp___": true, "dialogues.en.md___jb_old___": true,
		".git": true, ".DS_Store": true,
		// Sources.
		"dialogues.en.md": false, "_index.fi.md": false, "_vocabularies.toml": false,
		"news.en.md": false, "new.en.md": false, "renewal.fi.md": false, "site.css": false,
		"#": false, "#hashtag.en.md": false, "4913.en.md": false, "single.html": false,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}
