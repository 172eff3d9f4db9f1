package content

import (
	"regexp"
	"strings"
	"unicode"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidSlug reports whether s may be one segment of a URL path as it is:
// lowercase a-z, digits and single hyphens.
func ValidSlug(s string) bool { return slugRE.MatchString(s) }

// SlugHint suggests a slug for text that is not one.
func SlugHint(text string) string {
	if s := Slugify(text); s != "" {
		return "try \"" + s + "\""
	}
	return "use lowercase a-z, digits and hyphens"
}

// fold maps letters with diacritics to the ASCII letters a Finnish or
// Swedish reader expects in a URL or an anchor: ä and å become a, ö becomes
// o (so "Hyvät käytännöt" gives "hyvat-kaytannot").
var fold = strings.NewReplacer(
	"ä", "a", "å", "a", "ö", "o", "ü", "u", "õ", "o", "á", "a", "à", "a", "â", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "ø", "o", "ú", "u", "ù", "u", "û", "u", "ñ", "n",
	"ç", "c", "š", "s", "ž", "z", "æ", "ae", "ß", "ss",
)

// Slugify turns text into a lowercase ASCII slug of letters, digits and
// single hyphens. Other characters separate words. It returns "" when
// nothing is left.
func Slugify(s string) string {
	s = fold.Replace(strings.ToLower(s))
	var b strings.Builder
	hyphen := false
	for _, r := range s {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			hyphen = false
		} else {
			hyphen = true
		}
	}
	return b.String()
}
