package render

import "bytes"

// sharedUse is a partial that a page showed with Shared: which, and the
// HTML it made.
type sharedUse struct {
	name, key string
	html      string
}

// splice is where in a rendered page the HTML of a Shared partial is.
type splice struct {
	start, end int
	name, key  string
}

// splices finds where in data, a page's HTML, the HTML of each of uses
// is. A template prints what Shared returns as it is, so it is there, in
// the order of the calls; but a template could also print it twice, or in
// an attribute, escaped. splices reports false unless each use is found,
// in order, and its HTML is nowhere else in the page: such a page is not
// kept in the cache.
func splices(data []byte, uses []sharedUse) ([]splice, bool) {
	if len(uses) == 0 {
		return nil, true
	}
	out := make([]splice, 0, len(uses))
	from := 0
	times := map[string]int{}
	for _, u := range uses {
		if u.html == "" {
			return nil, false
		}
		i := bytes.Index(data[from:], []byte(u.html))
		if i < 0 {
			return nil, false
		}
		out = append(out, splice{start: from + i, end: from + i + len(u.html), name: u.name, key: u.key})
		from += i + len(u.html)
		times[u.html]++
	}
	for html, n := range times {
		if bytes.Count(data, []byte(html)) != n {
			return nil, false
		}
	}
	return out, true
}

// respliced returns data, a page kept in the cache with the HTML of its
// Shared partials at spans, with this build's HTML of each (rendered with
// d, the page's data, where no page rendered it yet), and where each now
// is. When every partial made what it made before, data is returned as it
// is.
func (r *renderer) respliced(d *Data, data []byte, spans []splice) ([]byte, []splice, error) {
	htmls := make([]string, len(spans))
	same := true
	for i, s := range spans {
		html, err := r.shared(s.name, d.Lang.Code, s.key, d.sharedData)
		if err != nil {
			return nil, nil, err
		}
		htmls[i] = string(html)
		same = same && string(data[s.start:s.end]) == htmls[i]
	}
	if same {
		return data, spans, nil
	}
	size := len(data) // exactly, as the page is kept
	for i, s := range spans {
		size += len(htmls[i]) - (s.end - s.start)
	}
	b := make([]byte, 0, size)
	next := make([]splice, len(spans))
	last := 0
	for i, s := range spans {
		b = append(b, data[last:s.start]...)
		next[i] = splice{start: len(b), name: s.name, key: s.key}
		b = append(b, htmls[i]...)
		next[i].end = len(b)
		last = s.end
	}
	return append(b, data[last:]...), next, nil
}
