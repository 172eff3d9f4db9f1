package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"
)

// fragmentMagic starts each of Pagefind's files once unzipped.
const fragmentMagic = "pagefind_dcd"

// fragment is what this package reads of one of the index's fragments,
// the file Pagefind keeps per page for its results.
type fragment struct {
	Lang    string              `json:"-"` // the index's language
	ID      string              `json:"-"` // Pagefind's id of the page, as search results give it: "fi_1a2b3c4"
	Content string              `json:"content"`
	Filters map[string][]string `json:"filters"`
}

// readFragment reads a file of the index, its path below the index
// folder; ok is false for a file that is not a fragment
// (fragment/fi_1a2b3c4.pf_fragment).
func readFragment(file string, data []byte) (frag fragment, ok bool, err error) {
	dir, name := path.Split(file)
	id, isFragment := strings.CutSuffix(name, ".pf_fragment")
	lang, _, hasLang := strings.Cut(id, "_")
	if dir != "fragment/" || !isFragment || !hasLang {
		return fragment{}, false, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return fragment{}, false, fmt.Errorf("fragment %s: %w", file, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return fragment{}, false, fmt.Errorf("fragment %s: %w", file, err)
	}
	if err := json.Unmarshal(bytes.TrimPrefix(raw, []byte(fragmentMagic)), &frag); err != nil {
		return fragment{}, false, fmt.Errorf("fragment %s: %w", file, err)
	}
	frag.Lang, frag.ID = lang, id
	return frag, true, nil
}
