package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.fi.md":            {Data: []byte("---\ntitle: Etusivu\n---\nHei\n")},
		"content/practices/_index.en.md":  {Data: []byte("+++\ntitle = \"Practices\"\nslug = \"good-practices\"\n+++\n")},
		"content/practices/x.en.md":       {Data: []byte("\n---\ntitle: X\nlevel: national\n---\n\nBody line\n")},
		"content/practices/.x.en.md.swp":  {Data: []byte("junk")},
		"content/practices/x.en.md~":      {Data: []byte("junk")},
		"content/_vocabularies.toml":      {Data: []byte("")},
		"content/.git/config":             {Data: []byte("")},
		"content/practices/4913":          {Data: []byte("")},
		"content/practices/draft.fi.md":   {Data: []byte("---\ntitle: Luonnos\ndraft: true\n---\n")},
		"content/practices/noclose.fi.md": {Data: []byte("---\ntitle: Auki\n")},
	}
	files, errs := Load(fsys, []string{"fi", "en"})
	if got := errs.Err().Error(); !strings.HasPrefix(got, "content/practices/noclose.fi.md:1: no front matter, or it is not closed") || len(errs) != 1 {
		t.Fatalf("errors: %v", got)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.SourceKey()+"."+f.Lang)
	}
	if strings.Join(got, " ") != "_index.fi practices/_index.en practices/draft.fi practices/x.en" {
		t.Fatalf("files %v", got)
	}
	x := files[3]
	if x.Front.Title != "X" || x.BodyLine != 6 || len(x.Rest) != 1 || x.Rest[0].Key != "level" || x.Rest[0].Line != 4 {
		t.Errorf("x: %+v rest %+v", x, x.Rest)
	}
	if p := x.BodyPos(strings.Index(string(x.Body), "line")); p.String() != "content/practices/x.en.md:7:6" {
		t.Errorf("BodyPos = %v", p)
	}
	if files[1].Front.Slug != "good-practices" || files[1].Dir != "practices" || !files[1].IsIndex() {
		t.Errorf("section index %+v", files[1])
	}
	if !files[2].Front.Draft {
		t.Error("draft not decoded")
	}
}

func TestLoadNamingErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":     {Data: []byte("---\ntitle: A\n---\n")},
		"content/b.de.md":  {Data: []byte("---\ntitle: B\n---\n")},
		"content/logo.png": {Data: []byte("")},
		"content/c.fi.md":  {Data: []byte("---\ntitle: C\nslug: Hyvät Käytännöt\n---\n")},
		"content/d.fi.md":  {Data: []byte("---\ntitle: [\n---\n")},
	}
	_, errs := Load(fsys, []string{"fi", "en"})
	want := []string{
		`content/a.md: the file name does not say its language (name it a.fi.md)`,
		`content/b.de.md: language "de" is not in site.toml (use one of fi, en, or add the language to site.toml)`,
		`content/c.fi.md:3:7: slug "Hyvät Käytännöt" may only have lowercase a-z, digits and single hyphens (try "hyvat-kaytannot")`,
		`content/d.fi.md:2: YAML syntax`,
		`content/logo.png: not a Markdown page`,
	}
	got := strings.Split(errs.Err().Error(), "\n")
	if len(got) != len(want) {
		t.Fatalf("got %d errors:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Hyvät käytännöt":          "hyvat-kaytannot",
		"Öppen förvaltning  2024!": "oppen-forvaltning-2024",
		"#Hyvinsanottu":            "hyvinsanottu",
		"FI0034: Dialogit":         "fi0034-dialogit",
		"¿?":                       "",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLoaderReadsOnlyChangedFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.fi.md": {Data: []byte("---\ntitle: A\n---\n")},
		"content/b.fi.md": {Data: []byte("---\ntitle: B\n---\n")},
	}
	l := NewLoader()
	first, errs := l.Load(fsys, []string{"fi"}, nil)
	if errs != nil || len(first) != 2 {
		t.Fatal(errs, first)
	}
	fsys["content/a.fi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A2\n---\n")}
	fsys["content/b.fi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: X\n---\n")} // same size and time
	fsys["content/c.fi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: C\n---\n")}
	second, _ := l.Load(fsys, []string{"fi"}, func(p string) bool { return p == "content/a.fi.md" })
	var titles []string
	for _, f := range second {
		titles = append(titles, f.Front.Title)
	}
	// a was changed, b was not reported and has the same size and time (so
	// it comes from the cache), c is new.
	if strings.Join(titles, " ") != "A2 B C" || second[1] != first[1] {
		t.Errorf("titles %v", titles)
	}
	// A change of size or time is seen even when not reported.
	fsys["content/b.fi.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B3\n---\n")}
	if got, _ := l.Load(fsys, []string{"fi"}, func(string) bool { return false }); got[1].Front.Title != "B3" {
		t.Errorf("unreported change of size was missed: %q", got[1].Front.Title)
	}
	delete(fsys, "content/c.fi.md")
	third, _ := l.Load(fsys, []string{"fi"}, func(string) bool { return false })
	if len(third) != 2 {
		t.Errorf("deleted file still loaded: %d files", len(third))
	}
	if third[0].MetaHash == first[0].MetaHash || third[0].BodyHash != first[0].BodyHash {
		t.Error("hashes do not follow the front matter and body")
	}
}

func TestFileNamesThatCannotBeURLs(t *testing.T) {
	fsys := fstest.MapFS{
		"content/About Us.en.md":          {Data: []byte("---\ntitle: About\n---\n")},
		"content/Contact.en.md":           {Data: []byte("---\ntitle: Contact\nslug: contact\n---\n")},
		"content/404.html.en.md":          {Data: []byte("---\ntitle: Not found\n---\n")},
		"content/???.en.md":               {Data: []byte("---\ntitle: What\n---\n")},
		"content/Good Stuff/_index.en.md": {Data: []byte("---\ntitle: Section\n---\n")},
	}
	_, errs := Load(fsys, []string{"en"})
	got := errs.Error()
	for _, want := range []string{
		`content/About Us.en.md:2: the file name "About Us" cannot be part of a URL: a page without slug: is published under its file name, which may only have lowercase a-z, digits and single hyphens (add slug: about-us to the front matter, or rename the file about-us.en.md)`,
		`content/404.html.en.md:2: the file name "404.html" cannot be part of a URL`,
		`(add slug: 404-html to the front matter, or rename the file 404-html.en.md)`,
		`content/???.en.md:2: the file name "???" cannot be part of a URL: a page without slug: is published under its file name, which may only have lowercase a-z, digits and single hyphens (add a slug: of lowercase a-z, digits and hyphens to the front matter)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if len(errs) != 3 {
		t.Errorf("%d errors, want 3 (a slug or an _index name is fine):\n%s", len(errs), got)
	}
}

// panicFS panics when a file is read, as a bug in a reader would.
type panicFS struct{ fstest.MapFS }

func (p panicFS) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".md") {
		panic("boom")
	}
	return p.MapFS.Open(name)
}

func (p panicFS) ReadFile(name string) ([]byte, error) {
	if strings.HasSuffix(name, ".md") {
		panic("boom")
	}
	return p.MapFS.ReadFile(name)
}

func TestAPanicIsAnErrorAtTheFile(t *testing.T) {
	_, errs := Load(panicFS{fstest.MapFS{"content/x.en.md": {Data: []byte("---\ntitle: X\n---\n")}}}, []string{"en"})
	if want := "content/x.en.md: internal error while reading this file: boom"; !strings.Contains(errs.Error(), want) {
		t.Errorf("errors %v, want %q", errs, want)
	}
}
