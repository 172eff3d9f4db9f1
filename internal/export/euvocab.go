package export

import "fmt"

// The EU Vocabularies' named authority lists that DCAT-AP asks for, and
// the codes of the site's languages and countries in them.
const (
	euAuthority  = "http://publications.europa.eu/resource/authority/"
	euDataTheme  = euAuthority + "data-theme"
	euLicenceBy4 = euAuthority + "licence/CC_BY_4_0"
	euAvailable  = euAuthority + "planned-availability/AVAILABLE"
	euPublic     = euAuthority + "access-right/PUBLIC"
	ianaMedia    = "http://www.iana.org/assignments/media-types/"
	// The ADMS publisher type of a ministry.
	nationalAuthority = "http://purl.org/adms/publishertype/NationalAuthority"
)

// euFileType is a file format in the EU file-type list: "JSON", "CSV".
func euFileType(code string) string { return euAuthority + "file-type/" + code }

// euTheme is a data theme: "GOVE" is government and public sector.
func euTheme(code string) string { return euAuthority + "data-theme/" + code }

// euLanguages maps the site's language codes (ISO 639-1) to the EU
// language list, whose codes are ISO 639-3: the official languages of the
// EU and the other languages of the Nordic countries.
var euLanguages = map[string]string{
	"bg": "BUL", "cs": "CES", "da": "DAN", "de": "DEU", "el": "ELL", "en": "ENG", "es": "SPA",
	"et": "EST", "fi": "FIN", "fr": "FRA", "ga": "GLE", "hr": "HRV", "hu": "HUN", "it": "ITA",
	"lt": "LIT", "lv": "LAV", "mt": "MLT", "nl": "NLD", "pl": "POL", "pt": "POR", "ro": "RON",
	"sk": "SLK", "sl": "SLV", "sv": "SWE", "is": "ISL", "no": "NOR", "nb": "NOB", "nn": "NNO",
	"se": "SME", "ru": "RUS", "uk": "UKR",
}

func euLanguage(code string) (string, error) {
	c, ok := euLanguages[code]
	if !ok {
		return "", fmt.Errorf("language %q has no code in the EU language list that the DCAT-AP catalog needs (add it to euLanguages in internal/export/euvocab.go)", code)
	}
	return euAuthority + "language/" + c, nil
}

// euCountries maps ISO 3166-1 alpha-2 codes, as the vocabularies give
// countries, to the EU country list (ISO 3166-1 alpha-3): the members of
// the EU, the EEA, the Council of Europe and the OECD.
var euCountries = map[string]string{
	"AD": "AND", "AL": "ALB", "AM": "ARM", "AT": "AUT", "AU": "AUS", "AZ": "AZE", "BA": "BIH",
	"BE": "BEL", "BG": "BGR", "CA": "CAN", "CH": "CHE", "CL": "CHL", "CO": "COL", "CR": "CRI",
	"CY": "CYP", "CZ": "CZE", "DE": "DEU", "DK": "DNK", "EE": "EST", "ES": "ESP", "FI": "FIN",
	"FR": "FRA", "GB": "GBR", "GE": "GEO", "GR": "GRC", "HR": "HRV", "HU": "HUN", "IE": "IRL",
	"IL": "ISR", "IS": "ISL", "IT": "ITA", "JP": "JPN", "KR": "KOR", "LI": "LIE", "LT": "LTU",
	"LU": "LUX", "LV": "LVA", "MC": "MCO", "MD": "MDA", "ME": "MNE", "MK": "MKD", "MT": "MLT",
	"MX": "MEX", "NL": "NLD", "NO": "NOR", "NZ": "NZL", "PL": "POL", "PT": "PRT", "RO": "ROU",
	"RS": "SRB", "SE": "SWE", "SI": "SVN", "SK": "SVK", "SM": "SMR", "TR": "TUR", "UA": "UKR",
	"US": "USA",
}

func euCountry(code string) (string, error) {
	c, ok := euCountries[code]
	if !ok {
		return "", fmt.Errorf("country %q has no code in the EU country list that the DCAT-AP catalog needs (add its ISO 3166-1 alpha-3 code to euCountries in internal/export/euvocab.go)", code)
	}
	return euAuthority + "country/" + c, nil
}
