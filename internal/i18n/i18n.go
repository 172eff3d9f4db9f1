// Package i18n loads the user-interface strings of each language from
// i18n/<lang>.toml with go-i18n, checks that every language has every
// message, and formats messages, CLDR plurals and dates for templates.
package i18n

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/opengov-fi/opengov/internal/decode"
	"github.com/opengov-fi/opengov/internal/diag"
	toml "github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

// Dir is the folder of the message files at the site root.
const Dir = "i18n"

// Catalog holds the messages of every language of the site.
type Catalog struct {
	localizers map[string]*Localizer
}

// Load reads Dir/<lang>.toml for each language in langs. A message that one
// language has and another lacks is an error naming the key and the
// language that lacks it.
func Load(fsys fs.FS, langs []string) (*Catalog, diag.List) {
	bundle := goi18n.NewBundle(language.Make(langs[0]))
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	var errs diag.List
	keys := map[string]map[string]diag.Pos{} // lang -> message id -> where it is defined
	for _, lang := range langs {
		name := path.Join(Dir, lang+".toml")
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs.Add(diag.Pos{File: name}, "cannot read the messages of language %q: %v", lang, err).Hint = "copy another language's file and translate it"
			continue
		}
		root, perrs := decode.ParseTOML(src, name, 1)
		if perrs != nil {
			errs = append(errs, perrs...)
			continue
		}
		if _, err := bundle.ParseMessageFileBytes(src, name); err != nil {
			errs.Add(diag.Pos{File: name}, "%v", err)
			continue
		}
		keys[lang] = map[string]diag.Pos{}
		for _, f := range root.Fields {
			keys[lang][f.Key] = diag.Pos{File: name, Line: f.Line, Col: f.Col}
		}
	}
	errs = append(errs, compareKeys(langs, keys)...)
	if errs != nil {
		return nil, errs
	}
	c := &Catalog{localizers: map[string]*Localizer{}}
	for _, lang := range langs {
		l := &Localizer{lang: lang, loc: goi18n.NewLocalizer(bundle, lang), plain: map[string]string{}}
		for id := range keys[lang] {
			if s, err := l.loc.Localize(&goi18n.LocalizeConfig{MessageID: id}); err == nil && !strings.Contains(s, "<no value>") {
				l.plain[id] = s
			}
		}
		if err := l.loadMonths(); err != nil {
			errs.Add(diag.Pos{File: path.Join(Dir, lang+".toml")}, "%v", err)
		}
		c.localizers[lang] = l
	}
	return c, errs
}

// compareKeys reports, for each language, the messages another language has
// and it lacks.
func compareKeys(langs []string, keys map[string]map[string]diag.Pos) diag.List {
	var errs diag.List
	for _, lang := range langs {
		have, ok := keys[lang]
		if !ok {
			continue
		}
		for _, other := range langs {
			for id, pos := range keys[other] {
				if _, found := have[id]; !found {
					errs.Add(diag.Pos{File: path.Join(Dir, lang+".toml")}, "message %q is missing in language %q (it is in %s)", id, lang, pos).Hint = "add it, translated"
				}
			}
		}
	}
	return errs
}

// For returns the Localizer of lang.
func (c *Catalog) For(lang string) *Localizer { return c.localizers[lang] }

// Localizer formats the messages of one language. Templates call its
// methods: {{ .L.T "skip_to_content" }}, {{ .L.N "pages_count" 12 }},
// {{ .L.Date .Page.Front.Published }}.
type Localizer struct {
	lang   string
	loc    *goi18n.Localizer
	plain  map[string]string // messages without arguments, formatted once
	months [12]string
}

// Lang is the language code.
func (l *Localizer) Lang() string { return l.lang }

// T formats the message id. kv are pairs of argument names and values,
// as in {{ .L.T "not_available" "Language" "englanniksi" }}.
func (l *Localizer) T(id string, kv ...any) (string, error) {
	if len(kv) == 0 {
		if s, ok := l.plain[id]; ok {
			return s, nil
		}
	}
	data, err := pairs(kv)
	if err != nil {
		return "", fmt.Errorf("message %q: %w", id, err)
	}
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data})
}

// N formats the plural message id for count, which the message reads as
// {{.Count}}: "1 hyvä käytäntö", "12 hyvää käytäntöä".
func (l *Localizer) N(id string, count int, kv ...any) (string, error) {
	data, err := pairs(kv)
	if err != nil {
		return "", fmt.Errorf("message %q: %w", id, err)
	}
	data["Count"] = count
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: data})
}

func (l *Localizer) localize(lc *goi18n.LocalizeConfig) (string, error) {
	s, err := l.loc.Localize(lc)
	if err != nil {
		return "", fmt.Errorf("language %q: %w", l.lang, err)
	}
	return s, nil
}

func pairs(kv []any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("arguments must come in name-value pairs")
	}
	data := make(map[string]any, len(kv)/2+1)
	for i := 0; i < len(kv); i += 2 {
		name, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("argument name %v is not text", kv[i])
		}
		data[name] = kv[i+1]
	}
	return data, nil
}

// monthKeys are the messages that name the months as a date writes them
// (Finnish "marraskuuta", English "November").
var monthKeys = [12]string{"month_1", "month_2", "month_3", "month_4", "month_5", "month_6",
	"month_7", "month_8", "month_9", "month_10", "month_11", "month_12"}

func (l *Localizer) loadMonths() error {
	var missing []string
	for i, id := range monthKeys {
		s, ok := l.plain[id]
		if !ok {
			missing = append(missing, id)
		}
		l.months[i] = s
	}
	if _, ok := l.loc.Localize(&goi18n.LocalizeConfig{MessageID: "date"}); ok != nil {
		missing = append(missing, "date")
	}
	if missing != nil {
		slices.Sort(missing)
		return fmt.Errorf("messages %s are needed to write dates", strings.Join(missing, ", "))
	}
	return nil
}

// Date writes t as the language writes dates, by the message "date" with
// {{.Day}}, {{.Month}} (a month_N message) and {{.Year}}: "23. marraskuuta
// 2026", "23 November 2026". A zero time gives "".
func (l *Localizer) Date(t time.Time) (string, error) {
	if t.IsZero() {
		return "", nil
	}
	return l.T("date", "Day", t.Day(), "Month", l.months[t.Month()-1], "Year", t.Year())
}
