package assets

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/minifier"
)

func TestLoadFingerprintsAndMinifies(t *testing.T) {
	fsys := fstest.MapFS{
		"static/css/site.css":      {Data: []byte("body {\n  color : #000000;\n}\n")},
		"static/js/filter.js":      {Data: []byte("function  f ( a ) { return a + 1 ; }\n")},
		"static/favicon.svg":       {Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\">  <rect  width=\"1\"/> </svg>")},
		"static/robots-note.txt":   {Data: []byte("as is  \n")},
		"static/css/.site.css.swp": {Data: []byte("junk")},
	}
	set, errs := Load(fsys, minifier.New())
	if errs != nil {
		t.Fatal(errs.Err())
	}
	css, ok := set.Path("css/site.css")
	if !ok || !strings.HasPrefix(css, "css/site.") || !strings.HasSuffix(css, ".css") || len(css) != len("css/site.0123456789.css") {
		t.Errorf("css path %q", css)
	}
	if p, _ := set.Path("favicon.svg"); p != "favicon.svg" {
		t.Errorf("svg is not fingerprinted, got %q", p)
	}
	got := map[string]string{}
	for _, f := range set.Files {
		got[f.Path] = string(f.Data)
	}
	if len(got) != 4 || got[css] != "body{color:#000}" || got["robots-note.txt"] != "as is  \n" {
		t.Errorf("files %q", got)
	}
	// Same content, same name; changed content, new name.
	again, _ := Load(fsys, minifier.New())
	if p, _ := again.Path("css/site.css"); p != css {
		t.Error("fingerprint is not stable")
	}
	fsys["static/css/site.css"] = &fstest.MapFile{Data: []byte("body{color:red}")}
	changed, _ := Load(fsys, minifier.New())
	if p, _ := changed.Path("css/site.css"); p == css {
		t.Error("fingerprint did not change with the content")
	}
	if empty, errs := Load(fstest.MapFS{}, minifier.New()); errs != nil || len(empty.Files) != 0 {
		t.Errorf("missing static/: %v", errs)
	}
}
