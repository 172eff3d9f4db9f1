package check

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/diag"
	"golang.org/x/tools/txtar"
)

// goldenSite is a golden test site of internal/build (testdata/sites) as
// sources: the shared templates and messages, then the site's own files,
// without its expected output.
func goldenSite(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, ar := range []string{"_common", name} {
		a, err := txtar.ParseFile(filepath.Join("../../testdata/sites", ar+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if f.Name != "errors" && !strings.HasPrefix(f.Name, "out/") {
				fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
		}
	}
	return fsys
}

// overlay returns a copy of base with files replaced, added, or, for an
// empty value, removed.
func overlay(base fstest.MapFS, files map[string]string) fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range files {
		if v == "" {
			delete(out, k)
		} else {
			out[k] = &fstest.MapFile{Data: []byte(v)}
		}
	}
	return out
}

func runCheck(t *testing.T, fsys fstest.MapFS) diag.List {
	t.Helper()
	res, errs := build.Run(fsys, build.Options{Reports: true})
	if errs != nil {
		t.Fatalf("the site does not build:\n%v", errs)
	}
	return Site(res)
}

// short is a finding as the tests compare it: "file:line:col code".
func short(f *diag.Error) string { return f.Pos.String() + " " + string(f.Code) }

// The bilingual site is checked as it is, then with one change at a time;
// each case lists the findings its change adds.
func TestSite(t *testing.T) {
	base := goldenSite(t, "bilingual")
	var baseline []string
	for _, f := range runCheck(t, base) {
		baseline = append(baseline, short(f))
	}
	wantBaseline := []string{
		"content/_index.en.md:2 missing-summary",
		"content/_index.fi.md:2 missing-summary",
		"content/practices/_index.en.md:2 missing-summary",
		"content/practices/_index.fi.md:2 missing-summary",
		"content/practices/elections.en.md:2 missing-summary",
		"content/practices/only-fi.fi.md:1 missing-translation",
		"content/practices/only-fi.fi.md:2 missing-summary",
		"content/practices/vaalit.fi.md:2 missing-summary",
	}
	if !slices.Equal(baseline, wantBaseline) {
		t.Fatalf("the unchanged site:\n%s\nwant:\n%s", strings.Join(baseline, "\n"), strings.Join(wantBaseline, "\n"))
	}

	const dialoguesFi = "---\ntitle: Poikkeusajan dialogit\nsummary: Keskustelut poikkeusaikana.\nslug: poikkeusajan-dialogit\npublished: 2026-11-23\n---\n## Miksi?\n\n"
	const dialoguesEn = "---\ntitle: Lockdown Dialogues\nsummary: Conversations during the lockdown.\nslug: lockdown-dialogues\npublished: 2026-11-23\n%s---\n## Why?\n\nSee also [elections](elections.md) and the [Finnish page](dialogues.fi.md#miksi).\n"
	fiBody := "## Miksi?\n\nKatso myös [vaalit](vaalit.md) ja [englanninkielinen sivu](elections.en.md).\n"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // findings beyond the baseline
		msg   string   // a piece of the first new finding's message
	}{{
		name:  "anchor that the target lacks",
		files: map[string]string{"content/_index.fi.md": "---\ntitle: Etusivu\n---\nLue [dialogeista](practices/dialogues.md#miks).\n"},
		want:  []string{"content/_index.fi.md:4:5 broken-anchor"},
		msg:   "did you mean #miksi?",
	}, {
		name:  "anchor in the other language",
		files: map[string]string{"content/practices/dialogues.en.md": strings.Replace(dialoguesEn, "%s", "", 1) + "\nAnd [why](dialogues.fi.md#why).\n"},
		want:  []string{"content/practices/dialogues.en.md:11:5 broken-anchor"},
		msg:   "/fi/hyvat-kaytannot/poikkeusajan-dialogit/#why",
	}, {
		name:  "anchor on the same page",
		files: map[string]string{"content/practices/dialogues.fi.md": dialoguesFi + "Katso [alku](#miksi) ja [loppu](#loppu).\n"},
		want:  []string{"content/practices/dialogues.fi.md:9:25 broken-anchor"},
		msg:   "#loppu",
	}, {
		name:  "site path that does not exist",
		files: map[string]string{"content/practices/dialogues.fi.md": dialoguesFi + "Yksi\n[huono](/fi/ei-ole/) ja [ilman kauttaviivaa](/fi/hyvat-kaytannot)\n[hyvä](/fi/) ja\n"},
		// The link that works is written as a URL, where the home page's
		// file would follow the site: a warning.
		want: []string{"content/practices/dialogues.fi.md:10:1 broken-link", "content/practices/dialogues.fi.md:10:25 broken-link", "content/practices/dialogues.fi.md:11:1 url-link"},
		msg:  "/fi/ei-ole/",
	}, {
		name:  "the same broken link twice",
		files: map[string]string{"content/practices/dialogues.fi.md": dialoguesFi + "[a](/x/)\n\n[b](/x/)\n"},
		want:  []string{"content/practices/dialogues.fi.md:9:1 broken-link", "content/practices/dialogues.fi.md:11:1 broken-link"},
	}, {
		name:  "external links are not followed",
		files: map[string]string{"content/practices/dialogues.fi.md": dialoguesFi + "[a](https://example.com/x/) <https://example.com/y> mailto:x@example.com\n"},
	}, {
		name:  "a link into the site by its full address",
		files: map[string]string{"content/practices/dialogues.fi.md": dialoguesFi + "Katso <https://example.org/fi/eipa/>.\n"},
		want:  []string{"content/practices/dialogues.fi.md:9:8 broken-link"},
	}, {
		name:  "heading that skips a level",
		files: map[string]string{"content/practices/dialogues.fi.md": dialoguesFi + "### Hyvä\n\n##### Huono\n"},
		want:  []string{"content/practices/dialogues.fi.md:11:7 heading-skip"},
		msg:   `heading h5 "Huono" skips a level after an h3 (make it ####: Huono)`,
	}, {
		name:  "heading skip in a template",
		files: map[string]string{"templates/404.html": "{{ template \"baseof.html\" . }}{{ define \"main\" }}<h1>x</h1><h3>y</h3>{{ end }}"},
		want:  []string{"templates/404.html:1 heading-skip", "templates/404.html:1 heading-skip"}, // fi and en
	}, {
		name:  "broken link in a template",
		files: map[string]string{"templates/practices/single.html": "{{ template \"baseof.html\" . }}{{ define \"main\" }}<h1>{{ .Page.Front.Title }}</h1><a href=\"{{ .HomeURL }}#nope\">x</a>{{ .Content }}{{ end }}"},
		want: []string{
			"content/practices/dialogues.en.md:1 broken-anchor", "content/practices/dialogues.fi.md:1 broken-anchor",
			"content/practices/elections.en.md:1 broken-anchor", "content/practices/only-fi.fi.md:1 broken-anchor",
			"content/practices/vaalit.fi.md:1 broken-anchor",
		},
		msg: "from the template",
	}, {
		name: "image without alt text",
		files: map[string]string{
			"static/kuva.png":                   "png",
			"content/practices/dialogues.fi.md": dialoguesFi + "![Kuvaus](/kuva.png)\n\nKuva: ![](/kuva.png)\n",
		},
		want: []string{"content/practices/dialogues.fi.md:11:7 image-alt"},
	}, {
		name:  "image that does not exist",
		files: map[string]string{"content/practices/dialogues.fi.md": dialoguesFi + "![Kuvaus](kuva.png)\n"},
		want:  []string{"content/practices/dialogues.fi.md:9:1 broken-link"},
		msg:   "static/",
	}, {
		name:  "translation up to date",
		files: map[string]string{"content/practices/dialogues.en.md": strings.Replace(dialoguesEn, "%s", "source_hash: "+SourceHash([]byte(fiBody))+"\n", 1)},
	}, {
		name:  "stale translation",
		files: map[string]string{"content/practices/dialogues.en.md": strings.Replace(dialoguesEn, "%s", "source_hash: 0123456789ab\n", 1)},
		want:  []string{"content/practices/dialogues.en.md:6:14 stale-translation"},
		msg:   "update this page to match it, then set source_hash: " + SourceHash([]byte(fiBody)),
	}, {
		name:  "source hash to fill in",
		files: map[string]string{"content/practices/dialogues.en.md": strings.Replace(dialoguesEn, "%s", "source_hash: todo\n", 1)},
		want:  []string{"content/practices/dialogues.en.md:6:14 stale-translation"},
		msg:   "has source_hash: " + SourceHash([]byte(fiBody)),
	}, {
		name:  "duplicate titles within a language",
		files: map[string]string{"content/practices/vaalit.fi.md": "---\ntitle: Poikkeusajan Dialogit\ntranslationKey: elections\nsummary: x\n---\n"},
		want:  []string{"content/practices/dialogues.fi.md:2:8 duplicate-title", "content/practices/vaalit.fi.md:2:8 duplicate-title"},
	}, {
		name:  "the same title in two languages is fine",
		files: map[string]string{"content/practices/elections.en.md": "---\ntitle: Vaalit\ntranslationKey: elections\n---\n"},
	}, {
		name:  "missing translation",
		files: map[string]string{"content/practices/uusi.fi.md": "---\ntitle: Uusi\nsummary: Uusi sivu.\n---\n"},
		want:  []string{"content/practices/uusi.fi.md:1 missing-translation"},
		msg:   "section practices: \"Uusi\" has no English (en) version (add content/practices/uusi.en.md)",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := runCheck(t, overlay(base, tt.files))
			var got []string
			var first *diag.Error
			rest := slices.Clone(baseline)
			for _, f := range found {
				if j := slices.Index(rest, short(f)); j >= 0 {
					rest = slices.Delete(rest, j, j+1)
					continue
				}
				if first == nil {
					first = f
				}
				got = append(got, short(f))
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("new findings:\n%s\nwant:\n%s\nall:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), textOfFindings(found))
			}
			if tt.msg != "" && !strings.Contains(first.Msg, tt.msg) {
				t.Errorf("message %q does not say %q", first.Msg, tt.msg)
			}
			for _, f := range found {
				if want, ok := severities[f.Code]; f.Severity != want || !ok {
					t.Errorf("%s: severity %s", f, f.Severity)
				}
			}
		})
	}
}

