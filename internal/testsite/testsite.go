// Package testsite writes the golden test sites of testdata/sites to disk,
// for tests that need a real folder: the CLI's and the watching server's.
package testsite

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/txtar"
)

// Dir is the folder of the golden test sites.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "sites")
}

// Write writes the sources of the golden site name, over the common
// templates and messages, into dir.
func Write(dir, name string) error {
	for _, archive := range []string{"_common", name} {
		ar, err := txtar.ParseFile(filepath.Join(Dir(), archive+".txtar"))
		if err != nil {
			return err
		}
		for _, f := range ar.Files {
			if f.Name == "errors" || strings.HasPrefix(f.Name, "out/") {
				continue
			}
			path := filepath.Join(dir, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
