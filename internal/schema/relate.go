package schema

import (
	"cmp"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// PracticePage is the Params of a good practice's page in a made model:
// the fields decoded from its front matter, which stay as they were
// decoded (a Builder reuses them from build to build), and the pages they
// relate it to.
type PracticePage struct {
	*Practice
	// Commitments are the pages named by RelatedCommitments, in the
	// practice's language where they exist: Related["related_commitments"].
	Commitments []*site.Page
	Relations
}

// CommitmentPage is the Params of a commitment's or measure's page in a
// made model: its decoded fields and the pages related to it.
type CommitmentPage struct {
	*Commitment
	Parent   *site.Page   // a measure's commitment
	Measures []*site.Page // a commitment's measures
	// Practices are the good practices that name this page:
	// NamedBy["practice.related_commitments"].
	Practices []*site.Page
	// Paging is the page's share of Practices, the first page of their
	// list (set by Facets).
	Paging *Paging
	Relations
}

// Relate links the typed pages of a site model that is being made: a
// measure to its commitment and back, and each page to the pages its
// relation fields name and back (a practice to its commitments). The
// relations are new values beside the decoded fields, never written into
// them. It also checks that the translations of a page agree on its
// shared fields, and that a practice keeps its id in every language.
func Relate(s *site.Site) diag.List {
	errs, checks := relate(s)
	return append(errs, checks()...)
}

// relate links the pages as Relate does, and returns the checks of what
// it linked separately. The checks read the pages' fields, translations
// and files, and the relations relate made (taken before it returns),
// never a page's Params: so they may run while Facets fills those in.
func relate(s *site.Site) (diag.List, func() diag.List) {
	ds := declarations{}
	inRelation := ds.relationTypes(s)
	for _, p := range s.Pages {
		switch x := p.Params.(type) {
		case *Practice:
			p.Params = &PracticePage{Practice: x}
		case *Commitment:
			p.Params = &CommitmentPage{Commitment: x}
		default:
			if p.Fields != nil && p.Params == p.Fields && inRelation[p.Type] {
				p.Params = &Entry{Fields: p.Fields}
			}
		}
	}
	var errs diag.List
	errs = append(errs, relateMeasures(s)...)
	errs = append(errs, relateFields(s, ds)...)
	for _, p := range s.Pages {
		switch x := p.Params.(type) {
		case *PracticePage:
			x.Commitments = x.Related["related_commitments"]
		case *CommitmentPage:
			x.Practices = x.NamedBy[PracticeType+".related_commitments"]
		}
	}
	pages := slices.Clip(s.Pages) // Facets may add pages after them
	rels := map[*site.Page]*Relations{}
	for _, p := range pages {
		if r := relationsOf(p); r != nil {
			rels[p] = r
		}
	}
	return errs, func() diag.List {
		return append(checkPracticeIDs(pages), checkSharedFields(pages, rels, ds)...)
	}
}

// PracticeOf returns p's decoded good-practice fields, or nil.
func PracticeOf(p *site.Page) *Practice { x, _ := p.Fields.(*Practice); return x }

// CommitmentOf returns p's decoded commitment fields, or nil.
func CommitmentOf(p *site.Page) *Commitment { x, _ := p.Fields.(*Commitment); return x }

// PracticePageOf returns the fields and relations of p, a good practice
// in a made model, or nil.
func PracticePageOf(p *site.Page) *PracticePage { x, _ := p.Params.(*PracticePage); return x }

// CommitmentPageOf returns the fields and relations of p, a commitment or
// measure in a made model, or nil.
func CommitmentPageOf(p *site.Page) *CommitmentPage { x, _ := p.Params.(*CommitmentPage); return x }

func relateMeasures(s *site.Site) diag.List {
	var errs diag.List
	type planNumber struct{ lang, plan, number string }
	commitments := map[planNumber]*site.Page{}
	for _, p := range s.Pages {
		if c := CommitmentOf(p); c != nil && !c.IsMeasure() {
			commitments[planNumber{p.Lang, c.ActionPlan, c.Number}] = p
		}
	}
	for _, p := range s.Pages {
		c := CommitmentOf(p)
		if c == nil || !c.IsMeasure() {
			continue
		}
		number, _, _ := cutNumber(c.Number)
		parent := commitments[planNumber{p.Lang, c.ActionPlan, number}]
		if parent == nil {
			errs.Add(p.FieldPos("number"), "measure %s has no commitment %s in action plan %s in this language", c.Number, number, c.ActionPlan).Hint = "add the commitment page, or correct number or action_plan"
			continue
		}
		CommitmentPageOf(p).Parent = parent
		pc := CommitmentPageOf(parent)
		pc.Measures = append(pc.Measures, p)
	}
	for _, p := range s.Pages {
		if c := CommitmentPageOf(p); c != nil {
			slices.SortFunc(c.Measures, func(a, b *site.Page) int { return compareNumbers(CommitmentOf(a).Number, CommitmentOf(b).Number) })
		}
	}
	return errs
}

// compareNumbers orders "1.2" before "1.10".
func compareNumbers(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if c := cmp.Compare(len(pa[i]), len(pb[i])); c != 0 {
			return c
		}
		if c := cmp.Compare(pa[i], pb[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(pa), len(pb))
}

// sortByTitle orders pages by title ignoring case.
func sortByTitle(pages []*site.Page) {
	slices.SortFunc(pages, func(a, b *site.Page) int { return site.CompareFold(a.Front.Title, b.Front.Title) })
}

// findInAnyLanguage returns the page of the content key in lang, or else
// in the first language that has it.
func findInAnyLanguage(s *site.Site, key, lang string) *site.Page {
	if p := s.BySource(key, lang); p != nil {
		return p
	}
	for _, l := range s.Config.Languages {
		if p := s.BySource(key, l.Code); p != nil {
			return p
		}
	}
	return nil
}

// checkPracticeIDs reports a practice whose translations disagree on its
// id, and two practices of one language with the same id.
func checkPracticeIDs(pages []*site.Page) diag.List {
	var errs diag.List
	type langID struct{ lang, id string }
	byID := make(map[langID]*site.Page, len(pages))
	for _, p := range pages {
		pr := PracticeOf(p)
		if pr == nil || pr.ID == "" {
			continue
		}
		for _, t := range p.Translations() {
			if tp := PracticeOf(t); tp != nil && tp.ID != pr.ID && t.Lang < p.Lang {
				errs.Add(p.FieldPos("id"), "id %q differs from the id %q of its translation %s", pr.ID, tp.ID, t.File.Path).Hint = "a practice keeps one id in every language"
			}
		}
		key := langID{p.Lang, pr.ID}
		if q := byID[key]; q != nil && q.Key != p.Key {
			errs.Add(p.FieldPos("id"), "id %q is also the id of %s", pr.ID, q.File.Path)
		}
		byID[key] = p
	}
	return errs
}
