// Package output is what a build produces: files with their paths below
// the site root, in a stable order.
package output

import (
	"cmp"
	"slices"
)

// File is one file of the built site. Path is slash-separated, relative to
// the site root: "en/commitments/index.html".
type File struct {
	Path string
	Data []byte
}

// Sort orders files by path, so a build's output is the same every time.
func Sort(files []File) {
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
}
