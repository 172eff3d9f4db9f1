package render

import (
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
)

// The view is what templates receive of the model: plain values made from
// it once it is finished, never its pages, so that a template can show
// nothing a page's cache key (keyOf) does not hash, but for what a partial
// rendered with $.Shared makes, which is made again in every build and
// spliced into the cached page (Data.Shared). Each kind of typed page has
// a view of its own (the Params of PageView).

// Ref is what a template sees of a page it shows or links to: its
// address, language and front matter, and for a good practice the
// decoded fields its card shows.
type Ref struct {
	Path  string // below the site root: "fi/hyvat-kaytannot/x/"
	Lang  string
	Front content.Front
	// Fields is the front matter of a typed page as its type decoded it
	// (*schema.Practice, *schema.Commitment, ...): a list's cards show it.
	Fields any
	// Source is the content file the page comes from (a generated page's
	// is its parent's), which errors name.
	Source string
}

func (r *Ref) path() string { return r.Path }

// linked is a page a template can link to: a Ref or a PageView.
type linked interface{ path() string }

// PageView is the page being rendered.
type PageView struct {
	*Ref
	Kind         site.Kind
	Children     []*Ref // a section's pages and subsections, in order
	Translations []*Ref // every language version, self included, in the order of site.toml
	// Params is the typed page's view: *PracticeView, *CommitmentView,
	// *ListView, *FacetPageView, *FacetsView, *HomeView, *DeclarationView,
	// *SearchView, *CommitmentPracticesView, *EntryView,
	// *schema.Accessibility or a declared type's decoded front matter; nil
	// on other pages.
	Params any
}

// PracticeView is a good practice's page.
type PracticeView struct {
	*schema.Practice
	Commitments []*Ref // the commitments it names
}

// CommitmentView is a commitment's or measure's page.
type CommitmentView struct {
	*schema.Commitment
	Parent   *Ref   // a measure's commitment
	Measures []*Ref // a commitment's measures
	Paging   *PagingView
}

// EntryView is the page of a declared type that takes part in a
// relation (schema.Entry): its fields and the pages related to it.
type EntryView struct {
	Fields  any
	Related map[string][]*Ref // by relation field: the pages it names
	NamedBy map[string][]*Ref // by "type.field": the pages whose field names this one
	// SearchFilters are its fields tagged filter:"...", as Pagefind's
	// data-pagefind-filter attributes write them: "format:seminar".
	SearchFilters []string
}

// PagingView is one page of a paginated list: the entries it shows and
// where it stands. The pager's links are Data.Pager.
type PagingView struct {
	Number int // from 1
	Total  int // pages of the list
	Count  int // entries of the whole list
	Items  []*Ref
}

// IndexView is a practices section as one language lists it, as its facet
// navigation shows it: the section, the number of practices, and the
// facets with the number of practices of each value.
type IndexView struct {
	Section *Ref
	Count   int
	Facets  []*FacetView
}

// FacetView is one facet of an index.
type FacetView struct {
	Vocabulary string       // "themes", "years"
	Param      string       // its name in the search page's URL: "theme"
	Name       *schema.Term // "Teemat", "Themes"
	Values     []*FacetValueView
	Page       *Ref // the facet's index page
}

// FacetValueView is one value of a facet.
type FacetValueView struct {
	Term  *schema.Term
	Count int  // practices with the value
	Page  *Ref // nil when no practice has it
}

// ListingRef is what a list page's own template sees of the section it
// lists. The facet navigation's counts, which change with the facets of
// any practice, are not in it: only a partial rendered with $.Shared sees
// them (SharedView), and the partial's HTML is spliced into the cached
// page, so that new counts do not render every list page again.
type ListingRef struct {
	Section *Ref
}

// ListView is a page of a section's listing.
type ListView struct {
	Listing *ListingRef
	Paging  *PagingView
}

// FacetPageView is a page of one facet value's practices.
type FacetPageView struct {
	Listing *ListingRef
	Facet   *FacetRef
	Value   *FacetValueRef
	Paging  *PagingView
}

