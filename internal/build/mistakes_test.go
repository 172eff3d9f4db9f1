package build

import (
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/schema"
)

// repoFS copies the repository's site into memory, so a test can change
// one file of the real site.
func repoFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	src := os.DirFS(repoRoot)
	for _, root := range []string{"site.toml", "content", "templates", "i18n", "static"} {
		err := fs.WalkDir(src, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(src, p)
			fsys[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

// TestEditorMistakes makes, one at a time, mistakes a new editor makes in
// a real good practice, and expects exactly one error for each mistake,
// at the mistake's line, saying what to write instead.
func TestEditorMistakes(t *testing.T) {
	const file = "content/good-practices/lockdown-dialogues.fi.md"
	base := repoFS(t)
	if _, errs := Run(base, Options{}); errs != nil {
		t.Fatalf("the site does not build:\n%v", errs)
	}
	// Each edit replaces the whole line of a field.
	type edit struct{ field, line string }
	tests := []struct {
		name  string
		edits []edit
		want  []string // one per expected error, each a part of its text
	}{
		{"unknown level", []edit{{"level", "level: kunta"}}, []string{`:9:8: unknown level "kunta"`}},
		{"unknown status", []edit{{"status", "status: valmis"}}, []string{`unknown status "valmis"`}},
		{"unknown country", []edit{{"country", "country: XX"}},
			[]string{`unknown country "XX" (allowed: FI, SE, NO, IE, ES; a country not listed is added as a [[countries]] entry in content/_vocabularies.toml)`}},
		{"theme as its Finnish label", []edit{{"themes", "themes: [Luottamus]"}},
			[]string{`unknown theme "Luottamus" ("Luottamus" is the label of "trust": write the id, trust;`}},
		{"theme as its English label", []edit{{"themes", "themes: [open data]"}},
			[]string{`"open data" is the label of "open-data": write the id, open-data;`}},
		{"a day November does not have", []edit{{"published", "published: 2026-11-31"}},
			[]string{`field published: "2026-11-31" is not a date: November has 30 days`}},
		{"a Finnish date", []edit{{"published", "published: 23.11.2026"}},
			[]string{`"23.11.2026" is written day first; dates are written year first (write 2026-11-23)`}},
		{"a date error does not hide a theme typo", []edit{{"published", "published: 2026-11-31"}, {"themes", "themes: [dialogu]"}},
			[]string{`unknown theme "dialogu" (did you mean "dialogue"?`, `November has 30 days`}},
		{"a related commitment with a typo", []edit{{"related_commitments", "related_commitments: [commitments/2019-2023/fi034]"}},
			[]string{`related commitment "commitments/2019-2023/fi034" is not a commitment page (did you mean ../commitments/2019-2023/fi0034.md (or commitments/2019-2023/fi0034)?)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			src := string(base[file].Data)
			for _, e := range tt.edits {
				re := regexp.MustCompile(`(?m)^` + e.field + `:.*$`)
				if !re.MatchString(src) {
					t.Fatalf("%s has no field %s", file, e.field)
				}
				src = re.ReplaceAllLiteralString(src, e.line)
			}
			fsys[file] = &fstest.MapFile{Data: []byte(src)}
			_, errs := Run(fsys, Options{})
			if len(errs) != len(tt.want) {
				t.Fatalf("want %d errors, got %d:\n%v", len(tt.want), len(errs), errs)
			}
			for i, w := range tt.want {
				if got := errs[i].Error(); !strings.Contains(got, w) || !strings.HasPrefix(got, file+":") {
					t.Errorf("error %d is\n%s\nwant one in %s containing\n%s", i, got, file, w)
				}
			}
		})
	}
}

// TestBodyLinkSuggestsNearestPage: a link to a page that does not exist
// suggests the existing page whose path is nearest, as a link to write.
func TestBodyLinkSuggestsNearestPage(t *testing.T) {
	const file = "content/good-practices/lockdown-dialogues.fi.md"
	fsys := repoFS(t)
	src := string(fsys[file].Data) + "\n[FI0034](../commitments/2019-2023/fi034.md)\n"
	fsys[file] = &fstest.MapFile{Data: []byte(src)}
	_, errs := Run(fsys, Options{})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "no such page; did you mean ../commitments/2019-2023/fi0034.md?") {
		t.Fatalf("want one error suggesting ../commitments/2019-2023/fi0034.md, got:\n%v", errs)
	}
}

// TestRelatedCommitmentsTakeTheBodyLinkForm: related_commitments accepts
// a commitment written as a body link is, relative to the file.
func TestRelatedCommitmentsTakeTheBodyLinkForm(t *testing.T) {
	const file = "content/good-practices/lockdown-dialogues.fi.md"
	fsys := repoFS(t)
	re := regexp.MustCompile(`(?m)^related_commitments:.*$`)
	for _, f := range []string{file, strings.Replace(file, ".fi.md", ".en.md", 1)} { // they must agree
		src := re.ReplaceAllLiteralString(string(fsys[f].Data), "related_commitments: [../commitments/2019-2023/fi0034.md, commitments/2023-2027/measure-1-1.md]")
		fsys[f] = &fstest.MapFile{Data: []byte(src)}
	}
	res, errs := Run(fsys, Options{})
	if errs != nil {
		t.Fatal(errs)
	}
	for _, p := range res.Site.Pages {
		if p.File.Path != file {
			continue
		}
		var got []string
		for _, c := range schema.PracticePageOf(p).Commitments {
			got = append(got, c.File.Path)
		}
		want := "content/commitments/2019-2023/fi0034.fi.md content/commitments/2023-2027/measure-1-1.fi.md"
		if strings.Join(got, " ") != want {
			t.Errorf("related commitments are %v, want %s", got, want)
		}
		return
	}
	t.Fatalf("no page from %s", file)
}

// TestSharedFieldsAgree: a fact that is the same in every language (a
// practice's status, themes, year...) differs between two translations:
// one error, naming both files.
func TestSharedFieldsAgree(t *testing.T) {
	const fi, en = "content/good-practices/lockdown-dialogues.fi.md", "content/good-practices/lockdown-dialogues.en.md"
	for field, line := range map[string]string{"status": "status: planned", "themes": "themes: [dialogue]", "year": "year: 1999"} {
		fsys := repoFS(t)
		re := regexp.MustCompile(`(?m)^` + field + `:.*$`)
		fsys[en] = &fstest.MapFile{Data: []byte(re.ReplaceAllLiteralString(string(fsys[en].Data), line))}
		_, errs := Run(fsys, Options{})
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), en+":") || !strings.Contains(errs[0].Error(), field+" is ") ||
			!strings.Contains(errs[0].Error(), " in "+fi) {
			t.Errorf("%s: want one error at %s naming %s, got:\n%v", field, en, fi, errs)
		}
	}
}

// TestTranslationKeyAcrossTypes: a practice and a commitment given the
// same translationKey are reported, not a panic.
func TestTranslationKeyAcrossTypes(t *testing.T) {
	fsys := repoFS(t)
	re := regexp.MustCompile(`(?m)^title:`)
	for _, f := range []string{"content/good-practices/lockdown-dialogues.fi.md", "content/commitments/2023-2027/measure-1-1.fi.md", "content/commitments/2023-2027/measure-1-1.en.md"} {
		fsys[f] = &fstest.MapFile{Data: []byte(re.ReplaceAllLiteralString(string(fsys[f].Data), "translationKey: same\ntitle:"))}
	}
	_, errs := Run(fsys, Options{})
	text := errs.Error()
	if !strings.Contains(text, `translation key "same" is also used by`) || !strings.Contains(text, "which is of another kind") {
		t.Fatalf("errors:\n%v", errs)
	}
}

// TestEmptyTemplate: a page template that is empty, as it is for a moment
// while an editor saves it, is an error naming the template, not a site of
// empty pages.
func TestEmptyTemplate(t *testing.T) {
	fsys := repoFS(t)
	fsys["templates/good-practices/single.html"] = &fstest.MapFile{Data: []byte("\n")}
	_, errs := Run(fsys, Options{})
	if errs == nil || !strings.Contains(errs.Error(), "templates/good-practices/single.html: the template made an empty page for content/good-practices/") {
		t.Fatalf("errors: %v", errs)
	}
}
