package cms_test

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/build"
	"github.com/opengov-fi/opengov/internal/cms"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/schema"
)

// The site in this repository.
const repoRoot = "../.."

type realSite struct {
	fsys   fs.FS
	in     cms.Input
	langs  []string
	decaps map[string]*cms.Decap // by editor language
}

var (
	loaded     *realSite
	loadedOnce sync.Once
)

// loadSite builds the real site once for all the tests, which only read it.
func loadSite(t *testing.T) *realSite {
	t.Helper()
	loadedOnce.Do(func() { loaded = load(t) })
	if loaded == nil {
		t.Fatal("the real site did not load")
	}
	return loaded
}

func load(t *testing.T) *realSite {
	fsys := os.DirFS(repoRoot)
	res, errs := build.Run(fsys, build.Options{})
	if errs != nil {
		t.Fatalf("the site does not build:\n%v", errs)
	}
	rs := &realSite{fsys: fsys, decaps: map[string]*cms.Decap{}}
	for _, l := range res.Site.Config.Languages {
		rs.langs = append(rs.langs, l.Code)
	}
	vocab, errs := schema.LoadVocabularies(fsys, rs.langs, schema.Builtin().Vocabularies())
	if errs != nil {
		t.Fatal(errs)
	}
	catalog, errs := i18n.Load(fsys, rs.langs)
	if errs != nil {
		t.Fatal(errs)
	}
	rs.in = cms.Input{Site: res.Site, Vocab: vocab, Catalog: catalog, Types: schema.Builtin()}
	for _, l := range rs.langs {
		d, err := cms.Generate(rs.in, l)
		if err != nil {
			t.Fatalf("configuration in %s: %v", l, err)
		}
		rs.decaps[l] = d
	}
	return rs
}

// typeStructs are the content types and the structs of their front
// matter, read here independently of the generator.
var typeStructs = map[string][]reflect.Type{
	schema.PracticeType:        {reflect.TypeFor[content.Front](), reflect.TypeFor[schema.Practice]()},
	schema.CommitmentType:      {reflect.TypeFor[content.Front](), reflect.TypeFor[schema.Commitment]()},
	schema.AccessibilityLayout: {reflect.TypeFor[content.Front](), reflect.TypeFor[schema.Accessibility]()},
}

// fieldsByType returns, for each content type, the fields of one
// collection or file of that type.
func (rs *realSite) fieldsByType(d *cms.Decap) map[string][]cms.Field {
	out := map[string][]cms.Field{}
	for _, c := range d.Collections {
		for _, f := range c.Files {
			if strings.HasPrefix(f.Name, "accessibility") {
				out[schema.AccessibilityLayout] = f.Fields
			}
		}
		if c.Folder == "" {
			continue
		}
		dir := strings.TrimPrefix(c.Folder, content.Dir+"/")
		out[rs.in.Site.Config.SectionType(dir)] = c.Fields
	}
	return out
}

func field(fields []cms.Field, name string) cms.Field {
	for _, f := range fields {
		if f["name"] == name {
			return f
		}
	}
	return nil
}

// TestEveryFieldHasAWidget walks each content type's structs and finds a
// widget for each fm-tagged field, nested ones included, required exactly
// where the tag says so (or the decoder requires it).
func TestEveryFieldHasAWidget(t *testing.T) {
	rs := loadSite(t)
	alsoRequired := map[string][]string{schema.PracticeType: {"summary", "published"}, schema.CommitmentType: {"summary"}}
	for lang, d := range rs.decaps {
		byType := rs.fieldsByType(d)
		for typ, structs := range typeStructs {
			fields, ok := byType[typ]
			if !ok {
				t.Errorf("%s: no collection edits %s pages", lang, typ)
				continue
			}
			// An optional object's fields are optional in the CMS (Decap would
			// require them in an empty object), a list's items' are not.
			var walk func(t reflect.Type, fields []cms.Field, at string, top, inOptional bool)
			walk = func(rt reflect.Type, fields []cms.Field, at string, top, inOptional bool) {
				for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice {
					rt = rt.Elem()
				}
				for i := range rt.NumField() {
					tag, ok := rt.Field(i).Tag.Lookup("fm")
					if !ok {
						continue
					}
					name, opts, _ := strings.Cut(tag, ",")
					f := field(fields, name)
					if f == nil || f["widget"] == nil || f["widget"] == "" {
						t.Errorf("%s %s: field %s%s has no widget", lang, typ, at, name)
						continue
					}
					want := strings.Contains(opts, "required") && !inOptional || (top && slices.Contains(alsoRequired[typ], name))
					if f["required"] != want {
						t.Errorf("%s %s: field %s%s: required %v, the build's %v", lang, typ, at, name, f["required"], want)
					}
					if top && f["i18n"] == nil && typ != schema.AccessibilityLayout {
						t.Errorf("%s %s: field %s says neither translated nor shared", lang, typ, name)
					}
					if sub := rt.Field(i).Type; reflect.Indirect(reflect.New(sub)).Kind() != reflect.Invalid {
						e := sub
						for e.Kind() == reflect.Pointer || e.Kind() == reflect.Slice {
							e = e.Elem()
						}
						if e.Kind() == reflect.Struct && e.String() != "time.Time" {
							children, _ := f["fields"].([]cms.Field)
							walk(e, children, at+name+".", false, f["required"] != true && sub.Kind() != reflect.Slice)
						}
					}
				}
			}
			for _, s := range structs {
				walk(s, fields, "", true, false)
			}
			if f := field(fields, "body"); f == nil || f["widget"] != "markdown" {
				t.Errorf("%s %s: the body is not a markdown widget", lang, typ)
			}
		}
	}
}