func textOfFindings(fs diag.List) string {
	var b strings.Builder
	_ = WriteText(&b, fs)
	return b.String()
}

// Under a sub-path, a link written from the host's root leaves the site.
func TestSiteUnderASubPath(t *testing.T) {
	base := goldenSite(t, "subpath")
	for _, f := range runCheck(t, base) {
		if f.Severity == Error {
			t.Errorf("unchanged site: %s", f)
		}
	}
	fsys := overlay(base, map[string]string{"content/about.en.md": "---\ntitle: About\nsummary: x\n---\nBack [home](_index.md), [root](/en/) and [in](/opengov/en/).\n"})
	var got []string
	for _, f := range runCheck(t, fsys) {
		if f.Severity == Error {
			got = append(got, short(f))
			if !strings.Contains(f.Msg, "published under /opengov/") {
				t.Errorf("message: %s", f.Msg)
			}
		}
	}
	if want := []string{"content/about.en.md:5:25 broken-link"}; !slices.Equal(got, want) {
		t.Errorf("errors %v, want %v", got, want)
	}
}

// A link that leaves off a page's closing slash names the address to
// write, under the site's sub-path.
func TestLinkWithoutItsSlash(t *testing.T) {
	fsys := overlay(goldenSite(t, "subpath"), map[string]string{"content/_index.en.md": "---\ntitle: Home\nsummary: x\n---\nRead [about](/opengov/en/about).\n"})
	msgs := brokenLinks(t, fsys)
	if len(msgs) != 1 || !strings.Contains(msgs[0], "(end the address with /: /opengov/en/about/)") {
		t.Errorf("broken links: %q", msgs)
	}
}

// A link that is no URL at all names its attribute.
func TestLinkThatIsNoURL(t *testing.T) {
	fsys := overlay(goldenSite(t, "subpath"), map[string]string{"static/old.html": "<!doctype html><title>Old</title><img src=\"http://[::1/x.png\" alt=\"\">\n"})
	msgs := brokenLinks(t, fsys)
	if len(msgs) != 1 || !strings.HasPrefix(msgs[0], `src "http://[::1/x.png" is not a valid URL`) {
		t.Errorf("broken links: %q", msgs)
	}
}

// brokenLinks is the messages of the broken-link findings of fsys.
func brokenLinks(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	var msgs []string
	for _, f := range runCheck(t, fsys) {
		if f.Code == CodeBrokenLink {
			msgs = append(msgs, f.Msg)
		}
	}
	return msgs
}
