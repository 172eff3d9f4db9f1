package search

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// MinNode is the oldest Node.js major version the indexer runs on.
const MinNode = 20

// PackageDir is where the Node package that runs Pagefind lives, below the
// repository root: package.json, package-lock.json and index.mjs.
const PackageDir = "internal/search"

// MissingError says that a build requirement (Node.js, or the installed
// Pagefind package) is missing, and how to install it.
type MissingError struct{ Msg string }

func (e *MissingError) Error() string { return e.Msg }

// Tool is Node.js and the installed Pagefind package.
type Tool struct {
	node string // the node binary
	dir  string // the package folder, with node_modules/pagefind
}

// Find looks for node on PATH and for the Pagefind package: in
// source/internal/search (a site built from the repository's root), in
// ./internal/search, and beside this file's source (go run from
// elsewhere). It returns a *MissingError when either is missing.
func Find(ctx context.Context, source string) (*Tool, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, &MissingError{Msg: "Node.js is needed to build the search index, and node is not on PATH.\n" +
			"Install Node.js " + strconv.Itoa(MinNode) + " or newer with npm (Debian, Ubuntu: sudo apt-get install nodejs npm; elsewhere: https://nodejs.org/),\n" +
			"then run: npm ci --prefix " + PackageDir}
	}
	if err := checkVersion(ctx, node); err != nil {
		return nil, err
	}
	var tried []string
	for _, dir := range packageDirs(source) {
		if _, err := os.Stat(filepath.Join(dir, "index.mjs")); err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "node_modules", "pagefind", "package.json")); err != nil {
			tried = append(tried, dir)
			continue
		}
		return &Tool{node: node, dir: dir}, nil
	}
	if len(tried) == 0 {
		return nil, &MissingError{Msg: "cannot find opengov's search indexer (" + PackageDir + "/index.mjs): run opengov from the repository's folder"}
	}
	return nil, &MissingError{Msg: "Pagefind, which builds the search index, is not installed.\nRun: npm ci --prefix " + tried[0]}
}

// packageDirs lists the folders the package may be in, nearest first.
func packageDirs(source string) []string {
	dirs := []string{filepath.Join(source, PackageDir), PackageDir}
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		dirs = append(dirs, filepath.Dir(file))
	}
	return dirs
}

// checkVersion runs node --version and refuses one older than MinNode.
func checkVersion(ctx context.Context, node string) error {
	out, err := exec.CommandContext(ctx, node, "--version").Output()
	if err != nil {
		return &MissingError{Msg: fmt.Sprintf("%s --version failed (%v): reinstall Node.js %d or newer", node, err, MinNode)}
	}
	v := strings.TrimPrefix(string(bytes.TrimSpace(out)), "v")
	major, err := strconv.Atoi(strings.SplitN(v, ".", 2)[0])
	if err != nil || major < MinNode {
		return &MissingError{Msg: fmt.Sprintf("Node.js %s is too old to build the search index: install Node.js %d or newer (https://nodejs.org/)", v, MinNode)}
	}
	return nil
}
