package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

const months = `month_1 = "m1"
month_2 = "m2"
month_3 = "m3"
month_4 = "m4"
month_5 = "m5"
month_6 = "m6"
month_7 = "m7"
month_8 = "m8"
month_9 = "m9"
month_10 = "m10"
month_12 = "m12"
`

var files = fstest.MapFS{
	"i18n/fi.toml": {Data: []byte(`skip = "Siirry sisältöön"
date = "{{.Day}}. {{.Month}} {{.Year}}"
not_available = "Tätä sivua ei ole {{.Language}}."
month_11 = "marraskuuta"
` + months + `[practices_count]
one = "{{.Count}} hyvä käytäntö"
other = "{{.Count}} hyvää käytäntöä"
`)},
	"i18n/en.toml": {Data: []byte(`skip = "Skip to content"
date = "{{.Day}} {{.Month}} {{.Year}}"
not_available = "This page is not available {{.Language}}."
month_11 = "November"
` + months + `[practices_count]
one = "{{.Count}} good practice"
other = "{{.Count}} good practices"
`)},
}

func TestLocalize(t *testing.T) {
	c, errs := Load(files, []string{"fi", "en"})
	if errs != nil {
		t.Fatal(errs.Err())
	}
	fi, en := c.For("fi"), c.For("en")
	day := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		got  func() (string, error)
		want string
	}{
		{func() (string, error) { return fi.T("skip") }, "Siirry sisältöön"},
		{func() (string, error) { return fi.N("practices_count", 1) }, "1 hyvä käytäntö"},
		{func() (string, error) { return fi.N("practices_count", 12) }, "12 hyvää käytäntöä"},
		{func() (string, error) { return en.N("practices_count", 1) }, "1 good practice"},
		{func() (string, error) { return en.N("practices_count", 0) }, "0 good practices"},
		{func() (string, error) { return fi.Date(day) }, "23. marraskuuta 2026"},
		{func() (string, error) { return en.Date(day) }, "23 November 2026"},
		{func() (string, error) { return en.Date(time.Time{}) }, ""},
		{func() (string, error) { return fi.T("not_available", "Language", "englanniksi") }, "Tätä sivua ei ole englanniksi."},
	} {
		got, err := tc.got()
		if err != nil || got != tc.want {
			t.Errorf("got %q (%v), want %q", got, err, tc.want)
		}
	}
	if _, err := en.T("nope"); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("unknown message: %v", err)
	}
	if _, err := en.T("skip", "odd"); err == nil {
		t.Error("odd argument list must fail")
	}
}

func TestMissingMessageNamesKeyAndLanguage(t *testing.T) {
	broken := fstest.MapFS{
		"i18n/fi.toml": files["i18n/fi.toml"],
		"i18n/en.toml": {Data: []byte(strings.Replace(string(files["i18n/en.toml"].Data), `skip = "Skip to content"`, "", 1))},
	}
	_, errs := Load(broken, []string{"fi", "en", "sv"})
	got := errs.Err().Error()
	for _, want := range []string{
		`i18n/en.toml: message "skip" is missing in language "en" (it is in i18n/fi.toml:1:1) (add it, translated)`,
		`i18n/sv.toml: cannot read the messages of language "sv"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors\n%s\nlack\n%s", got, want)
		}
	}
}
