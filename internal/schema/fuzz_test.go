package schema

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/decode"
	"github.com/opengov-fi/opengov/internal/diag"
)

const repoRoot = "../.."

// frontMatterSeeds adds the front matter of every page of content/ (YAML
// or TOML, as written) and the site's TOML files.
func frontMatterSeeds(f *testing.F) {
	err := filepath.WalkDir(filepath.Join(repoRoot, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".toml") {
			f.Add(data, true)
			return nil
		}
		for _, delim := range []string{"---", "+++"} {
			if rest, ok := bytes.CutPrefix(data, []byte(delim+"\n")); ok {
				front, _, _ := bytes.Cut(rest, []byte("\n"+delim+"\n"))
				f.Add(front, delim == "+++")
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	site, err := os.ReadFile(filepath.Join(repoRoot, "site.toml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(site, true)
	f.Add([]byte("x: &a [*a]\n"), false)
	f.Add([]byte("title:\nthemes: []\ncontact: ~\n"), false)
	f.Add([]byte("a: \"\r\r\r"), false)
	f.Add([]byte("a: \"\u2028\u0085\u2029"), false)
}

// editorLines counts the lines of src as an editor shows them: LF, CRLF
// and a bare CR each end one.
func editorLines(src []byte) int {
	return bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) - bytes.Count(src, []byte("\r\n")) + 1
}

// checkPositions fails for an error without a file, or with a line
// outside the lines of a document of n lines starting at line first.
func checkPositions(t *testing.T, errs diag.List, first, n int) {
	t.Helper()
	for _, e := range errs {
		if e.Pos.File == "" || e.Msg == "" {
			t.Errorf("error without file or message: %#v", e)
		}
		if e.Pos.Line != 0 && (e.Pos.Line < 1 || e.Pos.Line > first+n+1) {
			t.Errorf("error at line %d of a document of lines %d to %d: %v", e.Pos.Line, first, first+n, e)
		}
	}
}

// FuzzFrontMatter decodes YAML or TOML text into every typed struct
// (common page fields, practice, commitment, accessibility statement,
// vocabularies, site.toml), and through the content loader and each
// section schema: nothing may panic, and every error is positioned in
// the document.
func FuzzFrontMatter(f *testing.F) {
	frontMatterSeeds(f)
	vocabSrc, err := os.ReadFile(filepath.Join(repoRoot, "content/_vocabularies.toml"))
	if err != nil {
		f.Fatal(err)
	}
	vocab, errs := LoadVocabularies(fstest.MapFS{VocabularyFile: {Data: vocabSrc}}, []string{"fi", "en"}, Builtin().Vocabularies())
	if errs != nil {
		f.Fatal(errs)
	}
	schemas := Builtin().Schemas(vocab)
	f.Fuzz(func(t *testing.T, src []byte, toml bool) {
		lines := editorLines(src)
		var root *decode.Node
		if toml {
			root, errs = decode.ParseTOML(src, "x.md", 2)
		} else {
			root, errs = decode.ParseYAML(src, "x.md", 2)
		}
		checkPositions(t, errs, 2, lines)
		if errs == nil {
			for _, v := range decoded {
				ptr := reflect.New(reflect.TypeOf(v).Elem()).Interface()
				checkPositions(t, decode.Into(root, ptr, "x.md", decode.Options{}), 2, lines)
			}
		}
		if toml {
			_, errs := config.Load(fstest.MapFS{config.File: {Data: src}}, Builtin().Sections())
			checkPositions(t, errs, 1, lines)
			_, errs = LoadVocabularies(fstest.MapFS{VocabularyFile: {Data: src}}, []string{"fi", "en"}, Builtin().Vocabularies())
			checkPositions(t, errs, 1, lines)
		}
		delim := "---"
		if toml {
			delim = "+++"
		}
		page := delim + "\n" + string(src) + "\n" + delim + "\nBody.\n"
		files, errs := content.Load(fstest.MapFS{"content/x.en.md": {Data: []byte(page)}}, []string{"fi", "en"})
		checkPositions(t, errs, 1, lines+3)
		for _, file := range files {
			for _, s := range schemas {
				_, errs := s.Decode(file)
				checkPositions(t, errs, 1, lines+3)
			}
		}
	})
}
