package gensite

import (
	"fmt"
	"strings"
	"time"
)

// siteTOML has the structure of the repository's site.toml: languages fi
// and en with menus and footers, and the two typed sections.
const siteTOML = `# Synthetic benchmark site (bench/gensite): the structure of opengov.fi.
base_url = "https://opengov.fi/"
default_language = "fi"
paginate = 20

[[languages]]
code = "fi"
name = "suomi"
prefix = "fi"
locale = "fi_FI"
page_slug = "sivu"
title = "Avoin hallinto"
description = "Suomen avoimen hallinnon sivusto: toimintaohjelmien sitoumukset, hyvät käytännöt ja julkisen hallinnon innovaatiojulistus."

[[languages.menu]]
name = "Sitoumukset"
page = "commitments/_index"

[[languages.menu]]
name = "Hyvät käytännöt"
page = "good-practices/_index"

[[languages.menu]]
name = "Innovaatiojulistus"
page = "innovation-declaration"

[[languages.menu]]
name = "Tietoa"
page = "about"

[[languages.footer]]
name = "Tietoa sivustosta"
page = "about"

[[languages.footer]]
name = "Saavutettavuusseloste"
page = "accessibility"

[[languages]]
code = "en"
name = "English"
prefix = "en"
locale = "en_GB"
page_slug = "page"
title = "Open Government in Finland"
description = "Finland's Open Government website: action plan commitments, good practices and the public sector innovation declaration."

[[languages.menu]]
name = "Commitments"
page = "commitments/_index"

[[languages.menu]]
name = "Good practices"
page = "good-practices/_index"

[[languages.menu]]
name = "Innovation declaration"
page = "innovation-declaration"

[[languages.menu]]
name = "About"
page = "about"

[[languages.footer]]
name = "About this site"
page = "about"

[[languages.footer]]
name = "Accessibility statement"
page = "accessibility"

[sections.good-practices]
type = "practice"

[sections.commitments]
type = "commitment"
`

// fixedPages are the pages every generated site has: home pages, section
// pages, and the about, declaration and accessibility pages.
func fixedPages() []*page {
	var out []*page
	for _, l := range languages {
		fi := l.code == "fi"
		g := &textGen{rng(3, 0), l}
		add := func(path string, front []field, body string) {
			out = append(out, &page{path: path, lang: l.code, front: front, body: body})
		}
		add("content/_index", []field{
			{"title", tr(fi, "Avoin hallinto", "Open Government in Finland")},
			{"summary", tr(fi, "Avoin hallinto vahvistaa luottamusta, osallistumista ja hallinnon ymmärrettävyyttä Suomessa.",
				"Open government builds trust, participation and understandable administration in Finland.")},
		}, g.paragraph(80)+"\n\n"+g.paragraph(60)+"\n\n## "+tr(fi, "Sivustolta löydät", "What you find here")+"\n\n"+
			"- ["+tr(fi, "Sitoumukset", "Commitments")+"](commitments/_index.md): "+g.sentence(8, 12)+"\n"+
			"- ["+tr(fi, "Hyvät käytännöt", "Good practices")+"](good-practices/_index.md): "+g.sentence(8, 12)+"\n"+
			"- ["+tr(fi, "Innovaatiojulistus", "Innovation declaration")+"](innovation-declaration.md): "+g.sentence(8, 12)+"\n")

		add("content/good-practices/_index", []field{
			{"title", tr(fi, "Hyvät käytännöt", "Good practices")},
			{"summary", tr(fi, "Tietokanta kokoaa avoimen hallinnon ja julkisen sektorin innovaatioiden hyviä käytäntöjä Suomesta ja muista maista.",
				"This database collects good practices in open government and public sector innovation from Finland and other countries.")},
			{"slug", tr(fi, "hyvat-kaytannot", "good-practices")},
		}, g.paragraph(40)+" ["+tr(fi, "Toimenpide 3.1", "Measure 3.1")+"](../commitments/"+Plan+"/measure-3-1.md).\n\n## "+
			tr(fi, "Näin käytät tietokantaa", "How to use the database")+"\n\n"+g.paragraph(60)+"\n")

		add("content/commitments/_index", []field{
			{"title", tr(fi, "Sitoumukset", "Commitments")},
			{"summary", tr(fi, "Suomi laatii Open Government Partnership -kumppanuuden jäsenenä avoimen hallinnon toimintaohjelmia.",
				"As a member of the Open Government Partnership, Finland draws up open government action plans.")},
			{"slug", tr(fi, "sitoumukset", "commitments")},
		}, g.paragraph(60)+"\n\n## "+tr(fi, "Toimintaohjelmat", "Action plans")+"\n\n- ["+tr(fi, "Toimintaohjelma ", "Action plan ")+Plan+"]("+Plan+"/_index.md)\n")

		var plan strings.Builder
		plan.WriteString(g.paragraph(80) + "\n\n## " + tr(fi, "Sitoumukset", "Commitments") + "\n\n")
		for c := 1; c <= Commitments; c++ {
			fmt.Fprintf(&plan, "%d. [%s](commitment-%d.md)\n", c, g.title(4, 7), c)
		}
		add("content/commitments/"+Plan+"/_index", []field{
			{"title", tr(fi, "Avoimen hallinnon toimintaohjelma ", "Open Government Action Plan ") + Plan},
			{"summary", g.summary()},
			{"slug", Plan},
		}, plan.String())

		add("content/about", []field{
			{"title", tr(fi, "Tietoa sivustosta", "About this site")},
			{"summary", g.summary()},
			{"slug", tr(fi, "tietoa", "about")},
		}, g.paragraph(60)+" ["+tr(fi, "Hyvien käytäntöjen tietokanta", "Good practices database")+"](good-practices/_index.md).\n\n"+
			g.paragraph(50)+" ["+tr(fi, "Toimenpide 3.2", "Measure 3.2")+"](commitments/"+Plan+"/measure-3-2.md).\n")

		add("content/innovation-declaration", []field{
			{"title", tr(fi, "Julkisen sektorin innovaatiojulistus", "Public sector innovation declaration")},
			{"summary", g.summary()},
			{"slug", tr(fi, "innovaatiojulistus", "innovation-declaration")},
			{"layout", "declaration"},
		}, g.paragraph(80)+"\n\n## "+tr(fi, "Viisi periaatetta", "Five principles")+"\n\n"+g.paragraph(50)+
			" ["+tr(fi, "Hyvät käytännöt", "Good practices")+"](good-practices/_index.md)\n")

		add("content/accessibility", []field{
			{"title", tr(fi, "Saavutettavuusseloste", "Accessibility statement")},
			{"summary", g.summary()},
			{"slug", tr(fi, "saavutettavuusseloste", "accessibility")},
			{"layout", "accessibility"},
			{"standard", "WCAG 2.1 AA"},
			{"compliance", "partial"},
			{"known_gaps", [][]field{{{"criterion", "3.1.2"}, {"description", g.sentence(12, 20)}}}},
			{"feedback", []field{{"organisation", l.orgs[0]}, {"url", "https://vm.fi/"}}},
			{"enforcement", []field{{"organisation", tr(fi, "Saavutettavuusvaatimusten valvontaviranomainen", "Accessibility supervisory authority")}, {"url", "https://www.saavutettavuusvaatimukset.fi/"}}},
			{"prepared", date(time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC))},
			{"reviewed", date(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))},
			{"method", g.sentence(6, 10)},
		}, g.paragraph(60)+"\n")
	}
	return out
}
