// Package publish writes a built site to disk: every file into a fresh
// staging folder beside the target, then swaps the staging folder into
// place, so the target holds either the old site or the new one, never a mix,
// and no file of an earlier build survives.
package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/opengov-fi/opengov/internal/output"
)

// Write replaces the folder dir with exactly files. If anything fails, dir
// is left as it was.
func Write(dir string, files []output.File) error {
	dir = filepath.Clean(dir)
	if err := checkTarget(dir); err != nil {
		return err
	}
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	staging, err := os.MkdirTemp(parent, "."+base+".staging-")
	if err != nil {
		return err
	}
	if err := writeAll(staging, files); err != nil {
		os.RemoveAll(staging)
		return err
	}
	return swap(staging, dir)
}

// checkTarget refuses to replace a folder that looks like a site's sources
// or a repository rather than a build output.
func checkTarget(dir string) error {
	info, err := os.Stat(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s exists and is not a folder", dir)
	}
	for _, marker := range []string{"site.toml", ".git", "go.mod", "content"} {
		if _, err := os.Stat(filepath.Join(dir, marker)); err == nil {
			return fmt.Errorf("refusing to replace %s: it holds %s, so it is not a build output (choose another --out)", dir, marker)
		}
	}
	return nil
}

func writeAll(root string, files []output.File) error {
	if err := os.Chmod(root, 0o755); err != nil { // MkdirTemp makes it 0700
		return err
	}
	made := map[string]bool{}
	for _, f := range files {
		name := filepath.Join(root, filepath.FromSlash(f.Path))
		if d := filepath.Dir(name); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// swap moves staging to dir, moving an existing dir aside first and
// deleting it once the new one is in place.
func swap(staging, dir string) error {
	var old string
	if _, err := os.Stat(dir); err == nil {
		old = staging + ".old"
		if err := os.Rename(dir, old); err != nil {
			os.RemoveAll(staging)
			return err
		}
	}
	if err := os.Rename(staging, dir); err != nil {
		if old != "" {
			_ = os.Rename(old, dir)
		}
		os.RemoveAll(staging)
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
