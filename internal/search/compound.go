package search

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Compounds finds the compound words of one language's pages from the
// site's own words, so that a word that appears only inside a compound
// ("suositus" in "nuorisosuositus", "data" in "ostolaskudatan") can be
// found. Pagefind splits words only at hyphens, indexing both the parts
// and the joined word, and at any other ASCII punctuation the same way,
// so the index is given "nuoriso|suositus" (see Joint): the joined word
// still matches, and each part matches on its own.
//
// A word is split before a tail that is itself a word of the site (on its
// own, not inside a compound), possibly with another case ending, or a
// compound of such words. Both sides of a split have at least minPart
// letters. The dictionary is the site's own text: no word list to keep up
// to date, and no false split into words the site never uses.
type Compounds struct {
	stems map[string]bool  // stems of the words seen
	words map[string]bool  // the words seen, lowercase
	memo  map[string]bool  // tail -> whether it is a known word or compound
	parts map[string][]int // word -> rune offsets of its hyphens; nil: not a compound
}

// minPart is the fewest letters either side of a split: shorter parts
// ("iso", "tie") match too much by Pagefind's prefix search.
const minPart = 4

// minCompound is the fewest letters a word needs to be considered for
// splitting.
const minCompound = 2 * minPart

// NewCompounds returns an empty dictionary.
func NewCompounds() *Compounds {
	return &Compounds{stems: map[string]bool{}, words: map[string]bool{}, memo: map[string]bool{}, parts: map[string][]int{}}
}

// Learn adds the words of an HTML page's text to the dictionary.
func (c *Compounds) Learn(html []byte) {
	eachText(html, func(text []byte) {
		eachWord(text, func(w []byte) {
			lw := strings.ToLower(string(w))
			if utf8.RuneCountInString(lw) < minPart || c.words[lw] {
				return
			}
			c.words[lw] = true
			for _, s := range stems(lw) {
				c.stems[s] = true
			}
		})
	})
	clear(c.memo)
	clear(c.parts)
}

// Split returns the rune offsets at which word (lowercase) is split, or nil.
func (c *Compounds) Split(word string) []int {
	if cut, ok := c.parts[word]; ok {
		return cut
	}
	cut := c.splitAt(word, 0)
	c.parts[word] = cut
	return cut
}

// splitAt splits w before its longest tail that is a word of the site,
// then splits the head and the tail the same way; offsets are shifted by
// base. A part that is not a word of the site is left whole, so no split
// makes a fragment that is not a word ("hyvinvointi-alueiden", never
// "hyvi-nvointi-alueiden").
func (c *Compounds) splitAt(w string, base int) []int {
	r := []rune(w)
	if len(r) < minCompound {
		return nil
	}
	for i := minPart; i <= len(r)-minPart; i++ {
		tail := string(r[i:])
		if !c.isWord(tail) || !c.isHead(string(r[:i]), tail) {
			continue
		}
		cuts := c.splitAt(string(r[:i]), base)
		cuts = append(cuts, base+i)
		return append(cuts, c.splitAt(tail, base+i)...)
	}
	return nil
}

// isWord reports whether tail is a word of the site in some case form:
// "datan" is, where the site has "data" or "dataa".
func (c *Compounds) isWord(tail string) bool {
	if k, ok := c.memo[tail]; ok {
		return k
	}
	k := false
	for _, s := range stems(tail) {
		k = k || c.stems[s]
	}
	c.memo[tail] = k
	return k
}