// TestSelectsOfferExactlyTheVocabularies compares every select with the
// vocabulary it draws from, labels in the editor's language, and the
// related commitments with the site's commitment pages.
func TestSelectsOfferExactlyTheVocabularies(t *testing.T) {
	rs := loadSite(t)
	vocabOf := map[string]string{"country": schema.Countries, "level": schema.Levels, "themes": schema.Themes,
		"innovation_principles": schema.Principles, "stage": schema.Stages, "status": schema.Statuses}
	var commitments []string
	for _, p := range rs.in.Site.Pages {
		if schema.CommitmentOf(p) != nil && !slices.Contains(commitments, p.SourceKey()) {
			commitments = append(commitments, p.SourceKey())
		}
	}
	slices.Sort(commitments)
	for lang, d := range rs.decaps {
		for typ, fields := range rs.fieldsByType(d) {
			for _, f := range fields {
				name := f["name"].(string)
				opts, _ := f["options"].([]cms.Field)
				if v, ok := vocabOf[name]; ok {
					if f["widget"] != "select" {
						t.Errorf("%s %s: %s is a %v widget, not a select", lang, typ, name, f["widget"])
						continue
					}
					var want, got []string
					for _, term := range rs.in.Vocab.ByName(v) {
						want = append(want, term.ID+"="+term.In(lang))
					}
					for _, o := range opts {
						got = append(got, fmt.Sprint(o["value"], "=", o["label"]))
					}
					if !slices.Equal(got, want) {
						t.Errorf("%s %s: %s offers %v, the vocabulary has %v", lang, typ, name, got, want)
					}
				}
				if name == "related_commitments" {
					var got []string
					for _, o := range opts {
						got = append(got, o["value"].(string))
					}
					slices.Sort(got)
					if f["widget"] != "select" || f["multiple"] != true || !slices.Equal(got, commitments) {
						t.Errorf("%s: related_commitments offers %v, the site's commitments are %v", lang, got, commitments)
					}
				}
			}
		}
	}
}

// TestConfigurationLanguages checks the i18n settings and the admin pages.
func TestConfigurationLanguages(t *testing.T) {
	rs := loadSite(t)
	cfg := rs.in.Site.Config
	for lang, d := range rs.decaps {
		if d.I18n.Structure != "multiple_files" || !slices.Equal(d.I18n.Locales, rs.langs) || d.I18n.DefaultLocale != cfg.DefaultLanguage {
			t.Errorf("%s: i18n %+v, want multiple_files of %v, default %s", lang, d.I18n, rs.langs, cfg.DefaultLanguage)
		}
		if d.LocalBackend != nil {
			t.Errorf("%s: a site published at %s has a local backend", lang, cfg.BaseURL)
		}
		for _, c := range d.Collections {
			for _, f := range c.Fields {
				if f["name"] == "slug" && f["i18n"] != "translate" {
					t.Errorf("%s %s: the slug is not per language", lang, c.Name)
				}
				if f["widget"] == "datetime" && (f["format"] != "YYYY-MM-DD" || f["time_format"] != false) {
					t.Errorf("%s %s: %s is not a date in YYYY-MM-DD", lang, c.Name, f["name"])
				}
			}
		}
	}
}

