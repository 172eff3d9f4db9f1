// Package gensite writes a synthetic bilingual (Finnish and English) site
// for benchmarks, in the content layout of this repository: site.toml,
// content/ with a home page, an action plan of commitments and measures, a
// good-practices section with any number of practices per language, and the
// repository's own templates/, i18n/ and static/. WriteHugo writes the same
// content as an equivalent Hugo site, with the layouts of bench/hugo.
//
// The output is deterministic: every page draws its text from a PCG
// generator seeded with a fixed seed and the page's number, so two runs
// write the same bytes, and a page's text does not depend on how many
// pages there are (except for which pages it links to).
package gensite

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

const (
	// Plan is the action plan the generated commitments belong to.
	Plan = "2023-2027"
	// Commitments is how many commitments the plan has; each has
	// MeasuresPer measures.
	Commitments = 6
	MeasuresPer = 3
	// BodyWords is about how many words a practice's body has.
	BodyWords = 600

	seed = 0x6f70656e676f76 // "opengov"
)

// language is what text in one language is made of.
type language struct {
	code     string
	words    []string
	orgs     []string
	headings []string
}

var languages = []*language{
	{"fi", fiWords, fiOrganisations, fiHeadings},
	{"en", enWords, enOrganisations, enHeadings},
}

// field is one front-matter field. val is a string, an int, a date, a
// []string, a []field (a map) or a [][]field (a list of maps).
type field struct {
	key string
	val any
}

type date time.Time

// kind is what a content page is, for the Hugo front matter.
type kind int

const (
	kindPlain kind = iota
	kindPractice
	kindCommitment
)

// page is one content file in one language.
type page struct {
	path  string // below the site root, without ".<lang>.md": "content/good-practices/p-00001"
	lang  string
	kind  kind
	front []field
	body  string
}

// Write writes the site with pagesPerLang good practices in each language
// into dir, which it creates. It finds the repository (for templates/,
// i18n/, static/ and the vocabularies) from this source file's location or
// the working directory.
func Write(dir string, pagesPerLang int) error {
	root, err := Root()
	if err != nil {
		return err
	}
	return WriteFrom(root, dir, pagesPerLang)
}

// WriteFrom is Write with the repository root given.
func WriteFrom(root, dir string, pagesPerLang int) error {
	if pagesPerLang < 1 {
		return errors.New("gensite: at least one page per language")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte(siteTOML), 0o644); err != nil {
		return err
	}
	for _, d := range []string{"templates", "i18n", "static"} {
		if err := copyTree(filepath.Join(root, d), filepath.Join(dir, d)); err != nil {
			return err
		}
	}
	if err := copyFile(filepath.Join(root, "content", "_vocabularies.toml"), filepath.Join(dir, "content", "_vocabularies.toml")); err != nil {
		return err
	}
	return eachPage(pagesPerLang, func(p *page) error { return writePage(dir, p, p.front) })
}

