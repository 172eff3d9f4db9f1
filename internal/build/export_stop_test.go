package build

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/internal/export"
	"github.com/opengov-fi/opengov/internal/output"
	"github.com/opengov-fi/opengov/internal/schema"
)

// A newer save waits for one export file at most: the exports ask stop
// before they make each file (all but the catalog, which comes last), and
// make none once it says yes.
func TestExportsAskStopBeforeEachFile(t *testing.T) {
	in := benchLoad(t, os.DirFS(repoRoot))
	s := in.model(t)
	for k := 1; ; k++ {
		asked, madeBefore := 0, -1
		var made []string
		err := export.Each(s, in.vocab, in.catalog, schema.Builtin(), func() bool {
			asked++
			if asked == k {
				madeBefore = len(made)
			}
			return asked >= k
		}, func(f output.File) error {
			made = append(made, f.Path)
			return nil
		})
		if asked < k { // never stopped: every file is made
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range made[asked:] {
				if !strings.HasPrefix(p, export.Dir+"/catalog.") {
					t.Errorf("%s was made without asking stop first", p)
				}
			}
			if asked < 10 {
				t.Errorf("stop was asked only %d times for %d files", asked, len(made))
			}
			return
		}
		if !errors.Is(err, export.ErrStopped) {
			t.Fatalf("stopped at ask %d: error %v, want ErrStopped", k, err)
		}
		if madeBefore != k-1 {
			t.Errorf("%d files were made before ask %d: stop is not asked before each", madeBefore, k)
		}
		if len(made) != madeBefore {
			t.Errorf("after stop said yes at ask %d, %d more files were made: %v", k, len(made)-madeBefore, made[madeBefore:])
		}
	}
}