// sample gives a value the build accepts for a field of the configuration.
func sample(t *testing.T, f cms.Field, lang string, translated bool) any {
	name := f["name"].(string)
	suffix := ""
	if translated {
		suffix = " " + lang
	}
	if opts, ok := f["options"].([]cms.Field); ok && len(opts) > 0 {
		if f["multiple"] == true {
			return []any{opts[0]["value"]}
		}
		return opts[0]["value"]
	}
	if opts, ok := f["options"].([]string); ok {
		return opts[0]
	}
	if d, ok := f["default"]; ok {
		return d
	}
	patterned := map[string]string{"slug": "sample-" + lang, "id": "sample-entry", "action_plan": "2023-2027", "number": "9",
		"source_hash": "todo", "criterion": "1.1.1", "url": "https://example.org/"}
	if _, ok := f["pattern"]; ok && name != "summary" {
		v, ok := patterned[name]
		if !ok {
			t.Fatalf("field %s has a pattern: give the test a sample value of it", name)
		}
		return v
	}
	switch f["widget"] {
	case "hidden":
		return nil // the CMS writes no value
	case "string", "text", "markdown":
		return "Sample " + name + suffix
	case "number":
		return 2020
	case "boolean":
		return false
	case "datetime":
		return "2026-01-02"
	case "list":
		if sub, ok := f["fields"].([]cms.Field); ok {
			return []any{object(t, sub, lang, translated, false)}
		}
		return []any{"Sample " + name + suffix}
	case "object":
		// All its fields: the CMS leaves an optional object's fields
		// optional (see widget), the build checks them when it is there.
		return object(t, f["fields"].([]cms.Field), lang, translated, false)
	}
	t.Fatalf("no sample value for widget %v of %s", f["widget"], name)
	return nil
}

// object gives the fields of an object, the required ones only or all.
func object(t *testing.T, fields []cms.Field, lang string, translated, requiredOnly bool) map[string]any {
	out := map[string]any{}
	for _, f := range fields {
		if f["name"] == "body" || (requiredOnly && f["required"] != true) {
			continue
		}
		tr := translated || f["i18n"] == "translate" || f["i18n"] == true
		if v := sample(t, f, lang, tr); v != nil {
			out[f["name"].(string)] = v
		}
	}
	return out
}

