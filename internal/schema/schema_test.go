package schema

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/site"
)

const siteTOML = `base_url = "https://example.org/"
default_language = "fi"
[[languages]]
code = "fi"
name = "suomi"
prefix = "fi"
locale = "fi_FI"
title = "T"
description = "D"
[[languages]]
code = "en"
name = "English"
prefix = "en"
locale = "en_GB"
title = "T"
description = "D"
[sections.practices]
type = "practice"
[sections.commitments]
type = "commitment"
`

const vocab = `[[themes]]
id = "dialogue"
label = { fi = "Dialogit", en = "Dialogue" }
[[themes]]
id = "open-data"
label = { fi = "Avoin data", en = "Open data" }
[[levels]]
id = "national"
label = { fi = "Valtakunnallinen", en = "National" }
[[principles]]
id = "diffuse-lessons"
label = { fi = "Levitämme", en = "Diffuse" }
[[stages]]
id = "diffusion"
label = { fi = "Levittäminen", en = "Diffusion" }
[[statuses]]
id = "ongoing"
label = { fi = "Käynnissä", en = "Ongoing" }
[[countries]]
id = "FI"
label = { fi = "Suomi", en = "Finland" }
[[facets]]
id = "themes"
label = { fi = "Teemat", en = "Themes" }
[[facets]]
id = "years"
label = { fi = "Vuodet", en = "Years" }
`

