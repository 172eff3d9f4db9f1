package search

import (
	"encoding/json"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/opengov-fi/opengov/internal/output"
)

// Words is each language's vocabulary: the words of the text Pagefind
// indexed, read back from the index's fragments, with the number of
// pages each is on. search.js fetches it only when a query finds
// nothing, to try the query again with a word one letter away from a
// word that found nothing ("osalisuus" for "osallisuus"), as Pagefind
// has no fuzzy search.
type Words struct {
	pages map[string]map[string]*wordPages // language -> word -> its pages
	page  int                              // the pages added so far
}

// wordPages counts the pages a word is on.
type wordPages struct {
	pages int
	last  int // the page that counted last, so that a page counts once
}

// minTypo is the fewest letters of a word that is corrected or offered
// as a correction: a short word is one letter away from too many others.
const minTypo = 4

// maxWords caps each language's list, so that its size stays bounded on
// a large site: the words on the most pages are kept.
const maxWords = 20000

// wordsPath is the file of lang's list below the index folder.
func wordsPath(lang string) string { return "words." + lang + ".json" }

// NewWords returns an empty vocabulary.
func NewWords() *Words { return &Words{pages: map[string]map[string]*wordPages{}} }

// add adds the words of a page's indexed text to lang's list.
func (w *Words) add(lang, content string) {
	words := w.pages[lang]
	if words == nil {
		words = map[string]*wordPages{}
		w.pages[lang] = words
	}
	w.page++
	eachTextWord(content, func(word string) {
		e := words[word]
		if e == nil {
			e = &wordPages{}
			words[strings.Clone(word)] = e // not the page's whole text behind it
		}
		if e.last != w.page {
			e.last = w.page
			e.pages++
		}
	})
}

// eachTextWord calls f with each word of an indexed text, lowercase, as
// written: a compound split at Joint is one word again; words with fewer
// than minTypo letters are left out.
func eachTextWord(text string, f func(word string)) {
	start, joints := -1, false
	end := func(i int) {
		if start < 0 {
			return
		}
		word := text[start:i]
		start = -1
		if joints {
			word = strings.ReplaceAll(word, string(Joint), "")
		}
		if utf8.RuneCountInString(word) >= minTypo {
			f(strings.ToLower(word))
		}
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r):
			if start < 0 {
				start, joints = i, false
			}
		case r == Joint && start >= 0:
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			if !unicode.IsLetter(next) {
				end(i)
			}
			joints = true
		default:
			end(i)
		}
	}
	end(len(text))
}

// Files returns each language's list as pagefind/words.<lang>.json: a
// JSON array of words, those on the most pages first (then in
// alphabetical order), at most maxWords.
func (w *Words) Files() ([]output.File, error) {
	var files []output.File
	for _, lang := range slices.Sorted(maps.Keys(w.pages)) {
		counts := w.pages[lang]
		words := slices.Collect(maps.Keys(counts))
		slices.SortFunc(words, func(a, b string) int {
			if counts[a].pages != counts[b].pages {
				return counts[b].pages - counts[a].pages
			}
			return strings.Compare(a, b)
		})
		if len(words) > maxWords {
			words = words[:maxWords]
		}
		data, err := json.Marshal(words)
		if err != nil {
			return nil, err
		}
		files = append(files, output.File{Path: path.Join(Dir, wordsPath(lang)), Data: data})
	}
	return files, nil
}