// yamlValue writes a value as flow YAML (JSON-like, quoted strings).
func yamlValue(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = yamlValue(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + yamlValue(v[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

func markdown(front map[string]any, body string) []byte {
	keys := make([]string, 0, len(front))
	for k := range front {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("---\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s\n", k, yamlValue(front[k]))
	}
	b.WriteString("---\n\n" + body + "\n")
	return []byte(b.String())
}

// withFiles is the real site with more files.
func withFiles(base fs.FS, files map[string][]byte) fs.FS {
	m := fstest.MapFS{}
	_ = fs.WalkDir(base, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			if d != nil && d.IsDir() && (p == "internal" || p == ".git" || p == "testdata" || p == "bench" || p == "cmd" || strings.HasSuffix(p, "node_modules")) {
				return fs.SkipDir
			}
			return nil
		}
		data, err := fs.ReadFile(base, p)
		if err == nil {
			m[p] = &fstest.MapFile{Data: data}
		}
		return nil
	})
	for p, data := range files {
		m[p] = &fstest.MapFile{Data: data}
	}
	return m
}

// entry writes a typed entry as the CMS would save it, in every language:
// the required fields (and all when all), the shared ones the same in
// every language, the translated ones in each language's words.
func entry(t *testing.T, fields []cms.Field, folder, name string, langs []string, all bool, edit func(lang string, front map[string]any)) map[string][]byte {
	files := map[string][]byte{}
	for _, lang := range langs {
		front := object(t, fields, lang, false, !all)
		if _, ok := front["id"]; ok {
			front["id"] = strings.ToLower(strings.ReplaceAll(name, "_", "-"))
		}
		if _, ok := front["translationKey"]; ok {
			front["translationKey"] = "key-" + strings.ReplaceAll(folder, "/", "-") + "-" + name
		}
		if _, ok := front["slug"]; ok {
			front["slug"] = strings.ToLower(strings.ReplaceAll(name, "_", "-")) + "-" + lang
		}
		if edit != nil {
			edit(lang, front)
		}
		files[folder+"/"+name+"."+lang+".md"] = markdown(front, "Sample body "+lang+".")
	}
	return files
}

// TestTheBuildAcceptsWhatTheCMSSaves builds the site with entries made
// from the configuration alone: one with only its required fields, one
// with every field, one per value of every select; then checks that the
// build rejects an entry without each required field, with a value that
// no select offers, or with an id that differs between languages, where
// the configuration shares the id between the languages.
func TestTheBuildAcceptsWhatTheCMSSaves(t *testing.T) {
	rs := loadSite(t)
	d := rs.decaps[rs.in.Site.Config.DefaultLanguage]
	// The entries of all collections go into two builds: one that must
	// accept them all, one where each bad entry must get an error.
	good, bads := map[string][]byte{}, map[string][]byte{}
	reasons := map[string]string{} // file prefix -> what is wrong
	for _, c := range d.Collections {
		if c.Folder == "" {
			continue
		}
		{
			add := func(files map[string][]byte) {
				for k, v := range files {
					good[k] = v
				}
			}
			add(entry(t, c.Fields, c.Folder, "minimal", rs.langs, false, nil))
			add(entry(t, c.Fields, c.Folder, "complete", rs.langs, true, nil))
			for _, f := range c.Fields {
				opts, _ := f["options"].([]cms.Field)
				for i, o := range opts {
					name := fmt.Sprintf("option-%s-%d", strings.ReplaceAll(f["name"].(string), "_", "-"), i) // a slug
					add(entry(t, c.Fields, c.Folder, name, rs.langs, false, func(lang string, front map[string]any) {
						if f["multiple"] == true {
							front[f["name"].(string)] = []any{o["value"]}
						} else {
							front[f["name"].(string)] = o["value"]
						}
					}))
				}
			}
			bad := func(what string, edit func(lang string, front map[string]any)) {
				name := fmt.Sprintf("bad-%d", len(reasons))
				reasons[c.Folder+"/"+name+"."] = c.Name + ": an entry " + what
				for p, data := range entry(t, c.Fields, c.Folder, name, rs.langs, false, edit) {
					bads[p] = data
				}
			}
			for _, f := range c.Fields {
				name := f["name"].(string)
				if f["required"] == true && f["widget"] != "hidden" {
					bad("without "+name+" (required in the CMS)", func(_ string, front map[string]any) { delete(front, name) })
				}
				if _, ok := f["options"]; ok {
					bad("with a "+name+" no select offers", func(_ string, front map[string]any) {
						if f["multiple"] == true {
							front[name] = []any{"not-in-the-select"}
						} else {
							front[name] = "not-in-the-select"
						}
					})
				}
			}
			if f := field(c.Fields, "id"); f != nil {
				if f["i18n"] != "duplicate" {
					t.Errorf("id is %v, but the build requires it to be the same in every language", f["i18n"])
				}
				bad("whose id differs between languages", func(lang string, front map[string]any) { front["id"] = "bad-" + lang })
			}
		}
	}
	if _, errs := build.Run(withFiles(rs.fsys, good), build.Options{}); errs != nil {
		t.Fatalf("the build rejects entries the CMS can save:\n%v", errs)
	}
	_, errs := build.Run(withFiles(rs.fsys, bads), build.Options{})
	for prefix, what := range reasons {
		if !slices.ContainsFunc(errs, func(e *diag.Error) bool { return strings.HasPrefix(e.Pos.File, prefix) }) {
			t.Errorf("the build accepts %s, which the CMS does not let an editor save", what)
		}
	}
}

// TestCommitmentOptionsAreLabelledInTheEditorsLanguage checks one option.
func TestCommitmentOptionsAreLabelledInTheEditorsLanguage(t *testing.T) {
	rs := loadSite(t)
	for lang, d := range rs.decaps {
		fields := rs.fieldsByType(d)[schema.PracticeType]
		opts := field(fields, "related_commitments")["options"].([]cms.Field)
		key := "commitments/2023-2027/measure-1-1"
		want := rs.in.Site.BySource(key, lang).Front.Title
		i := slices.IndexFunc(opts, func(o cms.Field) bool { return o["value"] == key })
		if i < 0 || !strings.HasSuffix(opts[i]["label"].(string), want) {
			t.Errorf("%s: option of %s is %v, want its title %q", lang, key, opts, want)
		}
	}
}
