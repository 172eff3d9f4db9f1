package schema

import (
	"slices"
	"sync"

	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/site"
)

// Model makes the whole site model: the pages (site.New), then their
// relations (Relate), the listings, facet pages and later pages of every
// list (Facets). Only then is the model handed out, and nothing writes to
// it afterwards: templates, exports, checks and caches all read the same
// finished value. Without vocabularies (a site with no typed sections)
// there is nothing to relate.
func Model(cfg *config.Config, files []*content.File, opts site.Options, v *Vocabularies, title TitleFunc) (*site.Site, diag.List) {
	s, errs := site.New(cfg, files, opts)
	if v != nil {
		related, checks := relate(s)
		// The checks of the relations run beside Facets, which reads
		// nothing they write and writes nothing they read.
		var checked diag.List
		var wg sync.WaitGroup
		wg.Go(func() { checked = checks() })
		faceted := Facets(s, v, title)
		wg.Wait()
		errs = slices.Concat(errs, related, checked, faceted)
	}
	return s, errs
}
