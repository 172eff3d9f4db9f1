package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/internal/output"
)

func tree(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() && d.Name() != ManifestName {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel+"="+string(data))
		}
		return nil
	})
	return strings.Join(out, " ")
}

func TestWriteReplacesWholeTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(dir, []output.File{{Path: "fi/index.html", Data: []byte("a")}, {Path: "old.txt", Data: []byte("o")}}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, []output.File{{Path: "fi/index.html", Data: []byte("b")}, {Path: "en/x/index.html", Data: []byte("c")}}); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dir); got != "en/x/index.html=c fi/index.html=b" {
		t.Fatalf("tree after second write: %s", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("staging or old folders left behind: %v", entries)
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o755 {
		t.Errorf("folder mode %v, want 0755", info.Mode().Perm())
	}
}

func TestFailedWriteLeavesOldTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := Write(dir, []output.File{{Path: "index.html", Data: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	// A file and a folder of the same name cannot both be written.
	err := Write(dir, []output.File{{Path: "a", Data: []byte("x")}, {Path: "a/b", Data: []byte("y")}})
	if err == nil {
		t.Fatal("conflicting paths should fail")
	}
	if got := tree(t, dir); got != "index.html=old" {
		t.Fatalf("old tree changed: %s", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("staging folder left behind: %v", entries)
	}
}

func TestWriteRefusesSourceFolders(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.toml"), nil, 0o644)
	if err := Write(dir, nil); err == nil || !strings.Contains(err.Error(), "no opengov build made it") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "site.toml")); err != nil {
		t.Fatal("source folder was touched")
	}
}
