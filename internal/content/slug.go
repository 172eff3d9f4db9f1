package content

import (
	"strings"
	"unicode"
)

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
