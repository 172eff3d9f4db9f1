package i18n

import (
	"encoding/json"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// pluralNames are the CLDR plural categories as Intl.PluralRules names them.
var pluralNames = map[plural.Form]string{
	plural.Other: "other", plural.Zero: "zero", plural.One: "one",
	plural.Two: "two", plural.Few: "few", plural.Many: "many",
}

// PluralJSON returns the plural message id for a script to format counts
// with: a JSON object from each CLDR category of the language to the
// message, with "{count}" where the count goes, such as {"one":"{count}
// tulos","other":"{count} tulosta"}. The script picks the category with
// Intl.PluralRules, which follows the same CLDR rules.
func (l *Localizer) PluralJSON(id string) (string, error) {
	tag := language.Make(l.lang)
	forms := map[string]string{}
	for n := 0; n <= 200; n++ {
		name := pluralNames[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]
		if _, done := forms[name]; done {
			continue
		}
		s, err := l.localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: n, TemplateData: map[string]any{"Count": "{count}"}})
		if err != nil {
			return "", err
		}
		forms[name] = s
	}
	b, err := json.Marshal(forms)
	return string(b), err
}