// Root returns the repository's root folder.
func Root() (string, error) {
	if _, file, _, ok := runtime.Caller(0); ok {
		if d := filepath.Join(filepath.Dir(file), "..", ".."); isRoot(d) {
			return filepath.Clean(d), nil
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if isRoot(d) {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", errors.New("gensite: cannot find the opengov repository (run inside it)")
		}
	}
}

func isRoot(d string) bool {
	for _, f := range []string{"go.mod", "site.toml", "templates", "i18n", filepath.Join("bench", "hugo")} {
		if _, err := os.Stat(filepath.Join(d, f)); err != nil {
			return false
		}
	}
	return true
}

// eachPage calls fn with every content page of the site in both languages.
func eachPage(n int, fn func(*page) error) error {
	for _, p := range fixedPages() {
		if err := fn(p); err != nil {
			return err
		}
	}
	for c := 1; c <= Commitments; c++ {
		for _, p := range commitmentPages(c) {
			if err := fn(p); err != nil {
				return err
			}
		}
	}
	for i := 1; i <= n; i++ {
		for _, p := range practicePages(i, n) {
			if err := fn(p); err != nil {
				return err
			}
		}
	}
	return nil
}

// PracticeName is the file name of practice i, without language.
func PracticeName(i int) string { return fmt.Sprintf("p-%05d", i) }

// rng is page i's generator in stream s (0 for a practice's facts and
// text, 1 for its title, 2 for commitments).
func rng(s, i uint64) *rand.Rand { return rand.New(rand.NewPCG(seed^s<<56, i)) }

// title returns practice i's title in both languages. Other pages link to
// a practice by its title, so it has a generator of its own.
func title(i int) (fi, en string) {
	r := rng(1, uint64(i))
	g := [2]*textGen{{r, languages[0]}, {r, languages[1]}}
	return g[0].title(3, 6), g[1].title(3, 6)
}

func titleIn(i int, lang string) string {
	fi, en := title(i)
	if lang == "fi" {
		return fi
	}
	return en
}

func measureKey(c, m int) string { return fmt.Sprintf("commitments/%s/measure-%d-%d", Plan, c, m) }

func commitmentKey(c int) string { return fmt.Sprintf("commitments/%s/commitment-%d", Plan, c) }

var (
	firstDay = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
)

// practicePages returns good practice i of n in both languages.
func practicePages(i, n int) []*page {
	r := rng(0, uint64(i))
	// Facts shared by both languages.
	country := countryIDs[weighted(r, countryWeight)]
	level := pick(r, levelIDs)
	themes := pickN(r, themeIDs, 1+r.IntN(4))
	principles := pickN(r, principleIDs, 1+r.IntN(3))
	stage := pick(r, stageIDs)
	status := pick(r, statusIDs)
	year := 2015 + r.IntN(12)
	days := int(lastDay.Sub(firstDay).Hours() / 24)
	published := firstDay.AddDate(0, 0, r.IntN(days+1))
	updated := published.AddDate(0, 0, r.IntN(900))
	if updated.After(lastDay) {
		updated = lastDay
	}
	org := r.IntN(len(fiOrganisations))
	var partners []int
	for range r.IntN(4) {
		if p := r.IntN(len(fiOrganisations)); p != org && !contains(partners, p) {
			partners = append(partners, p)
		}
	}
	var related []string
	for range r.IntN(4) {
		c := 1 + r.IntN(Commitments)
		key := commitmentKey(c)
		if r.IntN(3) > 0 {
			key = measureKey(c, 1+r.IntN(MeasuresPer))
		}
		if !contains(related, key) {
			related = append(related, key)
		}
	}
	withURL := r.IntN(2) == 0
	// Three other practices to link to, and a measure.
	var others []int
	for len(others) < min(3, n-1) {
		if o := 1 + r.IntN(n); o != i && !contains(others, o) {
			others = append(others, o)
		}
	}
	mc, mm := 1+r.IntN(Commitments), 1+r.IntN(MeasuresPer)

	titles := [2]string{}
	titles[0], titles[1] = title(i)
	name := PracticeName(i)
	var out []*page
	for li, l := range languages {
		g := &textGen{r, l}
		orgs := func(idx ...int) []string {
			s := make([]string, len(idx))
			for k, x := range idx {
				s[k] = l.orgs[x]
			}
			return s
		}
		contact := []field{{"organisation", l.orgs[org]}}
		if withURL {
			contact = append(contact, field{"url", "https://example.fi/" + name})
		}
		front := []field{
			{"id", name},
			{"title", titles[li]},
			{"summary", g.summary()},
			{"slug", slugify(titles[li], 48) + "-" + strconv.Itoa(i)},
			{"organisation", l.orgs[org]},
			{"partners", orgs(partners...)},
			{"country", country},
			{"level", level},
			{"themes", themes},
			{"innovation_principles", principles},
			{"stage", stage},
			{"status", status},
			{"year", year},
			{"related_commitments", related},
			{"contact", contact},
			{"published", date(published)},
			{"updated", date(updated)},
		}
		out = append(out, &page{
			path: "content/good-practices/" + name, lang: l.code, kind: kindPractice,
			front: front, body: g.practiceBody(others, mc, mm),
		})
	}
	return out
}

// commitmentPages returns commitment c and its measures in both languages.
func commitmentPages(c int) []*page {
	r := rng(2, uint64(c))
	status := pick(r, []string{"ongoing", "completed"})
	lead := r.IntN(len(fiOrganisations))
	support := []int{r.IntN(len(fiOrganisations))}
	var out []*page
	for _, l := range languages {
		g := &textGen{r, l}
		fi := l.code == "fi"
		areas := []string{g.capital(g.word()), g.capital(g.word())}
		var b strings.Builder
		b.WriteString(g.paragraph(60) + "\n\n")
		b.WriteString("## " + tr(fi, "Toimenpiteet", "Measures") + "\n\n")
		for m := 1; m <= MeasuresPer; m++ {
			fmt.Fprintf(&b, "- [%d.%d %s](measure-%d-%d.md): %s\n", c, m, g.title(3, 6), c, m, g.sentence(8, 14))
		}
		b.WriteString("\n## " + tr(fi, "Taustaa", "Background") + "\n\n" + g.paragraph(50) + "\n")
		out = append(out, &page{
			path: fmt.Sprintf("content/commitments/%s/commitment-%d", Plan, c), lang: l.code, kind: kindCommitment,
			front: []field{
				{"title", fmt.Sprintf("%s %d: %s", tr(fi, "Sitoumus", "Commitment"), c, g.title(4, 8))},
				{"summary", g.summary()},
				{"slug", fmt.Sprintf("%s-%d", tr(fi, "sitoumus", "commitment"), c)},
				{"action_plan", Plan},
				{"number", strconv.Itoa(c)},
				{"lead_institution", l.orgs[lead]},
				{"support_institutions", []string{l.orgs[support[0]]}},
				{"policy_areas", areas},
				{"status", status},
			},
			body: b.String(),
		})
		for m := 1; m <= MeasuresPer; m++ {
			var b strings.Builder
			fmt.Fprintf(&b, "%s [%s %d](commitment-%d.md). %s\n\n", tr(fi, "Toimenpide on osa", "This measure is part of"), tr(fi, "sitoumusta", "commitment"), c, c, g.paragraph(40))
			b.WriteString("## " + tr(fi, "Mitä luvataan", "What is promised") + "\n\n")
			for range 4 {
				b.WriteString("- **" + g.capital(g.words(2)) + ".** " + g.sentence(10, 18) + "\n")
			}
			b.WriteString("\n" + g.paragraph(40) + "\n")
			out = append(out, &page{
				path: fmt.Sprintf("content/commitments/%s/measure-%d-%d", Plan, c, m), lang: l.code, kind: kindCommitment,
				front: []field{
					{"title", fmt.Sprintf("%s %d.%d: %s", tr(fi, "Toimenpide", "Measure"), c, m, g.title(4, 8))},
					{"summary", g.summary()},
					{"slug", fmt.Sprintf("%s-%d-%d", tr(fi, "toimenpide", "measure"), c, m)},
					{"action_plan", Plan},
					{"number", fmt.Sprintf("%d.%d", c, m)},
					{"lead_institution", l.orgs[lead]},
					{"support_institutions", []string{}},
					{"policy_areas", areas[:1]},
					{"status", status},
				},
				body: b.String(),
			})
		}
	}
	return out
}

func tr(fi bool, a, b string) string {
	if fi {
		return a
	}
	return b
}

// writePage writes p with the front matter front as YAML.
func writePage(dir string, p *page, front []field) error {
	var b strings.Builder
	b.Grow(len(p.body) + 1024)
	b.WriteString("---\n")
	writeFront(&b, front, "")
	b.WriteString("---\n\n")
	b.WriteString(p.body)
	name := filepath.Join(dir, filepath.FromSlash(p.path)+"."+p.lang+".md")
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(b.String()), 0o644)
}

