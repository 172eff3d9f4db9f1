package build

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/bench/gensite"
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

// Within a type's JSON the exports ask stop every 500 records, and
// make no file once it says yes there: a newer save does not wait for
// the records of thousands of practices.
func TestExportsAskStopWithinTheRecords(t *testing.T) {
	dir := t.TempDir()
	if err := gensite.Write(dir, 600); err != nil {
		t.Fatal(err)
	}
	in := benchLoad(t, os.DirFS(dir))
	s := in.model(t)
	// run counts the asks that come with no file made since the one
	// before, which are the asks within a file; stopAt says yes at that
	// many of them (0: never).
	run := func(stopAt int) (within int, made []string, err error) {
		madeAtAsk := -1
		err = export.Each(s, in.vocab, in.catalog, schema.Builtin(), func() bool {
			if len(made) == madeAtAsk {
				within++
			}
			madeAtAsk = len(made)
			return stopAt > 0 && within == stopAt
		}, func(f output.File) error {
			made = append(made, f.Path)
			return nil
		})
		return within, made, err
	}
	within, _, err := run(0)
	if err != nil {
		t.Fatal(err)
	}
	if within < 2 { // 600 practices in each of two languages
		t.Fatalf("stop was asked %d times within files, want one in each language's records", within)
	}
	_, made, err := run(1)
	if !errors.Is(err, export.ErrStopped) {
		t.Fatalf("stopped within the records: error %v, want ErrStopped", err)
	}
	for _, p := range made {
		if strings.HasSuffix(p, ".json") && strings.Contains(p, "good-practices") {
			t.Errorf("%s was made although stop said yes while its records were made", p)
		}
	}
}
