package scaffold

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/schema"
)

const repoRoot = "../.."

func TestNewWritesEveryLanguageAndDecodes(t *testing.T) {
	fsys := os.DirFS(repoRoot)
	types := schema.Builtin()
	cfg, errs := config.Load(fsys, types.Sections())
	if errs != nil {
		t.Fatal(errs.Err())
	}
	vocab, errs := schema.LoadVocabularies(fsys, []string{"fi", "en"}, types.Vocabularies())
	if errs != nil {
		t.Fatal(errs.Err())
	}
	root := t.TempDir()
	day := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ kind, name, dir string }{
		{"practice", "open-budget", "content/good-practices"},
		{"commitment", "2023-2027/measure-3-3", "content/commitments/2023-2027"},
	} {
		paths, err := New(root, cfg, vocab, types, tc.kind, tc.name, day)
		if err != nil || len(paths) != 2 {
			t.Fatalf("%s: %v %v", tc.kind, err, paths)
		}
		for _, p := range paths {
			rel, _ := filepath.Rel(root, p)
			if !strings.HasPrefix(filepath.ToSlash(rel), tc.dir+"/") {
				t.Errorf("%s written to %s", tc.kind, rel)
			}
			data, _ := os.ReadFile(p)
			if !strings.Contains(string(data), "# ") {
				t.Errorf("%s has no comments", rel)
			}
		}
		// The scaffolds parse, and against the schema they fail only for
		// what the editor has to fill in.
		// The empty title stops the build until it is written.
		_, lerrs := content.Load(os.DirFS(root), []string{"fi", "en"})
		for _, e := range lerrs {
			if e.Msg != `field "title" is required but empty` {
				t.Errorf("scaffolds do not parse: %v", e)
			}
		}
		for _, p := range paths {
			data, _ := os.ReadFile(p)
			os.WriteFile(p, []byte(strings.Replace(string(data), `title: ""`, `title: "T"`, 1)), 0o644)
		}
		files, lerrs := content.Load(os.DirFS(root), []string{"fi", "en"})
		if lerrs != nil {
			t.Fatalf("scaffolds with a title do not parse: %v", lerrs)
		}
		for _, f := range files {
			if !strings.HasPrefix(f.Path, tc.dir+"/") {
				continue
			}
			_, derrs := types.Schemas(vocab)[tc.kind].Decode(f)
			for _, e := range derrs {
				if !strings.Contains(e.Msg, "summary") && !strings.Contains(e.Msg, "is required but empty") {
					t.Errorf("%s: %v", f.Path, e)
				}
			}
		}
		// A second run refuses to overwrite and writes nothing.
		if _, err := New(root, cfg, vocab, types, tc.kind, tc.name, day); err == nil || !strings.Contains(err.Error(), "already exists") {
			t.Errorf("second %s: %v", tc.kind, err)
		}
	}
	// Every practice field of the schema is in the scaffold.
	data, _ := os.ReadFile(filepath.Join(root, "content/good-practices/open-budget.en.md"))
	var fields []string
	for _, f := range schema.FieldsOf(reflect.TypeFor[content.Front]()) {
		fields = append(fields, f.Name)
	}
	for _, f := range types.Get(schema.PracticeType).Fields() {
		fields = append(fields, f.Name)
	}
	for _, field := range fields {
		if field == "draft" || field == "translationKey" || field == "weight" || field == "layout" || field == "source_hash" {
			continue // optional page fields, documented in README.md
		}
		if !strings.Contains(string(data), "\n"+field+":") && !strings.Contains(string(data), "# "+field+":") {
			t.Errorf("the practice scaffold lacks %s", field)
		}
	}
	for _, bad := range []string{"Open Budget", "../escape", "x/"} {
		if _, err := New(root, cfg, vocab, types, "practice", bad, day); err == nil {
			t.Errorf("name %q accepted", bad)
		}
	}
	if _, err := New(root, cfg, vocab, types, "news", "x", day); err == nil {
		t.Error("unknown kind accepted")
	}
}
