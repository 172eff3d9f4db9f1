package cms

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/opengov-fi/opengov/internal/schema"
)

// DateFormat is the format dates are written in, as the build reads them.
const DateFormat = "YYYY-MM-DD"

// fields makes the widgets of a content type, the body last. Every field
// of its structs gets one; a field without a policy is an error.
func (g *generator) fields(ct contentType, typ string) ([]Field, error) {
	var out []Field
	for _, sf := range editorOrder(fieldsOf(ct.structs...)) {
		pol, ok := policies[sf.Name]
		if !ok {
			return nil, fmt.Errorf("front-matter field %q has no CMS policy: add it to policies in internal/cms/policy.go", sf.Name)
		}
		required := sf.Required || slices.Contains(ct.required, sf.Name)
		f, err := g.widget(sf, pol, pol.i18n, required, typ, "")
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	out = append(out, Field{"name": "body", "label": g.label("cms_field_body"), "widget": "markdown",
		"required": false, "i18n": translated, "modes": []string{"raw"}, "sanitize_preview": true})
	return out, nil
}

// widget makes the widget of one field; parent is the enclosing field's
// name, for nested policies.
func (g *generator) widget(sf schemaField, pol policy, mode string, required bool, typ, parent string) (Field, error) {
	if parent != "" {
		pol = nestedPolicies[parent+"."+sf.Name]
	}
	k, err := kindOf(sf.Type)
	if err != nil {
		return nil, fmt.Errorf("field %q: %w", sf.Name, err)
	}
	f := Field{"name": sf.Name, "label": g.label("cms_field_" + sf.Name), "required": required, "i18n": mode}
	if parent != "" {
		f["i18n"] = true // Decap takes only a boolean inside an object: translated or copied with it
	}
	switch {
	case pol.vocabulary != "":
		terms := g.in.Vocab.ByName(pol.vocabulary)
		opts := make([]Field, len(terms))
		for i, t := range terms {
			opts[i] = Field{"label": t.In(g.lang), "value": t.ID}
		}
		f["widget"], f["options"] = "select", opts
		if k == kindStrings {
			f["multiple"] = true
			if required {
				f["min"] = 1
			}
		}
	case pol.relation && len(g.commitmentOptions()) > 0:
		f["widget"], f["options"], f["multiple"] = "select", g.commitmentOptions(), k == kindStrings
	case len(pol.options) > 0:
		f["widget"], f["options"] = "select", pol.options
	case pol.widget == "hidden":
		f["widget"] = "hidden"
	default:
		switch k {
		case kindString:
			f["widget"] = cmp.Or(pol.widget, "string")
		case kindStrings:
			f["widget"] = "list"
		case kindInt:
			f["widget"], f["value_type"] = "number", "int"
			if sf.Name == "year" {
				f["min"], f["max"] = 1900, 2100
			}
		case kindBool:
			f["widget"] = "boolean"
		case kindDate:
			f["widget"], f["format"], f["date_format"], f["time_format"], f["picker_utc"] = "datetime", DateFormat, DateFormat, false, true
		case kindObject, kindObjects:
			f["widget"] = "object"
			if k == kindObjects {
				f["widget"] = "list"
			}
			var sub []Field
			for _, child := range sf.Fields {
				// Decap checks an optional object's required fields even when the
				// editor leaves the object empty: they are required only in a
				// required object (or a list's items); the build still checks
				// them when the object is there.
				req := child.Required && (required || k == kindObjects)
				c, err := g.widget(child, policy{}, mode, req, typ, sf.Name)
				if err != nil {
					return nil, err
				}
				sub = append(sub, c)
			}
			f["fields"] = sub
		}
		if k == kindStrings || k == kindObject || k == kindObjects {
			// Decap's list and object widgets take only a boolean: they can be
			// translated, not copied between languages.
			if mode == shared && parent == "" {
				return nil, fmt.Errorf("field %q is shared between languages, but Decap can only translate a %s widget", sf.Name, f["widget"])
			}
			f["i18n"] = true
		}
	}
	if pol.pattern != "" {
		f["pattern"] = []string{pol.pattern, g.label("cms_field_"+sf.Name) + ": " + pol.pattern}
	}
	if n := maxSummary[typ]; sf.Name == "summary" && n > 0 && parent == "" {
		f["pattern"] = []string{fmt.Sprintf(`^[\s\S]{0,%d}$`, n), fmt.Sprintf("%s: ≤ %d", g.label("cms_field_summary"), n)}
	}
	return f, nil
}

// commitmentOptions lists the site's commitments and measures, by action
// plan (newest first) and number, each named by its content path as
// related_commitments names it, with its title in the editor's language.
func (g *generator) commitmentOptions() []Field {
	type option struct {
		plan, number string
		f            Field
	}
	var opts []option
	seen := map[string]bool{}
	for _, p := range g.in.Site.Pages {
		c := schema.CommitmentOf(p)
		if c == nil || seen[p.Key] {
			continue
		}
		seen[p.Key] = true
		page := p
		if t := p.Translation(g.lang); t != nil {
			page = t
		}
		opts = append(opts, option{c.ActionPlan, c.Number, Field{"label": c.ActionPlan + " " + c.Number + ": " + page.Front.Title, "value": p.SourceKey()}})
	}
	slices.SortFunc(opts, func(a, b option) int {
		return cmp.Or(cmp.Compare(b.plan, a.plan), compareNumbers(a.number, b.number))
	})
	out := make([]Field, len(opts))
	for i, o := range opts {
		out[i] = o.f
	}
	return out
}

// compareNumbers orders "1", "1.1", "1.2", "2", "10".
func compareNumbers(a, b string) int {
	var x, y [2]int
	fmt.Sscanf(a, "%d.%d", &x[0], &x[1])
	fmt.Sscanf(b, "%d.%d", &y[0], &y[1])
	return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1]))
}

// editorOrder puts what an editor fills first: the title, summary and
// slug, then the type's own fields, then the other common ones (dates,
// then those few entries need).
func editorOrder(fields []schemaField) []schemaField {
	first := map[string]int{"title": 0, "summary": 1, "slug": 2}
	last := map[string]int{"published": 0, "updated": 1, "draft": 2, "weight": 3, "translationKey": 4, "source_hash": 5, "layout": 6}
	rank := func(f schemaField) int {
		if i, ok := first[f.Name]; ok {
			return i - 100
		}
		if i, ok := last[f.Name]; ok {
			return 100 + i
		}
		return 0
	}
	out := slices.Clone(fields)
	slices.SortStableFunc(out, func(a, b schemaField) int { return cmp.Compare(rank(a), rank(b)) })
	return out
}
