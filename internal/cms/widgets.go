package cms

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// DateFormat is the format dates are written in, as the build reads them.
const DateFormat = "YYYY-MM-DD"

// fields makes the widgets of a content type, the body last. Every field
// of its structs gets one; a field without a policy is an error.
func (g *generator) fields(ct contentType) ([]Field, error) {
	var out []Field
	front := fieldsOf(ct.structs[0])
	for _, sf := range editorOrder(fieldsOf(ct.structs...)) {
		pol := policyOf(sf)
		if slices.ContainsFunc(front, func(f schema.Field) bool { return f.Name == sf.Name }) {
			var ok bool
			if pol, ok = frontPolicies[sf.Name]; !ok {
				return nil, fmt.Errorf("front-matter field %q has no CMS policy: add it to frontPolicies in internal/cms/policy.go", sf.Name)
			}
		}
		required := sf.Required || ct.required(sf.Name)
		f, err := g.widget(sf, pol, pol.i18n, required, ct.maxSummary(), "")
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
func (g *generator) widget(sf schema.Field, pol policy, mode string, required bool, maxSummary int, parent string) (Field, error) {
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
	case pol.relation != "" && len(g.relationOptions(pol.relation)) > 0:
		f["widget"], f["options"], f["multiple"] = "select", g.relationOptions(pol.relation), k == kindStrings
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
			if sf.HasRange {
				f["min"], f["max"] = sf.Range[0], sf.Range[1]
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
				c, err := g.widget(child, policyOf(child), mode, req, 0, sf.Name)
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
	if n := maxSummary; sf.Name == "summary" && n > 0 && parent == "" {
		f["pattern"] = []string{fmt.Sprintf(`^[\s\S]{0,%d}$`, n), fmt.Sprintf("%s: ≤ %d", g.label("cms_field_summary"), n)}
	}
	return f, nil
}

// relationOptions lists the site's pages of content type typ, each named
// by its content path as a relation field names it, labelled as the
// type's declaration says (by default its title) in the editor's
// language, in the declaration's order (by default by content path).
func (g *generator) relationOptions(typ string) []Field {
	decl := g.in.Types.Get(typ)
	if decl == nil {
		return nil
	}
	var pages []*site.Page
	seen := map[string]bool{}
	for _, p := range g.in.Site.Pages {
		if !decl.Has(p) || seen[p.Key] {
			continue
		}
		seen[p.Key] = true
		pages = append(pages, p)
	}
	order := decl.CMS.Order
	if order == nil {
		order = func(a, b *site.Page) int { return cmp.Compare(a.SourceKey(), b.SourceKey()) }
	}
	slices.SortStableFunc(pages, order)
	out := make([]Field, len(pages))
	for i, p := range pages {
		page := p
		if t := p.Translation(g.lang); t != nil {
			page = t
		}
		label := page.Front.Title
		if decl.CMS.Label != nil {
			label = decl.CMS.Label(page)
		}
		out[i] = Field{"label": label, "value": p.SourceKey()}
	}
	return out
}

// editorOrder puts what an editor fills first: the title, summary and
// slug, then the type's own fields, then the other common ones (dates,
// then those few entries need).
func editorOrder(fields []schema.Field) []schema.Field {
	first := map[string]int{"title": 0, "summary": 1, "slug": 2}
	last := map[string]int{"published": 0, "updated": 1, "draft": 2, "weight": 3, "translationKey": 4, "source_hash": 5, "layout": 6}
	rank := func(f schema.Field) int {
		if i, ok := first[f.Name]; ok {
			return i - 100
		}
		if i, ok := last[f.Name]; ok {
			return 100 + i
		}
		return 0
	}
	out := slices.Clone(fields)
	slices.SortStableFunc(out, func(a, b schema.Field) int { return cmp.Compare(rank(a), rank(b)) })
	return out
}
