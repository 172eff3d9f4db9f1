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
	pages map[string]map[string]int // language -> word -> pages
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
func NewWords() *Words { return &Words{pages: map[string]map[string]int{}} }

// add adds the words of a page's indexed text to lang's list.
func (w *Words) add(lang, content string) {
	if w.pages[lang] == nil {
		w.pages[lang] = map[string]int{}
	}
	seen := map[string]bool{}
	for _, word := range textWords(content) {
		if !seen[word] {
			seen[word] = true
			w.pages[lang][word]++
		}
	}
}

// textWords returns the words of an indexed text, lowercase, as written:
// a compound split at Joint is one word again; words with fewer than
// minTypo letters are left out.
func textWords(text string) []string {
	var out []string
	var word strings.Builder
	flush := func() {
		if utf8.RuneCountInString(word.String()) >= minTypo {
			out = append(out, word.String())
		}
		word.Reset()
	}
	prevLetter := false
	for i, r := range text {
		switch {
		case unicode.IsLetter(r):
			word.WriteRune(unicode.ToLower(r))
			prevLetter = true
			continue
		case r == Joint && prevLetter:
			next, _ := utf8.DecodeRuneInString(text[i+1:])
			if unicode.IsLetter(next) {
				continue
			}
		}
		flush()
		prevLetter = false
	}
	flush()
	return out
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
			if counts[a] != counts[b] {
				return counts[b] - counts[a]
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
