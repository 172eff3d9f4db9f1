package site

import "sync"

// The model's passes that read and write only pages of one language (a
// page's parent, its children and its folders are in its language) run
// for each language at once: a server makes the model again on every save
// that changes front matter, and the other core is free then.

// byLanguage returns the pages split by language, each part in their
// order, the parts in the order of site.toml.
func (s *Site) byLanguage(pages []*Page) [][]*Page {
	index := make(map[string]int, len(s.Config.Languages))
	for i, l := range s.Config.Languages {
		index[l.Code] = i
	}
	parts := make([][]*Page, max(1, len(s.Config.Languages)))
	for _, p := range pages {
		// A language not in site.toml (the loader reads none) goes with
		// the first: all its pages are still in one part.
		parts[index[p.Lang]] = append(parts[index[p.Lang]], p)
	}
	return parts
}

// eachPart runs pass on each part at once, with its number, and returns
// when all are done. pass must write nothing another part reads.
func eachPart(parts [][]*Page, pass func(i int, pages []*Page)) {
	var wg sync.WaitGroup
	for i, pages := range parts {
		wg.Go(func() { pass(i, pages) })
	}
	wg.Wait()
}
