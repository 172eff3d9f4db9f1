package diag

import (
	"math"
	"strings"
)

// Suggest returns the option closest to word when it is close enough to be
// a likely typo (at most one edit in three characters, ignoring case), or
// "". It is the "did you mean" of every hint: field names, vocabulary ids,
// content paths, anchors.
func Suggest(word string, options []string) string {
	best, bestDist := "", math.MaxInt
	w := strings.ToLower(word)
	for _, o := range options {
		if d := distance(w, strings.ToLower(o)); d < bestDist {
			best, bestDist = o, d
		}
	}
	limit := max(1, len([]rune(word))/3)
	if bestDist <= limit {
		return best
	}
	return ""
}

// distance is the Levenshtein edit distance between a and b, by rune.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
