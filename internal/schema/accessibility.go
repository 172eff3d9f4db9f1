package schema

import (
	"reflect"
	"regexp"
	"slices"
	"time"

	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
)

// AccessibilityLayout is the layout of an accessibility statement, whose
// front matter is the statement's structured data.
const AccessibilityLayout = "accessibility"

// Accessibility is the structured data of an accessibility statement, as
// the Act on the Provision of Digital Services (306/2019) asks for.
type Accessibility struct {
	Standard    string    `fm:"standard,required" lang:"shared"` // "WCAG 2.1 AA"
	Compliance  string    `fm:"compliance,required" lang:"shared" options:"full,partial,none"`
	KnownGaps   []Gap     `fm:"known_gaps"`
	Feedback    Contact   `fm:"feedback,required"`
	Enforcement Contact   `fm:"enforcement,required"`
	Prepared    time.Time `fm:"prepared,required" lang:"shared"`
	Reviewed    time.Time `fm:"reviewed,required" lang:"shared"`
	Method      string    `fm:"method" widget:"text"` // how the site was evaluated
}

// Gap is a known shortcoming with the WCAG success criterion it fails.
type Gap struct {
	Criterion   string `fm:"criterion,required" pattern:"^[1-4]\\.[1-9][0-9]?\\.[1-9][0-9]?$"` // "3.1.2"
	Description string `fm:"description,required" widget:"text"`
}

var (
	criterionRE = regexp.MustCompile(`^[1-4]\.[1-9][0-9]?\.[1-9][0-9]?$`)
	compliances = []string{"full", "partial", "none"}
)

// accessibilityType declares the accessibility statement: not a section
// type, but the pages with layout: accessibility.
func accessibilityType() *Type {
	return &Type{Name: AccessibilityLayout, Layout: true, Struct: reflect.TypeFor[Accessibility](), Check: checkAccessibility}
}

func checkAccessibility(f *content.File, params any, errs *diag.List) {
	a := params.(*Accessibility)
	if a.Compliance != "" && !slices.Contains(compliances, a.Compliance) {
		errs.Add(f.FieldPos("compliance"), "compliance %q is not one of full, partial, none", a.Compliance)
	}
	if a.Compliance == "full" && len(a.KnownGaps) > 0 {
		errs.Add(f.FieldPos("compliance"), "a fully compliant site cannot list known gaps").Hint = "use compliance: partial"
	}
	if a.Compliance == "partial" && len(a.KnownGaps) == 0 {
		errs.Add(f.FieldPos("compliance"), "a partially compliant site must list its known gaps").Hint = "add known_gaps with each gap's WCAG criterion"
	}
	if gaps := f.Meta.Get("known_gaps"); gaps != nil {
		for i, g := range a.KnownGaps {
			if !criterionRE.MatchString(g.Criterion) && i < len(gaps.Items) {
				n := gaps.Items[i]
				errs.Add(diag.Pos{File: f.Path, Line: n.Line, Col: n.Col}, "criterion %q is not a WCAG success criterion number", g.Criterion).Hint = `write it like "3.1.2"`
			}
		}
	}
	if a.Reviewed.Before(a.Prepared) {
		errs.Add(f.FieldPos("reviewed"), "the statement was reviewed before it was prepared")
	}
}
