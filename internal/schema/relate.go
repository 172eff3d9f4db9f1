package schema

import (
	"cmp"
	"slices"
	"strings"

	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// Schemas returns the typed section schemas of the site, by the type name
// site.toml gives a section.
func Schemas(v *Vocabularies) map[string]site.Schema {
	return map[string]site.Schema{
		PracticeType:   {Decode: v.decodePractice},
		CommitmentType: {Decode: v.decodeCommitment},
		// Not a section type: pages with layout: accessibility.
		AccessibilityLayout: {Decode: decodeAccessibility},
	}
}

// Relate links the typed pages of a site model: a measure to its
// commitment and back, a practice to the commitments it names and back. It
// also checks that a practice keeps its id in every language.
func Relate(s *site.Site) diag.List {
	// Decoded fields may be reused from an earlier build: start afresh.
	for _, p := range s.Pages {
		if pr := PracticeOf(p); pr != nil {
			pr.Commitments = nil
		}
		if c := CommitmentOf(p); c != nil {
			c.Parent, c.Measures, c.Practices, c.Paging = nil, nil, nil, nil
		}
	}
	var errs diag.List
	errs = append(errs, relateMeasures(s)...)
	errs = append(errs, relatePractices(s)...)
	errs = append(errs, checkPracticeIDs(s)...)
	return errs
}

// PracticeOf returns p's good-practice fields, or nil.
func PracticeOf(p *site.Page) *Practice { x, _ := p.Params.(*Practice); return x }

// CommitmentOf returns p's commitment fields, or nil.
func CommitmentOf(p *site.Page) *Commitment { x, _ := p.Params.(*Commitment); return x }

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
		c.Parent = parent
		pc := CommitmentOf(parent)
		pc.Measures = append(pc.Measures, p)
	}
	for _, p := range s.Pages {
		if c := CommitmentOf(p); c != nil {
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

// relatePractices resolves each practice's related_commitments and lists
// the practice on those commitment pages, in every language: a practice
// missing in a language is listed there in the language it has.
func relatePractices(s *site.Site) diag.List {
	var errs diag.List
	named := map[string][]*site.Page{} // commitment content key -> practices naming it (one per translation group)
	for _, p := range s.Pages {
		pr := PracticeOf(p)
		if pr == nil {
			continue
		}
		for i, key := range pr.RelatedCommitments {
			key = strings.TrimSuffix(strings.Trim(key, "/"), ".md")
			target := findInAnyLanguage(s, key, p.Lang)
			if target == nil || CommitmentOf(target) == nil {
				pos := p.FieldPos("related_commitments")
				if n := p.Meta.Get("related_commitments"); n != nil && i < len(n.Items) {
					pos.Line, pos.Col = n.Items[i].Line, n.Items[i].Col
				}
				e := errs.Add(pos, "related commitment %q is not a commitment page", key)
				e.Hint = "name a commitment's content path without language, e.g. commitments/2023-2027/measure-1-1"
				continue
			}
			pr.Commitments = append(pr.Commitments, target)
			if first := p.Translations()[0]; first == p {
				named[target.SourceKey()] = append(named[target.SourceKey()], p)
			}
		}
	}
	titleKeys := map[*site.Page]string{}
	for _, c := range s.Pages {
		cm := CommitmentOf(c)
		if cm == nil {
			continue
		}
		for _, p := range named[c.SourceKey()] {
			if t := p.Translation(c.Lang); t != nil {
				p = t
			}
			cm.Practices = append(cm.Practices, p)
		}
		sortByTitle(cm.Practices, titleKeys)
	}
	return errs
}

// sortByTitle orders pages by title ignoring case, with the keys made once.
func sortByTitle(pages []*site.Page, keys map[*site.Page]string) {
	slices.SortFunc(pages, func(a, b *site.Page) int {
		ka, ok := keys[a]
		if !ok {
			ka = strings.ToLower(a.Front.Title)
			keys[a] = ka
		}
		kb, ok := keys[b]
		if !ok {
			kb = strings.ToLower(b.Front.Title)
			keys[b] = kb
		}
		return strings.Compare(ka, kb)
	})
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
func checkPracticeIDs(s *site.Site) diag.List {
	var errs diag.List
	byID := map[string]*site.Page{}
	for _, p := range s.Pages {
		pr := PracticeOf(p)
		if pr == nil || pr.ID == "" {
			continue
		}
		for _, t := range p.Translations() {
			if tp := PracticeOf(t); tp != nil && tp.ID != pr.ID && t.Lang < p.Lang {
				errs.Add(p.FieldPos("id"), "id %q differs from the id %q of its translation %s", pr.ID, tp.ID, t.File.Path).Hint = "a practice keeps one id in every language"
			}
		}
		key := p.Lang + "\x00" + pr.ID
		if q := byID[key]; q != nil && q.Key != p.Key {
			errs.Add(p.FieldPos("id"), "id %q is also the id of %s", pr.ID, q.File.Path)
		}
		byID[key] = p
	}
	return errs
}

// RelatedPages are the commitments a practice names.
func (p *Practice) RelatedPages() []*site.Page { return p.Commitments }

// RelatedPages are a commitment's commitment, measures and the practices
// it lists: those of its first page of practices and the other pages.
func (c *Commitment) RelatedPages() []*site.Page {
	practices := c.Practices
	if c.Paging != nil {
		practices = c.Paging.related()
	}
	out := append(slices.Clone(c.Measures), practices...)
	if c.Parent != nil {
		out = append(out, c.Parent)
	}
	return out
}
