package schema

import (
	"strings"
	"testing"
)

// TestTranslationsAgreeOnSharedFields changes the fields tagged
// lang:"shared" in the English files: each difference is one error at the
// English field, naming the Finnish file; a value already reported (an
// unknown term, a relation to no page, a practice's id) is not compared
// again.
func TestTranslationsAgreeOnSharedFields(t *testing.T) {
	fsys := files()
	fsys["content/practices/dialogues.en.md"] = md(strings.NewReplacer(
		"id: dialogues", "id: dialogue",
		"year: 2020", "year: 2021",
		"status: ongoing\n", "",
		"themes: [dialogue, open-data]", "themes: [open-data, dialogue]",
		"innovation_principles: [diffuse-lessons]", "innovation_principles: []",
		"level: national", "level: local",
		"related_commitments: [commitments/measure-1-1]", "related_commitments: [commitments/commitment-1]",
	).Replace(practice))
	fsys["content/practices/other.fi.md"] = md(strings.NewReplacer("id: dialogues", "id: other", "year: 2020", "year: 2019").Replace(practice))
	fsys["content/practices/other.en.md"] = md(strings.NewReplacer("id: dialogues", "id: other",
		"related_commitments: [commitments/measure-1-1]", "related_commitments: [commitments/measure-9-9]").Replace(practice))
	fsys["content/commitments/commitment-1.en.md"] = md("---\ntitle: Commitment 1\nsummary: S.\nogp_id: FI0001\naction_plan: \"2023-2027\"\nnumber: \"1\"\nstatus: ongoing\n---\n")
	_, errs := load(t, fsys)
	const fi = "content/practices/dialogues.fi.md"
	want := []string{
		`content/commitments/commitment-1.en.md:4:9: ogp_id is FI0001 here but nothing in content/commitments/commitment-1.fi.md (ogp_id states a fact, the same in every language: make the two files agree)`,
		`content/practices/dialogues.en.md:2: status is nothing here but ongoing in ` + fi,
		`content/practices/dialogues.en.md:7:8: unknown level "local" (allowed: national)`,
		`content/practices/dialogues.en.md:9:24: innovation_principles is nothing here but diffuse-lessons in ` + fi,
		`content/practices/dialogues.en.md:11:7: year is 2021 here but 2020 in ` + fi,
		`content/practices/dialogues.en.md:12:22: related_commitments is commitments/commitment-1 here but commitments/measure-1-1 in ` + fi,
		`content/practices/dialogues.fi.md:2:5: id "dialogues" differs from the id "dialogue" of its translation content/practices/dialogues.en.md (a practice keeps one id in every language)`,
		`content/practices/other.en.md:12:7: year is 2020 here but 2019 in content/practices/other.fi.md`,
		`content/practices/other.en.md:13:23: related commitment "commitments/measure-9-9" is not a commitment page (did you mean ../commitments/measure-1-1.md (or commitments/measure-1-1)?)`,
	}
	got := strings.Split(errs, "\n")
	if len(got) != len(want) {
		t.Errorf("got %d errors, want %d:\n%s", len(got), len(want), errs)
	}
	for _, w := range want {
		if !strings.Contains(errs, w) {
			t.Errorf("errors lack\n%s\ngot\n%s", w, errs)
		}
	}
}

// TestAccessibilityStatementsAgree: the statement's facts (tagged
// lang:"shared") are compared like any type's, a date as it is written.
func TestAccessibilityStatementsAgree(t *testing.T) {
	const statement = "---\ntitle: T\nlayout: accessibility\nstandard: WCAG 2.1 AA\ncompliance: full\n" +
		"feedback: {organisation: VM}\nenforcement: {organisation: Traficom}\nprepared: 2026-11-23\nreviewed: 2026-11-23\n---\n"
	fsys := files()
	fsys["content/accessibility.fi.md"] = md(statement)
	fsys["content/accessibility.en.md"] = md(strings.NewReplacer("WCAG 2.1 AA", "WCAG 2.2 AA", "reviewed: 2026-11-23", "reviewed: 2026-11-24").Replace(statement))
	_, errs := load(t, fsys)
	want := "content/accessibility.en.md:4:11: standard is WCAG 2.2 AA here but WCAG 2.1 AA in content/accessibility.fi.md (standard states a fact, the same in every language: make the two files agree)\n" +
		"content/accessibility.en.md:9:11: reviewed is 2026-11-24 here but 2026-11-23 in content/accessibility.fi.md (reviewed states a fact, the same in every language: make the two files agree)"
	if errs != want {
		t.Errorf("got\n%s\nwant\n%s", errs, want)
	}
}