// isHead reports whether head can be the first part of a compound before
// tail. The tail must not be a verb's or noun's derivational ending
// ("osallistu-maan" is the verb "osallistumaan"), and the head must be a
// word of the site or a stem ending as Finnish first parts do (a vowel,
// the genitive's n, or s as in "kansalais-", "yhteis-") before a tail
// that is not also an ending of adjectives and participles
// ("vahvis-tavat" is the verb "vahvistavat", "toiminta-tavat" a compound).
func (c *Compounds) isHead(head, tail string) bool {
	if hasPrefix(tail, derivational) {
		return false
	}
	if c.isWord(head) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(head)
	return strings.ContainsRune("aeiouyäöns", last) && !hasPrefix(tail, afterStems)
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// derivational are the endings of verbs' infinitives, agent nouns, -uus
// nouns and adverbs that are also words of their own ("maan", "alla").
var derivational = []string{"maan", "mään", "mall", "mäll", "mist", "mis", "joid", "joit", "joil", "jois",
	"uut", "yyt", "all", "äll", "vast", "väst", "täm", "olis", "mais", "esten", "toist", "avoi"}

// afterStems are endings of adjectives and participles that are also
// words: after a head that is not a word, they are not a compound's part.
var afterStems = []string{"tav", "ttav", "list", "llis", "itse", "anta", "otta", "jä"}

// endings are Finnish case and number endings that stems strips, so that
// "datan" and "dataa", "suositusta" and "suositus" meet.
var endings = []string{
	"issaan", "issään", "illaan", "illään",
	"ista", "istä", "issa", "issä", "illa", "illä", "ille", "ilta", "iltä", "ihin", "iden", "ien",
	"ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "tta", "ttä", "iin", "ita", "itä",
	"na", "nä", "ja", "jä", "en", "in", "ta", "tä", "an", "än",
	"n", "t", "a", "ä", "i",
}

// stems returns a lowercase word and the words it is with one case
// ending stripped, those of at least minPart letters.
func stems(w string) []string {
	var out []string
	if utf8.RuneCountInString(w) >= minPart {
		out = append(out, w)
	}
	for _, e := range endings {
		if s, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(s) >= minPart {
			out = append(out, s)
		}
	}
	return out
}

// Joint marks the places where Hyphenate splits a compound. Pagefind
// indexes a word joined at "|" exactly as one joined at "-" (both are
// ASCII punctuation: the parts, and the word without it), but the mark
// also stays in the text Pagefind keeps for the results' excerpts, where
// search.js takes out every "|" between two letters, so that an excerpt
// shows the word as written ("kansalaisyhteiskunnan"), not with hyphens a
// reader would take for the text's own. No page of the site writes "|"
// between letters; one that did would have it taken out of its excerpt.
const Joint = '|'

// Hyphenate returns html with the compounds in its text split at their
// parts by Joint: "Ostolaskudatan" becomes "Osto|lasku|datan". Tags,
// attributes and the content of script and style elements are kept as
// they are.
func (c *Compounds) Hyphenate(html []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(html) + len(html)/32)
	last := 0
	eachText(html, func(text []byte) {
		start := offset(html, text)
		out.Write(html[last:start])
		prev := 0
		eachWord(text, func(w []byte) {
			ws := offset(text, w)
			out.Write(text[prev:ws])
			prev = ws + len(w)
			cut := c.Split(strings.ToLower(string(w)))
			if cut == nil {
				out.Write(w)
				return
			}
			i, n := 0, 0
			for _, r := range string(w) {
				if n < len(cut) && i == cut[n] {
					out.WriteByte(Joint)
					n++
				}
				out.WriteRune(r)
				i++
			}
		})
		out.Write(text[prev:])
		last = start + len(text)
	})
	out.Write(html[last:])
	return out.Bytes()
}

// offset is the position of sub, a subslice of b, in b.
func offset(b, sub []byte) int { return cap(b) - cap(sub) }

// eachText calls f with each run of text between tags of html, leaving out
// comments and the content of script and style elements.
func eachText(html []byte, f func(text []byte)) {
	i := 0
	for i < len(html) {
		lt := bytes.IndexByte(html[i:], '<')
		if lt < 0 {
			f(html[i:])
			return
		}
		if lt > 0 {
			f(html[i : i+lt])
		}
		i += lt
		switch {
		case bytes.HasPrefix(html[i:], []byte("<!--")):
			end := bytes.Index(html[i:], []byte("-->"))
			if end < 0 {
				return
			}
			i += end + 3
			continue
		case hasTag(html[i:], "script"), hasTag(html[i:], "style"):
			name := "</script"
			if hasTag(html[i:], "style") {
				name = "</style"
			}
			end := bytes.Index(bytes.ToLower(html[i:]), []byte(name))
			if end < 0 {
				return
			}
			i += end
		}
		gt := tagEnd(html[i:])
		if gt < 0 {
			return
		}
		i += gt + 1
	}
}

// hasTag reports whether b starts with the opening tag name.
func hasTag(b []byte, name string) bool {
	if len(b) < len(name)+2 || !bytes.EqualFold(b[1:1+len(name)], []byte(name)) {
		return false
	}
	c := b[1+len(name)]
	return c == '>' || c == ' ' || c == '/' || c == '\t' || c == '\n'
}

// tagEnd returns the index of the '>' that closes the tag b starts with,
// skipping quoted attribute values.
func tagEnd(b []byte) int {
	var quote byte
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// eachWord calls f with each run of letters in text. An entity such as
// &amp; is not a word.
func eachWord(text []byte, f func(word []byte)) {
	start := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			if !(r == ';' && start > 0 && text[start-1] == '&') {
				f(text[start:i])
			}
			start = -1
		}
		i += size
	}
	if start >= 0 {
		f(text[start:])
	}
}