func md(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

const practice = `---
id: dialogues
title: Dialogues
organisation: Ministry of Finance
summary: Short.
country: FI
level: national
themes: [dialogue, open-data]
innovation_principles: [diffuse-lessons]
stage: diffusion
status: ongoing
year: 2020
related_commitments: [commitments/measure-1-1]
published: 2026-11-23
---
Body.
`

func files() fstest.MapFS {
	return fstest.MapFS{
		"site.toml":                         md(siteTOML),
		"content/_vocabularies.toml":        md(vocab),
		"content/_index.fi.md":              md("---\ntitle: Etusivu\n---\n"),
		"content/_index.en.md":              md("---\ntitle: Home\n---\n"),
		"content/practices/dialogues.en.md": md(practice),
		"content/practices/dialogues.fi.md": md(strings.Replace(practice, "title: Dialogues", "title: Dialogit", 1)),
		"content/commitments/commitment-1.fi.md": md(`---
title: Sitoumus 1
summary: S.
action_plan: "2023-2027"
number: "1"
lead_institution: VM
status: ongoing
---
`),
		"content/commitments/measure-1-1.fi.md": md(`---
title: Toimenpide 1.1
summary: S.
action_plan: "2023-2027"
number: "1.1"
lead_institution: VM
status: ongoing
---
`),
	}
}

func load(t *testing.T, fsys fstest.MapFS) (*site.Site, string) {
	t.Helper()
	cfg, errs := config.Load(fsys, Builtin().Sections())
	if errs != nil {
		t.Fatal(errs.Err())
	}
	v, errs := LoadVocabularies(fsys, []string{"fi", "en"}, Builtin().Vocabularies())
	if errs != nil {
		return nil, errs.Err().Error()
	}
	loaded, errs := content.Load(fsys, []string{"fi", "en"})
	if errs != nil {
		t.Fatal(errs.Err())
	}
	s, errs := site.New(cfg, loaded, site.Options{Schemas: Builtin().Schemas(v)})
	errs = append(errs, Relate(s)...)
	if errs != nil {
		return s, errs.Err().Error()
	}
	return s, ""
}

func TestPracticeErrorsArePositionedWithSuggestions(t *testing.T) {
	fsys := files()
	fsys["content/practices/dialogues.en.md"] = md(strings.NewReplacer(
		"id: dialogues\n", "",
		"themes: [dialogue, open-data]", "themes: [dialogue, opendata]",
		"level: national", "level: nation-wide",
		"country: FI", `country: "NO"`,
		"summary: Short.", "summary: "+strings.Repeat("x", 301),
		"related_commitments: [commitments/measure-1-1]", "related_commitments: [commitments/measure-9-9]",
	).Replace(practice))
	_, errs := load(t, fsys)
	want := []string{
		`content/practices/dialogues.en.md:2: front matter: required field "id" is missing`,
		`content/practices/dialogues.en.md:4:10: the summary is 301 characters long; at most 300 are allowed`,
		`content/practices/dialogues.en.md:5:10: unknown country "NO" (allowed: FI; a country not listed is added as a [[countries]] entry in content/_vocabularies.toml)`,
		`content/practices/dialogues.en.md:6:8: unknown level "nation-wide" (allowed: national)`,
		`content/practices/dialogues.en.md:7:20: unknown theme "opendata" (did you mean "open-data"? allowed: dialogue, open-data)`,
		`content/practices/dialogues.en.md:12:23: related commitment "commitments/measure-9-9" is not a commitment page`,
	}
	for _, w := range want {
		if !strings.Contains(errs, w) {
			t.Errorf("errors lack\n%s\ngot\n%s", w, errs)
		}
	}
}

// Where the sources name no organisation, lead institution or status,
// the fields are left out: that is not an error.
func TestOptionalFieldsMayBeLeftOut(t *testing.T) {
	fsys := files()
	practice := strings.NewReplacer("organisation: Ministry of Finance\n", "", "status: ongoing\n", "").Replace(practice)
	fsys["content/practices/dialogues.en.md"] = md(practice)
	fsys["content/practices/dialogues.fi.md"] = md(strings.Replace(practice, "title: Dialogues", "title: Dialogit", 1))
	fsys["content/commitments/measure-1-1.fi.md"] = md("---\ntitle: Toimenpide 1.1\nsummary: S.\naction_plan: \"2023-2027\"\nnumber: \"1.1\"\n---\n")
	s, errs := load(t, fsys)
	if errs != "" {
		t.Fatal(errs)
	}
	p := PracticeOf(s.BySource("practices/dialogues", "en"))
	if p.Organisation != "" || p.Status != "" || p.StatusTerm != nil {
		t.Errorf("practice: %+v", p)
	}
	c := CommitmentPageOf(s.BySource("commitments/measure-1-1", "fi"))
	if c.LeadInstitution != "" || c.Status != "" || c.StatusTerm != nil || c.Parent == nil {
		t.Errorf("measure: %+v", c)
	}
}

func TestRelations(t *testing.T) {
	s, errs := load(t, files())
	if errs != "" {
		t.Fatal(errs)
	}
	commitment, measure := s.BySource("commitments/commitment-1", "fi"), s.BySource("commitments/measure-1-1", "fi")
	c, m := CommitmentPageOf(commitment), CommitmentPageOf(measure)
	if m.Parent != commitment || len(c.Measures) != 1 || c.Measures[0] != measure {
		t.Errorf("measure and commitment are not linked: %+v %+v", m, c)
	}
	// The practice names the measure; the measure lists the practice once,
	// in the measure's language.
	if len(m.Practices) != 1 || m.Practices[0] != s.BySource("practices/dialogues", "fi") {
		t.Errorf("measure's practices: %v", m.Practices)
	}
	p := PracticePageOf(s.BySource("practices/dialogues", "en"))
	if len(p.Commitments) != 1 || p.Commitments[0] != measure {
		t.Errorf("practice's commitments: %v", p.Commitments)
	}
	if p.LevelTerm.In("fi") != "Valtakunnallinen" || len(p.ThemeTerms) != 2 || p.CountryTerm.In("en") != "Finland" {
		t.Errorf("terms not resolved: %+v", p)
	}
}

func TestMeasureWithoutCommitmentAndDifferentIDs(t *testing.T) {
	fsys := files()
	delete(fsys, "content/commitments/commitment-1.fi.md")
	fsys["content/practices/dialogues.fi.md"] = md(strings.NewReplacer("id: dialogues", "id: dialogit", "title: Dialogues", "title: Dialogit").Replace(practice))
	_, errs := load(t, fsys)
	for _, w := range []string{
		`content/commitments/measure-1-1.fi.md:5:9: measure 1.1 has no commitment 1 in action plan 2023-2027 in this language`,
		`content/practices/dialogues.fi.md:2:5: id "dialogit" differs from the id "dialogues" of its translation content/practices/dialogues.en.md`,
	} {
		if !strings.Contains(errs, w) {
			t.Errorf("errors lack\n%s\ngot\n%s", w, errs)
		}
	}
}

func TestVocabularyNeedsEveryLanguage(t *testing.T) {
	fsys := files()
	fsys["content/_vocabularies.toml"] = md(strings.Replace(vocab, `label = { fi = "Avoin data", en = "Open data" }`, `label = { fi = "Avoin data" }`, 1))
	_, errs := load(t, fsys)
	if !strings.Contains(errs, `content/_vocabularies.toml:4:3: themes: "open-data" has no label in language "en"`) {
		t.Errorf("got %s", errs)
	}
}

func TestPracticeInOneLanguageIsListedInTheOther(t *testing.T) {
	fsys := files()
	fsys["content/practices/_index.fi.md"] = md("---\ntitle: Käytännöt\n---\n")
	fsys["content/practices/_index.en.md"] = md("---\ntitle: Practices\n---\n")
	fsys["content/practices/only-english.en.md"] = md(strings.Replace(practice, "id: dialogues", "id: only-english", 1))
	s, errs := load(t, fsys)
	if errs != "" {
		t.Fatal(errs)
	}
	if errs := Facets(s, mustVocab(t, fsys), nil); errs != nil {
		t.Fatal(errs.Err())
	}
	idx := s.BySource("practices/_index", "fi").Params.(*Index)
	var langs []string
	for _, p := range idx.Practices {
		langs = append(langs, PracticeOf(p).ID+":"+p.Lang)
	}
	if got := strings.Join(langs, " "); got != "dialogues:fi only-english:en" {
		t.Fatalf("Finnish listing: %s", got)
	}
	// Facet pages exist in both languages and pair as translations.
	var themes *Facet
	for _, f := range idx.Facets {
		if f.Vocabulary == Themes {
			themes = f
		}
	}
	if themes == nil || themes.Page == nil || len(themes.Values) != 2 || themes.Values[0].Page.Translation("en") == nil {
		t.Fatalf("theme facet: %+v", themes)
	}
	if got := themes.Values[0].Page.Path; got != "fi/practices/teemat/dialogit/" {
		t.Errorf("facet value path %s", got)
	}
}

func mustVocab(t *testing.T, fsys fstest.MapFS) *Vocabularies {
	v, errs := LoadVocabularies(fsys, []string{"fi", "en"}, Builtin().Vocabularies())
	if errs != nil {
		t.Fatal(errs.Err())
	}
	return v
}

func TestAccessibilityStatementIsChecked(t *testing.T) {
	fsys := files()
	fsys["content/accessibility.fi.md"] = md(`---
title: Saavutettavuusseloste
layout: accessibility
standard: WCAG 2.1 AA
compliance: partial
known_gaps:
  - criterion: "3.1"
    description: Puute.
feedback:
  organisation: Valtiovarainministeriö
enforcement:
  organisation: Valvontaviranomainen
prepared: 2026-11-23
reviewed: 2026-11-22
---
`)
	fsys["content/accessibility.en.md"] = md(`---
title: Accessibility statement
layout: accessibility
standard: WCAG 2.1 AA
compliance: partial
feedback:
  organisation: Ministry of Finance
prepared: 2026-11-23
reviewed: 2026-11-23
---
`)
	_, errs := load(t, fsys)
	for _, w := range []string{
		`content/accessibility.en.md:2: front matter: required field "enforcement" is missing`,
		`content/accessibility.en.md:5:13: a partially compliant site must list its known gaps`,
		`content/accessibility.fi.md:7:5: criterion "3.1" is not a WCAG success criterion number`,
		`content/accessibility.fi.md:14:11: the statement was reviewed before it was prepared`,
	} {
		if !strings.Contains(errs, w) {
			t.Errorf("errors lack\n%s\ngot\n%s", w, errs)
		}
	}
}