// FacetRef is a facet as a page of one of its values sees it: without
// its values and their counts.
type FacetRef struct {
	Vocabulary string       // "themes", "years"
	Param      string       // its name in the search page's URL: "theme"
	Name       *schema.Term // "Teemat", "Themes"
	Page       *Ref         // the facet's index page
}

// FacetValueRef is a facet value as its page sees it.
type FacetValueRef struct {
	Term *schema.Term
	Page *Ref
}

// FacetsView is a facet's index page: its values with their counts.
type FacetsView struct {
	Listing *ListingRef
	Facet   *FacetView
}

// SharedView is the Params that a partial rendered with $.Shared sees on
// a list page (ListView, FacetPageView, FacetsView): the listing with its
// facets and their counts. What the partial makes is rendered once per
// build and spliced into the pages, so it is not in their keys.
type SharedView struct {
	Listing *IndexView
}

// HomeView is a home page: the newest practices and the index they lead
// to (nil where the language has no practices section).
type HomeView struct {
	Newest []*Ref
	Index  *IndexView
}

// DeclarationView is the declaration's page: its principles.
type DeclarationView struct {
	Principles []*PrincipleView
}

// PrincipleView is one principle of the declaration with the first of its
// practices.
type PrincipleView struct {
	Term    *schema.Term
	Count   int    // practices tagged with it
	Preview []*Ref // the first schema.PreviewCount of them
	Page    *Ref   // its facet value's page, nil when it has no practices
}

// SearchView is the search page: the index whose facets are its filters.
type SearchView struct {
	Index *IndexView
}

// CommitmentPracticesView is a later page of the practices that name a
// commitment or measure.
type CommitmentPracticesView struct {
	Paging *PagingView
}

// viewer makes the views of one build's pages. Every page's Ref and every
// index's view is made once, before the pages render, and shared.
type viewer struct {
	refs    map[*site.Page]*Ref
	indexes map[*schema.Index]*IndexView
	// The refs of the list pages' views: one value for each part of the
	// model, so that each is hashed once.
	listings  map[*schema.Index]*ListingRef
	facetRefs map[*schema.Facet]*FacetRef
	valueRefs map[*schema.FacetValue]*FacetValueRef
}

func newViewer(s *site.Site) *viewer {
	v := &viewer{refs: make(map[*site.Page]*Ref, len(s.Pages)), indexes: map[*schema.Index]*IndexView{},
		listings: map[*schema.Index]*ListingRef{}, facetRefs: map[*schema.Facet]*FacetRef{}, valueRefs: map[*schema.FacetValue]*FacetValueRef{}}
	for _, p := range s.Pages {
		v.refs[p] = &Ref{Path: p.Path, Lang: p.Lang, Front: p.Front, Fields: p.Fields, Source: p.File.Path}
	}
	for _, p := range s.Pages {
		if idx, ok := p.Params.(*schema.Index); ok {
			v.indexes[idx] = v.index(idx)
			v.listings[idx] = &ListingRef{Section: v.ref(idx.Section)}
			for _, f := range idx.Facets {
				v.facetRefs[f] = &FacetRef{Vocabulary: f.Vocabulary, Param: f.Param(), Name: f.Name, Page: v.ref(f.Page)}
				for _, val := range f.Values {
					v.valueRefs[val] = &FacetValueRef{Term: val.Term, Page: v.ref(val.Page)}
				}
			}
		}
	}
	return v
}

// ref returns p's Ref; nil for nil.
func (v *viewer) ref(p *site.Page) *Ref {
	if p == nil {
		return nil
	}
	return v.refs[p]
}

func (v *viewer) list(pages []*site.Page) []*Ref {
	if pages == nil {
		return nil
	}
	out := make([]*Ref, len(pages))
	for i, p := range pages {
		out[i] = v.refs[p]
	}
	return out
}

// lists returns the Refs of each list of pages; nil for nil.
func (v *viewer) lists(pages map[string][]*site.Page) map[string][]*Ref {
	if pages == nil {
		return nil
	}
	out := make(map[string][]*Ref, len(pages))
	for k, list := range pages {
		out[k] = v.list(list)
	}
	return out
}

