package build

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/opengov-fi/opengov/internal/output"
)

// A build writing to a sink sends the files a build held in memory
// returns, the open data and its catalog included, though it streams the
// exports while the pages render.
func TestSinkGetsEveryFile(t *testing.T) {
	held := buildRepo(t)
	var mu sync.Mutex
	var sent []output.File
	res, errs := Run(os.DirFS(repoRoot), Options{Sink: func(f output.File) error {
		mu.Lock()
		defer mu.Unlock()
		sent = append(sent, f)
		return nil
	}})
	if errs != nil {
		t.Fatal(errs)
	}
	if len(res.Files) != 0 {
		t.Errorf("a sinking build also returned %d files", len(res.Files))
	}
	output.Sort(sent)
	if len(sent) != len(held.Files) {
		t.Fatalf("the sink got %d files, the held build has %d", len(sent), len(held.Files))
	}
	exports := 0
	for i, f := range sent {
		if f.Path != held.Files[i].Path || !bytes.Equal(f.Data, held.Files[i].Data) {
			t.Errorf("%s differs from the held build's %s", f.Path, held.Files[i].Path)
		}
		if strings.HasPrefix(f.Path, "data/") {
			exports++
		}
	}
	if exports == 0 {
		t.Error("the sink got no open data")
	}
}

// A sink that cannot write an export file is an error at that file.
func TestSinkErrorOnAnExportNamesTheFile(t *testing.T) {
	full := errors.New("no space left on device")
	_, errs := Run(os.DirFS(repoRoot), Options{Sink: func(f output.File) error {
		if f.Path == "data/good-practices.en.csv" {
			return full
		}
		return nil
	}})
	if len(errs) != 1 || errs[0].Pos.File != "data/good-practices.en.csv" || !strings.Contains(errs[0].Msg, full.Error()) {
		t.Fatalf("want one error at data/good-practices.en.csv, got:\n%v", errs)
	}
}