// writeFront writes fields as YAML, every string quoted.
func writeFront(b *strings.Builder, fields []field, indent string) {
	for _, f := range fields {
		b.WriteString(indent + f.key + ":")
		switch v := f.val.(type) {
		case string:
			b.WriteString(" " + strconv.Quote(v) + "\n")
		case int:
			b.WriteString(" " + strconv.Itoa(v) + "\n")
		case date:
			b.WriteString(" " + time.Time(v).Format(time.DateOnly) + "\n")
		case []string:
			q := make([]string, len(v))
			for i, s := range v {
				q[i] = strconv.Quote(s)
			}
			b.WriteString(" [" + strings.Join(q, ", ") + "]\n")
		case []field:
			b.WriteString("\n")
			writeFront(b, v, indent+"  ")
		case [][]field:
			b.WriteString("\n")
			for _, item := range v {
				var ib strings.Builder
				writeFront(&ib, item, indent+"    ")
				s := ib.String()
				b.WriteString(indent + "  - " + strings.TrimPrefix(s, indent+"    "))
			}
		default:
			panic(fmt.Sprintf("gensite: field %s has type %T", f.key, f.val))
		}
	}
}

// textGen writes text in one language.
type textGen struct {
	r *rand.Rand
	l *language
}

func (g *textGen) word() string { return g.l.words[g.r.IntN(len(g.l.words))] }

func (g *textGen) words(n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = g.word()
	}
	return strings.Join(w, " ")
}