func (v *viewer) index(idx *schema.Index) *IndexView {
	if idx == nil {
		return nil
	}
	if iv := v.indexes[idx]; iv != nil {
		return iv
	}
	iv := &IndexView{Section: v.ref(idx.Section), Count: len(idx.Practices)}
	for _, f := range idx.Facets {
		fv := &FacetView{Vocabulary: f.Vocabulary, Param: f.Param(), Name: f.Name, Page: v.ref(f.Page)}
		for _, val := range f.Values {
			fv.Values = append(fv.Values, &FacetValueView{Term: val.Term, Count: len(val.Practices), Page: v.ref(val.Page)})
		}
		iv.Facets = append(iv.Facets, fv)
	}
	return iv
}

// facet returns the view of f, a facet of idx.
func (v *viewer) facet(idx *schema.Index, f *schema.Facet) *FacetView {
	for i, g := range idx.Facets {
		if g == f {
			return v.index(idx).Facets[i]
		}
	}
	return nil
}

// shared returns the Params that a $.Shared partial sees on p: on a
// list page, its listing with the counts; elsewhere the page's own.
func (v *viewer) shared(p *site.Page, own any) any {
	if l, ok := p.Params.(interface{ Listing() *schema.Index }); ok {
		return &SharedView{Listing: v.index(l.Listing())}
	}
	return own
}

func (v *viewer) paging(pg *schema.Paging) *PagingView {
	if pg == nil {
		return nil
	}
	return &PagingView{Number: pg.Number, Total: len(pg.Pages), Count: pg.Count, Items: v.list(pg.Items)}
}

// page returns the view of p.
func (v *viewer) page(p *site.Page) *PageView {
	pv := &PageView{Ref: v.ref(p), Kind: p.Kind, Children: v.list(p.Children), Translations: v.list(p.Translations())}
	pv.Params = v.params(p)
	return pv
}

func (v *viewer) params(p *site.Page) any {
	switch x := p.Params.(type) {
	case *schema.PracticePage:
		return &PracticeView{Practice: x.Practice, Commitments: v.list(x.Commitments)}
	case *schema.CommitmentPage:
		return &CommitmentView{Commitment: x.Commitment, Parent: v.ref(x.Parent), Measures: v.list(x.Measures), Paging: v.paging(x.Paging)}
	case *schema.Index:
		return &ListView{Listing: v.listings[x], Paging: v.paging(x.Paging)}
	case *schema.IndexPage:
		return &ListView{Listing: v.listings[x.Index], Paging: v.paging(x.Paging)}
	case *schema.FacetPage:
		if x.Value == nil {
			return &FacetsView{Listing: v.listings[x.Index], Facet: v.facet(x.Index, x.Facet)}
		}
		return &FacetPageView{Listing: v.listings[x.Index], Facet: v.facetRefs[x.Facet], Value: v.valueRefs[x.Value], Paging: v.paging(x.Paging)}
	case *schema.Home:
		return &HomeView{Newest: v.list(x.Newest), Index: v.index(x.Index)}
	case *schema.Declaration:
		d := &DeclarationView{}
		for _, val := range x.Principles {
			d.Principles = append(d.Principles, &PrincipleView{Term: val.Term, Count: len(val.Practices), Preview: v.list(val.Preview()), Page: v.ref(val.Page)})
		}
		return d
	case *schema.Search:
		return &SearchView{Index: v.index(x.Index)}
	case *schema.CommitmentPracticesPage:
		return &CommitmentPracticesView{Paging: v.paging(x.Paging)}
	case *schema.Entry:
		return &EntryView{Fields: x.Fields, Related: v.lists(x.Related), NamedBy: v.lists(x.NamedBy), SearchFilters: schema.SearchFiltersOf(x.Fields)}
	case *schema.Accessibility:
		return x
	case nil:
		return nil
	}
	if p.Params == p.Fields {
		// A declared type's decoded front matter, with no relations to
		// other pages: values only.
		return p.Fields
	}
	panic("render: no view of page parameters of this type")
}
