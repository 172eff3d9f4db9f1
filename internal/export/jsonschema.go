package export

import (
	"github.com/opengov-fi/opengov/internal/schema"
)

// PracticeSchema returns the JSON Schema (draft 2020-12) of the good
// practices export, whose records are the front matter of a good practice
// plus its language, URL and translations. Vocabulary fields list their
// allowed ids, taken from the vocabularies the build checks against.
func PracticeSchema(baseURL string, v *schema.Vocabularies) ([]byte, error) {
	ids := func(terms []*schema.Term) []string {
		out := make([]string, len(terms))
		for i, t := range terms {
			out[i] = t.ID
		}
		return out
	}
	text := func(description string) map[string]any {
		return map[string]any{"type": "string", "description": description}
	}
	enum := func(description string, values []string) map[string]any {
		return map[string]any{"type": "string", "enum": values, "description": description}
	}
	list := func(description string, items map[string]any) map[string]any {
		return map[string]any{"type": "array", "items": items, "description": description}
	}
	date := map[string]any{"type": "string", "format": "date", "pattern": `^\d{4}-\d{2}-\d{2}$`}
	url := map[string]any{"type": "string", "format": "uri", "pattern": "^https?://"}
	record := map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required": []string{"id", "language", "title", "summary", "url", "partners", "country",
			"level", "themes", "innovation_principles", "related_commitments", "links", "published", "translations"},
		"properties": map[string]any{
			"id":                    map[string]any{"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Stable identifier, the same in every language."},
			"language":              text("Language of this record's text (BCP 47)."),
			"title":                 text("Name of the practice."),
			"summary":               map[string]any{"type": "string", "maxLength": schema.MaxSummary, "description": "Plain-language summary."},
			"url":                   url,
			"organisation":          text("Organisation responsible for the practice. Optional: absent where the sources name none."),
			"partners":              list("Partner organisations.", map[string]any{"type": "string"}),
			"country":               enum("ISO 3166-1 alpha-2 code of the country.", ids(v.Countries)),
			"level":                 enum("Level of government.", ids(v.Levels)),
			"themes":                map[string]any{"type": "array", "minItems": 1, "items": enum("Theme.", ids(v.Themes))},
			"innovation_principles": list("Principles of the OECD Declaration on Public Sector Innovation.", enum("Principle.", ids(v.Principles))),
			"stage":                 enum("Stage of the OECD OPSI innovation lifecycle. Optional.", ids(v.Stages)),
			"status":                enum("Status. Optional: absent where the sources give none.", ids(v.Statuses)),
			"year":                  map[string]any{"type": "integer", "minimum": 1900, "maximum": 2100, "description": "Year the practice was launched."},
			"related_commitments":   list("Ids of related action plan commitments and measures (action plan/number).", map[string]any{"type": "string", "pattern": `^\d{4}-\d{4}/`}),
			"links": list("External links.", map[string]any{
				"type": "object", "additionalProperties": false, "required": []string{"title", "url"},
				"properties": map[string]any{"title": map[string]any{"type": "string"}, "url": url},
			}),
			"contact": map[string]any{
				"type": "object", "additionalProperties": false, "required": []string{"organisation"},
				"description": "Organisation to contact; never a person.",
				"properties":  map[string]any{"organisation": map[string]any{"type": "string"}, "url": url},
			},
			"published":    date,
			"updated":      date,
			"translations": map[string]any{"type": "object", "additionalProperties": url, "description": "URL of the practice in each language it exists in."},
		},
	}
	doc := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         baseURL + Dir + "/good-practice.schema.json",
		"title":       "Good practices of open government and public sector innovation",
		"description": "The good practices export of the Finnish Open Government website. Each record is a practice's front matter with its language, URL and translations. Licence: " + Licence + ".",
		"type":        "object",
		"required":    []string{"language", "source", "licence", "licence_url", "practices"},
		"properties": map[string]any{
			"language":    text("Language of the export."),
			"source":      url,
			"licence":     map[string]any{"const": Licence},
			"licence_url": map[string]any{"const": LicenceURL},
			"practices":   map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/practice"}},
		},
		"$defs": map[string]any{"practice": record},
	}
	return marshal(doc)
}
