// Package search writes the site's search index: it hands the built pages
// to Pagefind (the npm package beside this file, run by Node.js), one
// index per language, with the compounds of Finnish text split into their
// parts, and returns the index's files to be published under pagefind/.
package search

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os/exec"
	"path"
	"strings"

	"github.com/opengov-fi/opengov/internal/output"
)

// Dir is the folder of the index below the site root.
const Dir = "pagefind"

// Page is a built page to index.
type Page struct {
	File  string // below the site root: "fi/hyvat-kaytannot/x/index.html"
	URL   string // below the site root: "/fi/hyvat-kaytannot/x/" (pagefind.js adds the base path)
	Lang  string
	Title string // shown in results as written (not hyphenated)
}

// Record is an entry of one language's index that is not a page of that
// language: a practice that exists only in another language, found by its
// title and summary.
type Record struct {
	URL      string              `json:"url"`
	Language string              `json:"language"`
	Content  string              `json:"content"`
	Meta     map[string]string   `json:"meta"`
	Filters  map[string][]string `json:"filters"`
	Sort     map[string]string   `json:"sort,omitempty"`
}

// Input is what the index is made of.
type Input struct {
	Site    fs.FS // the built site
	Pages   []Page
	Records []Record
}

// compoundLanguages are the languages whose compounds are split with the
// site's own words (see Compounds).
var compoundLanguages = map[string]bool{"fi": true}

// Index runs Pagefind over in and passes each file of the index to add,
// with its path below the site root ("pagefind/pagefind.js"), and then
// each language's list of the words indexed (see Words) and the filter
// values of its pages (see Facets).
func (t *Tool) Index(ctx context.Context, in Input, add func(output.File) error) (pages int, err error) {
	dicts := map[string]*Compounds{}
	for _, p := range in.Pages {
		if !compoundLanguages[p.Lang] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return 0, err // a serving build that another replaced: stop taking the CPU
		}
		data, err := fs.ReadFile(in.Site, p.File)
		if err != nil {
			return 0, err
		}
		if dicts[p.Lang] == nil {
			dicts[p.Lang] = NewCompounds()
		}
		dicts[p.Lang].Learn(data)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.CommandContext(ctx, t.node, "index.mjs")
	cmd.Dir = t.dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return 0, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, fmt.Errorf("cannot start the search indexer: %w", err)
	}
	type result struct {
		pages int
		err   error
	}
	read := make(chan result, 1)
	words, facets := NewWords(), NewFacets()
	go func() {
		n, err := readBundle(stdout, func(f output.File) error {
			frag, ok, err := readFragment(strings.TrimPrefix(f.Path, Dir+"/"), f.Data)
			if err != nil {
				return err
			}
			if ok {
				words.add(frag.Lang, frag.Content)
				facets.add(frag)
			}
			return add(f)
		})
		if err != nil {
			cancel() // stop the indexer, which may be blocked writing
			io.Copy(io.Discard, stdout)
		}
		read <- result{n, err}
	}()
	werr := writeJobs(stdin, in, dicts)
	stdin.Close()
	res := <-read
	if werr != nil {
		cancel()
	}
	if err := cmd.Wait(); err != nil || werr != nil || res.err != nil {
		return 0, fmt.Errorf("building the search index failed: %w%s", errors.Join(res.err, werr, err), indent(stderr.String()))
	}
	files, err := words.Files()
	if err != nil {
		return 0, err
	}
	more, err := facets.Files()
	if err != nil {
		return 0, err
	}
	for _, f := range append(files, more...) {
		if err := add(f); err != nil {
			return 0, err
		}
	}
	return res.pages, nil
}

// job is one line of the indexer's input.
type job struct {
	HTML   *htmlFile `json:"html,omitempty"`
	Record *Record   `json:"record,omitempty"`
}

type htmlFile struct {
	URL     string `json:"url"`
	Content string `json:"content"`
}

// writeJobs sends every page, its compounds hyphenated where its language
// has a dictionary, and every record.
func writeJobs(w io.Writer, in Input, dicts map[string]*Compounds) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	for _, p := range in.Pages {
		data, err := fs.ReadFile(in.Site, p.File)
		if err != nil {
			return err
		}
		data = spaced(data)
		if d := dicts[p.Lang]; d != nil {
			data = keepTitle(d.Hyphenate(data), p.Title)
		}
		if err := enc.Encode(job{HTML: &htmlFile{URL: p.URL, Content: string(data)}}); err != nil {
			return err
		}
	}
	for i := range in.Records {
		if err := enc.Encode(job{Record: &in.Records[i]}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// spaced puts a space before each term and description of a definition
// list, which Pagefind would otherwise run together with the text before
// it ("OrganisaatioValtiovarainministeriö"), as the minifier leaves no
// space between them.
func spaced(page []byte) []byte {
	page = bytes.ReplaceAll(page, []byte("<dt"), []byte(" <dt"))
	return bytes.ReplaceAll(page, []byte("<dd"), []byte(" <dd"))
}

// bodyAttr marks the element whose content Pagefind indexes.
const bodyAttr = "data-pagefind-body"

// keepTitle gives Pagefind the page's title as written, for results to
// show, since the indexed h1 may now be hyphenated: an ignored element
// whose text is the title's metadata, first inside the indexed element.
func keepTitle(page []byte, title string) []byte {
	i := bytes.Index(page, []byte(bodyAttr))
	if i < 0 || title == "" {
		return page
	}
	end := tagEnd(page[bytes.LastIndexByte(page[:i], '<'):])
	if end < 0 {
		return page
	}
	at := bytes.LastIndexByte(page[:i], '<') + end + 1
	meta := `<span data-pagefind-ignore data-pagefind-meta="title">` + html.EscapeString(title) + `</span>`
	return append(page[:at:at], append([]byte(meta), page[at:]...)...)
}

// line is one line of the indexer's output.
type line struct {
	Path string `json:"path"`
	Data string `json:"data"`
	Done *struct {
		Pages int `json:"pages"`
	} `json:"done"`
}

// readBundle passes each file of the indexer's output to add and returns
// the number of pages indexed.
func readBundle(r io.Reader, add func(output.File) error) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<30)
	for sc.Scan() {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return 0, fmt.Errorf("unreadable output of the indexer: %w", err)
		}
		if l.Done != nil {
			return l.Done.Pages, nil
		}
		data, err := base64.StdEncoding.DecodeString(l.Data)
		if err != nil || l.Path == "" || strings.Contains(l.Path, "..") {
			return 0, fmt.Errorf("unreadable file %q from the indexer", l.Path)
		}
		if err := add(output.File{Path: path.Join(Dir, l.Path), Data: data}); err != nil {
			return 0, err
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, errors.New("the indexer stopped before it finished")
}

// indent formats the indexer's messages under the error.
func indent(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return "\n\t" + strings.ReplaceAll(s, "\n", "\n\t")
}
