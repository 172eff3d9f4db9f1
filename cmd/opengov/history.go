package main

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/opengov-fi/opengov/internal/check"
)

// gitHistory reads the earlier versions of the site's files from the git
// repository the site's folder is in, with the git command.
type gitHistory struct {
	dir string // the site's folder
}

// newGitHistory returns the history of the site in dir, or nil when dir
// is not in a git repository (or git is not installed).
func newGitHistory(dir string) check.History {
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	if err := exec.Command("git", "-C", dir, "rev-parse", "--git-dir").Run(); err != nil {
		return nil
	}
	return gitHistory{dir: dir}
}

// Versions lists the committed versions of file (a slash path relative to
// the site's folder), newest first, following renames.
func (g gitHistory) Versions(file string) ([]check.Version, error) {
	out, err := g.git("log", "--format=%H", "--follow", "--", filepath.FromSlash(file))
	if err != nil {
		return nil, err
	}
	var versions []check.Version
	for _, commit := range strings.Fields(string(out)) {
		// The file may have had another name in this commit: ask git for
		// the path it had there.
		names, err := g.git("log", "-1", "--format=", "--name-only", "--follow", commit, "--", filepath.FromSlash(file))
		name := strings.TrimSpace(string(names))
		if err != nil || name == "" {
			continue
		}
		data, err := g.git("show", commit+":"+name)
		if err != nil {
			continue // deleted in this commit
		}
		versions = append(versions, check.Version{Name: commit[:12], Data: data})
	}
	return versions, nil
}

func (g gitHistory) git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", g.dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, err
	}
	return out, nil
}
