package schema

import (
	"slices"
	"strconv"
	"strings"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/site"
)

// How the open data catalog describes the exports of the built-in types.

// homeCountry is the country whose open government the site is about:
// the action plans are Finland's.
const homeCountry = "FI"

// practiceDataset: the themes as keywords, the countries, and the years
// the practices were launched.
func practiceDataset() Dataset {
	return Dataset{Describe: func(s *site.Site, pages []*site.Page) (map[string][]string, []string, int, int) {
		var themes []*Term
		var countries []string
		from, to := 0, 0
		for _, p := range pages {
			pr := PracticeOf(p)
			for _, t := range pr.ThemeTerms {
				if !slices.Contains(themes, t) {
					themes = append(themes, t)
				}
			}
			if pr.CountryTerm.Known() && !slices.Contains(countries, pr.Country) { // an unknown one is reported already
				countries = append(countries, pr.Country)
			}
			if y := pr.Year; y != 0 {
				from, to = minNonZero(from, y), max(to, y)
			}
		}
		slices.Sort(countries)
		keywords := map[string][]string{}
		for _, l := range s.Config.Languages {
			for _, t := range themes {
				keywords[l.Code] = append(keywords[l.Code], t.In(l.Code))
			}
			slices.Sort(keywords[l.Code])
		}
		return keywords, countries, from, to
	}}
}

// commitmentDataset: landing on the first commitments section, the
// policy areas as keywords, Finland, and the years of the action plans.
func commitmentDataset() Dataset {
	return Dataset{
		Landing: func(s *site.Site, lang string) *site.Page {
			var dirs []string
			for dir, sec := range s.Config.Sections {
				if sec.Type == CommitmentType {
					dirs = append(dirs, dir)
				}
			}
			if len(dirs) == 0 {
				return nil
			}
			slices.Sort(dirs)
			return s.BySource(dirs[0]+"/"+content.IndexName, lang)
		},
		Describe: func(s *site.Site, pages []*site.Page) (map[string][]string, []string, int, int) {
			keywords := map[string][]string{}
			from, to := 0, 0
			for _, p := range pages {
				c := CommitmentOf(p)
				for _, a := range c.PolicyAreas {
					if !slices.Contains(keywords[p.Lang], a) {
						keywords[p.Lang] = append(keywords[p.Lang], a)
					}
				}
				if a, b, ok := planYears(c.ActionPlan); ok {
					from, to = minNonZero(from, a), max(to, b)
				}
			}
			for _, k := range keywords {
				slices.Sort(k)
			}
			return keywords, []string{homeCountry}, from, to
		},
	}
}

// planYears reads an action plan's years: "2023-2027".
func planYears(plan string) (int, int, bool) {
	a, b, ok := strings.Cut(plan, "-")
	from, err1 := strconv.Atoi(a)
	to, err2 := strconv.Atoi(b)
	return from, to, ok && err1 == nil && err2 == nil
}

func minNonZero(a, b int) int {
	if a == 0 || b < a {
		return b
	}
	return a
}
