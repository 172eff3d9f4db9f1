package check

import (
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/opengov-fi/opengov/internal/build"
)

// The site in this repository.
const repoRoot = "../.."

func TestRealSiteHasNoErrors(t *testing.T) {
	res, errs := build.Run(os.DirFS(repoRoot), build.Options{Reports: true})
	if errs != nil {
		t.Fatalf("the site does not build:\n%v", errs)
	}
	found := Site(res)
	nerr, nwarn := found.Count()
	for _, f := range found {
		if f.Severity == Error {
			t.Error(f)
		} else {
			t.Log(f)
		}
	}
	t.Logf("%d pages checked: %d errors, %d warnings", len(res.Site.Pages), nerr, nwarn)
}

// repoFS copies the repository's site sources into memory.
func repoFS(t *testing.T) fstest.MapFS {
	t.Helper()
	src := os.DirFS(repoRoot)
	out := fstest.MapFS{}
	for _, dir := range []string{"site.toml", "content", "templates", "static", "i18n"} {
		err := fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(src, p)
			out[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestRealSiteWithABrokenLink(t *testing.T) {
	fsys := repoFS(t)
	const page = "content/good-practices/lockdown-dialogues.en.md"
	src := string(fsys[page].Data)
	lines := strings.Count(src, "\n")
	const added = "Read the [lessons](youth-participation.md#no-such-heading) and the [old page](/en/practices/).\n"
	src += "\n" + added
	fsys[page] = &fstest.MapFile{Data: []byte(src)}

	res, errs := build.Run(fsys, build.Options{Reports: true})
	if errs != nil {
		t.Fatalf("the site does not build:\n%v", errs)
	}
	found := Site(res)
	var got []string
	for _, f := range found {
		if f.Severity == Error {
			got = append(got, short(f))
		}
	}
	line := lines + 2
	want := []string{
		page + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(1+strings.Index(added, "[lessons]")) + " broken-anchor",
		page + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(1+strings.Index(added, "[old page]")) + " broken-link",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