func (g *textGen) capital(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

func (g *textGen) title(lo, hi int) string { return g.capital(g.words(lo + g.r.IntN(hi-lo+1))) }

// sentence writes a sentence of lo to hi words, now and then with
// emphasis, strong emphasis or a quotation.
func (g *textGen) sentence(lo, hi int) string {
	n := lo + g.r.IntN(hi-lo+1)
	w := make([]string, n)
	for i := range w {
		w[i] = g.word()
		if i == 0 {
			w[i] = g.capital(w[i])
		}
		switch g.r.IntN(40) {
		case 0:
			w[i] = "**" + w[i] + "**"
		case 1:
			w[i] = "*" + w[i] + "*"
		case 2:
			w[i] = `"` + w[i] + `"`
		case 3, 4:
			if i < n-1 {
				w[i] += ","
			}
		}
	}
	return strings.Join(w, " ") + "."
}

// paragraph writes sentences until it has at least words words.
func (g *textGen) paragraph(words int) string {
	var s []string
	for n := 0; n < words; {
		t := g.sentence(6, 16)
		n += strings.Count(t, " ") + 1
		s = append(s, t)
	}
	return strings.Join(s, " ")
}

// summary writes one to three sentences, 120 to 290 characters.
func (g *textGen) summary() string {
	s := g.plainSentence(8, 14)
	for utf8.RuneCountInString(s) < 120 {
		s += " " + g.plainSentence(6, 12)
	}
	for utf8.RuneCountInString(s) > 290 {
		s = s[:strings.LastIndexByte(s[:len(s)-1], ' ')] + "."
		s = strings.Replace(s, ",.", ".", 1)
	}
	return s
}

func (g *textGen) plainSentence(lo, hi int) string {
	return g.capital(g.words(lo+g.r.IntN(hi-lo+1))) + "."
}

// practiceBody writes about BodyWords words of Markdown: headings, paragraphs,
// a bullet list, a table, links to the practices others and to measure
// mc.mm.
func (g *textGen) practiceBody(others []int, mc, mm int) string {
	fi := g.l.code == "fi"
	h := g.r.Perm(len(g.l.headings))
	link := func(k int) string {
		if k >= len(others) {
			return ""
		}
		o := others[k]
		return fmt.Sprintf(" %s [%s](%s.md).", tr(fi, "Katso myös", "See also"), titleIn(o, g.l.code), PracticeName(o))
	}
	var b strings.Builder
	b.WriteString("## " + g.l.headings[h[0]] + "\n\n")
	b.WriteString(g.paragraph(70+g.r.IntN(30)) + "\n\n")
	b.WriteString(g.paragraph(60+g.r.IntN(30)) + link(0) + "\n\n")
	b.WriteString("### " + g.l.headings[h[1]] + "\n\n")
	items := 4 + g.r.IntN(3)
	for k := range items {
		b.WriteString("- " + g.sentence(8, 14))
		if k == 1 {
			b.WriteString(link(1))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n## " + g.l.headings[h[2]] + "\n\n")
	fmt.Fprintf(&b, "%s %s [%s %d.%d](../commitments/%s/measure-%d-%d.md).\n\n", g.paragraph(50+g.r.IntN(30)),
		tr(fi, "Työ liittyy toimintaohjelman", "The work relates to action plan"), tr(fi, "toimenpiteeseen", "measure"), mc, mm, Plan, mc, mm)
	b.WriteString(tr(fi, "| Vaihe | Kuvaus | Osallistujia |\n", "| Stage | Description | Participants |\n"))
	b.WriteString("| --- | --- | ---: |\n")
	for range 4 {
		fmt.Fprintf(&b, "| %s | %s | %d |\n", g.capital(g.word()), g.words(4), 10+g.r.IntN(990))
	}
	b.WriteString("\n## " + g.l.headings[h[3]] + "\n\n")
	b.WriteString(g.paragraph(60+g.r.IntN(30)) + link(2) + "\n\n")
	if rest := BodyWords - len(strings.Fields(b.String())); rest > 20 {
		b.WriteString(g.paragraph(rest) + "\n")
	}
	return b.String()
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// pickN returns n different elements of s, in s's order.
func pickN(r *rand.Rand, s []string, n int) []string {
	idx := r.Perm(len(s))[:n]
	out := make([]string, 0, n)
	for i, x := range s {
		if contains(idx, i) {
			out = append(out, x)
		}
	}
	return out
}

func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

func contains[T comparable](s []T, x T) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// slugify makes a lowercase ASCII slug of at most max bytes: ä and å
// become a, ö becomes o, anything else not a-z or 0-9 a hyphen.
func slugify(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'ä', 'å', 'á', 'à':
			r = 'a'
		case 'ö', 'ó':
			r = 'o'
		case 'é', 'è':
			r = 'e'
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if len(out) > max {
		out = strings.TrimRight(out[:max], "-")
	}
	return out
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
