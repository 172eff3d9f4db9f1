package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestEncodings(t *testing.T) {
	fsys := fstest.MapFS{
		"content/bom.fi.md":      {Data: []byte("\xef\xbb\xbf---\ntitle: Käyttäjä\n---\nHei\n")},
		"content/latin1.fi.md":   {Data: []byte("---\ntitle: K\n---\n\nK\xe4ytt\xe4j\xe4\n")},
		"content/latin1fm.fi.md": {Data: []byte("---\ntitle: K\xe4ytt\xe4j\xe4\n---\n")},
		"content/utf16.fi.md":    {Data: []byte("\xff\xfe-\x00-\x00-\x00")},
		"content/mac.fi.md":      {Data: []byte("---\rtitle: Mac\rsummary: [\r---\rBody\r")},
		"content/mac2.fi.md":     {Data: []byte("---\rtitle: Mac\r---\r\rFirst\rSecond line\r")},
		"content/crlf.fi.md":     {Data: []byte("---\r\ntitle: Win\r\n---\r\n\r\nFirst\r\nSecond line\r\n")},
	}
	files, errs := Load(fsys, []string{"fi"})
	got := errs.Error()
	for _, want := range []string{
		"content/latin1.fi.md:5:2: the file is not UTF-8: byte 0xe4 here is not UTF-8 text (the file is in another encoding (Latin-1 or Windows-1252, say): open it in your editor and save it again with the encoding UTF-8)",
		"content/latin1fm.fi.md:2:9: the file is not UTF-8",
		"content/utf16.fi.md:1:1: the file is not UTF-8 but UTF-16",
		"content/mac.fi.md:3:",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if len(errs) != 4 {
		t.Errorf("%d errors, want 4:\n%s", len(errs), got)
	}
	byName := map[string]*File{}
	for _, f := range files {
		byName[f.Name] = f
	}
	if f := byName["bom"]; f == nil || f.Front.Title != "Käyttäjä" {
		t.Errorf("a file with a byte-order mark: %+v", f)
	}
	for _, name := range []string{"mac2", "crlf"} {
		f := byName[name]
		if f == nil {
			t.Fatalf("%s not loaded", name)
		}
		if p := f.BodyPos(strings.Index(string(f.Body), "line")); p.Line != 6 || p.Col != 8 {
			t.Errorf("%s: BodyPos = %v, want line 6 col 8", name, p)
		}
		if n := f.Meta.Get("title"); n.Line != 2 {
			t.Errorf("%s: title on line %d, want 2", name, n.Line)
		}
	}
}
