package build

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output of the golden test sites")

// sitesDir holds the golden test sites: each archive is a small site's
// sources plus, under out/, every file the build writes, or, in a file
// named errors, the errors it reports. _common.txtar supplies templates and
// messages that a site may override.
const sitesDir = "../../testdata/sites"

func TestGoldenSites(t *testing.T) {
	common, err := txtar.ParseFile(filepath.Join(sitesDir, "_common.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(sitesDir, "*.txtar"))
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fsys, inputs := siteFS(common, ar)
			got := buildArchive(fsys, goldenOptions[name])
			if *update {
				ar.Files = append(inputs, got...)
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			compareArchives(t, expected(ar), got)
		})
	}
}

// siteFS is the site's sources: the common files, overridden by the
// archive's own. It also returns the archive's input files.
func siteFS(common, ar *txtar.Archive) (fstest.MapFS, []txtar.File) {
	fsys := fstest.MapFS{}
	for _, f := range common.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	var inputs []txtar.File
	for _, f := range ar.Files {
		if !isExpected(f.Name) {
			inputs = append(inputs, f)
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys, inputs
}

func isExpected(name string) bool { return name == "errors" || strings.HasPrefix(name, "out/") }

func expected(ar *txtar.Archive) []txtar.File {
	var out []txtar.File
	for _, f := range ar.Files {
		if isExpected(f.Name) {
			out = append(out, f)
		}
	}
	return out
}

// buildArchive builds fsys and returns its output as archive files.
func buildArchive(fsys fstest.MapFS, opts Options) []txtar.File {
	res, errs := Run(fsys, opts)
	if errs != nil {
		return []txtar.File{{Name: "errors", Data: []byte(errs.Error() + "\n")}}
	}
	var out []txtar.File
	for _, f := range res.Files {
		data := f.Data
		if !bytes.HasSuffix(data, []byte("\n")) {
			data = append(data[:len(data):len(data)], '\n') // as txtar stores it
		}
		out = append(out, txtar.File{Name: "out/" + f.Path, Data: data})
	}
	return out
}

func compareArchives(t *testing.T, want, got []txtar.File) {
	t.Helper()
	names := func(files []txtar.File) string {
		var s []string
		for _, f := range files {
			s = append(s, f.Name)
		}
		return strings.Join(s, "\n")
	}
	if names(want) != names(got) {
		t.Fatalf("files differ (run go test ./internal/build -update to accept)\nwant:\n%s\n\ngot:\n%s", names(want), names(got))
	}
	for i := range want {
		if !bytes.Equal(want[i].Data, got[i].Data) {
			t.Errorf("%s differs (run go test ./internal/build -update to accept)\nwant:\n%s\ngot:\n%s", want[i].Name, want[i].Data, got[i].Data)
		}
	}
}
