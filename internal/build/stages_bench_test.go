package build

// Benchmarks of each stage of the pipeline on a generated site
// (bench/gensite) of 1,000 good practices per language, or as many as
// OPENGOV_BENCH_PAGES says:
//
//	go test ./internal/build -run '^$' -bench . -benchtime 5x
//	OPENGOV_BENCH_PAGES=5000 go test ./internal/build -run '^$' -bench 'Build$' \
//	    -benchtime 3x -cpuprofile cpu.out -memprofile mem.out
//
// Each benchmark generates its site once, outside the timed loop; the stages
// before the one measured run once too.

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/opengov-fi/opengov/bench/gensite"
	"github.com/opengov-fi/opengov/internal/assets"
	"github.com/opengov-fi/opengov/internal/config"
	"github.com/opengov-fi/opengov/internal/content"
	"github.com/opengov-fi/opengov/internal/diag"
	"github.com/opengov-fi/opengov/internal/export"
	"github.com/opengov-fi/opengov/internal/i18n"
	"github.com/opengov-fi/opengov/internal/minifier"
	"github.com/opengov-fi/opengov/internal/output"
	"github.com/opengov-fi/opengov/internal/publish"
	"github.com/opengov-fi/opengov/internal/render"
	"github.com/opengov-fi/opengov/internal/schema"
	"github.com/opengov-fi/opengov/internal/site"
	"github.com/tdewolff/minify/v2"
)

// benchPagesPerLang is the number of good practices per language.
func benchPagesPerLang() int {
	if n, err := strconv.Atoi(os.Getenv("OPENGOV_BENCH_PAGES")); err == nil && n > 0 {
		return n
	}
	return 1000
}

// benchInputs are the loaded sources of a generated site: what the stages
// after loading take.
type benchInputs struct {
	fsys      fs.FS
	cfg       *config.Config
	langs     []string
	files     []*content.File
	catalog   *i18n.Catalog
	templates *render.Templates
	static    *assets.Set
	vocab     *schema.Vocabularies
	minifier  *minify.M
}

// benchSite generates the site into a temporary folder and returns it.
func benchSite(b *testing.B) fs.FS {
	b.Helper()
	dir := b.TempDir()
	if err := gensite.Write(dir, benchPagesPerLang()); err != nil {
		b.Fatal(err)
	}
	return os.DirFS(dir)
}

// benchLoad runs the loading stages once, as Run does.
func benchLoad(b testing.TB, fsys fs.FS) *benchInputs {
	b.Helper()
	in := &benchInputs{fsys: fsys, minifier: minifier.New()}
	cfg, errs := config.Load(fsys, schema.Builtin().Sections())
	if errs != nil {
		b.Fatal(errs)
	}
	in.cfg = cfg
	for _, l := range cfg.Languages {
		in.langs = append(in.langs, l.Code)
	}
	var e [5]diag.List
	in.files, e[0] = content.Load(fsys, in.langs)
	in.catalog, e[1] = i18n.Load(fsys, in.langs)
	in.templates, e[2] = render.LoadTemplates(fsys, in.minifier)
	in.static, e[3] = assets.Load(fsys, in.minifier)
	in.vocab, e[4] = loadVocabularies(fsys, cfg, in.langs, schema.Builtin())
	for _, errs := range e {
		if errs != nil {
			b.Fatal(errs)
		}
	}
	return in
}

// model builds the site model as a build does (schema.Model): site.New,
// then schema.Relate beside schema.Facets.
func (in *benchInputs) model(b testing.TB) *site.Site {
	s, errs := schema.Model(in.cfg, in.files, site.Options{Schemas: schema.Builtin().Schemas(in.vocab)}, in.vocab, render.PagedTitle(in.catalog))
	if errs != nil {
		b.Fatal(errs)
	}
	return s
}

func (in *benchInputs) render(b *testing.B, s *site.Site) []output.File {
	files, errs := render.Site(render.Input{Site: s, Catalog: in.catalog, Templates: in.templates, Assets: in.static, Minifier: in.minifier})
	if errs != nil {
		b.Fatal(errs)
	}
	return files
}

func totalBytes(files []output.File) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f.Data))
	}
	return n
}

// reportPages reports how many pages a second the stage handles.
func reportPages(b *testing.B, pages int) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(pages)*float64(b.N)/s, "pages/s")
	}
	b.ReportMetric(float64(pages), "pages")
}

// BenchmarkLoad reads and parses every Markdown file (content.Load).
func BenchmarkLoad(b *testing.B) {
	fsys := benchSite(b)
	in := benchLoad(b, fsys)
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := content.Load(fsys, in.langs); errs != nil {
			b.Fatal(errs)
		}
	}
	reportPages(b, len(in.files))
}

// BenchmarkModel builds the site model: site.New, schema.Relate and
// schema.Facets (which adds the facet pages).
func BenchmarkModel(b *testing.B) {
	in := benchLoad(b, benchSite(b))
	b.ReportAllocs()
	var s *site.Site
	for b.Loop() {
		s = in.model(b)
	}
	reportPages(b, len(s.Pages))
}

// BenchmarkRender renders every page, the chooser, the 404 pages, the
// sitemap and robots.txt, minified (render.Site).
func BenchmarkRender(b *testing.B) {
	in := benchLoad(b, benchSite(b))
	s := in.model(b)
	b.SetBytes(totalBytes(in.render(b, s)))
	b.ReportAllocs()
	for b.Loop() {
		in.render(b, s)
	}
	reportPages(b, len(s.Pages))
}

// BenchmarkExport writes the open data and the feeds (export.Files).
func BenchmarkExport(b *testing.B) {
	in := benchLoad(b, benchSite(b))
	s := in.model(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := export.Files(s, in.vocab, in.catalog, schema.Builtin()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPublish writes a built site into a new folder (publish.Write).
// Deleting the folder afterwards is not timed.
func BenchmarkPublish(b *testing.B) {
	res, errs := Run(benchSite(b), Options{})
	if errs != nil {
		b.Fatal(errs)
	}
	tmp := b.TempDir()
	b.SetBytes(totalBytes(res.Files))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		dir := filepath.Join(tmp, "public"+strconv.Itoa(i))
		if err := publish.Write(dir, res.Files); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := os.RemoveAll(dir); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		i++
	}
	b.ReportMetric(float64(len(res.Files)), "files")
}

// BenchmarkBuild runs the whole build without writing (build.Run).
func BenchmarkBuild(b *testing.B) {
	fsys := benchSite(b)
	b.ReportAllocs()
	var res *Result
	for b.Loop() {
		var errs diag.List
		res, errs = Run(fsys, Options{})
		if errs != nil {
			b.Fatal(errs)
		}
	}
	reportPages(b, len(res.Site.Pages))
	b.ReportMetric(float64(len(res.Files)), "files")
}

// BenchmarkRenderKinds renders one kind of page at a time, to show where
// rendering time goes: the good practices' own pages, the listings that
// show practices as cards (the section page, the facet pages, the
// declaration and the home pages), and the rest.
func BenchmarkRenderKinds(b *testing.B) {
	in := benchLoad(b, benchSite(b))
	s := in.model(b)
	kinds := map[string][]*site.Page{}
	for _, p := range s.Pages {
		_, index := p.Params.(*schema.Index)
		_, indexPage := p.Params.(*schema.IndexPage)
		_, facet := p.Params.(*schema.FacetPage)
		_, home := p.Params.(*schema.Home)
		_, declaration := p.Params.(*schema.Declaration)
		listing := index || indexPage || facet || home || declaration
		switch {
		case schema.PracticeOf(p) != nil:
			kinds["practices"] = append(kinds["practices"], p)
		case listing && schema.CommitmentOf(p) == nil:
			kinds["listings"] = append(kinds["listings"], p)
		default:
			kinds["rest"] = append(kinds["rest"], p)
		}
	}
	for _, kind := range []string{"practices", "listings", "rest"} {
		b.Run(kind, func(b *testing.B) {
			sub := *s
			sub.Pages = kinds[kind]
			b.SetBytes(totalBytes(in.render(b, &sub)))
			b.ReportAllocs()
			for b.Loop() {
				in.render(b, &sub)
			}
			reportPages(b, len(sub.Pages))
		})
	}
}

// BenchmarkRenderUnminified renders as BenchmarkRender does but passes
// HTML through unminified: the difference is the cost of minifying, and
// its bytes/op against BenchmarkRender's shows what minifying saves.
func BenchmarkRenderUnminified(b *testing.B) {
	in := benchLoad(b, benchSite(b))
	s := in.model(b)
	in.minifier.AddFunc("text/html", func(_ *minify.M, w io.Writer, r io.Reader, _ map[string]string) error {
		_, err := io.Copy(w, r)
		return err
	})
	b.SetBytes(totalBytes(in.render(b, s)))
	b.ReportAllocs()
	for b.Loop() {
		in.render(b, s)
	}
	reportPages(b, len(s.Pages))
}

// BenchmarkRebuild times what the watching server does after a save: an
// incremental build (Builder.Build) after an edit of one practice, of its
// body or of its themes (which moves it between facet values and changes
// the counts that every list page shows). Each iteration edits the file
// and rebuilds; writing the file is in the timing, and is small.
func BenchmarkRebuild(b *testing.B) {
	dir := b.TempDir()
	if err := gensite.Write(dir, benchPagesPerLang()); err != nil {
		b.Fatal(err)
	}
	name := "content/good-practices/" + gensite.PracticeName(max(1, benchPagesPerLang()/2)) + ".en.md"
	original, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		b.Fatal(err)
	}
	// Without its Finnish version, whose themes would have to agree, the
	// practice's themes change in one file.
	if err := os.Remove(filepath.Join(dir, strings.Replace(name, ".en.md", ".fi.md", 1))); err != nil {
		b.Fatal(err)
	}
	themes := themesLine(b, string(original))
	edits := map[string]func(i int) string{
		"body": func(i int) string { return string(original) + "\nEdit " + strconv.Itoa(i) + ".\n" },
		"themes": func(i int) string {
			if i%2 == 1 {
				return string(original)
			}
			return strings.Replace(string(original), themes, "themes: [dialogue, trust]", 1)
		},
	}
	for _, kind := range []string{"body", "themes"} {
		b.Run(kind, func(b *testing.B) {
			builder := NewBuilder(os.DirFS(dir), Options{})
			if _, errs := builder.Build(nil); errs != nil {
				b.Fatal(errs)
			}
			changed := []string{name}
			rendered, i := 0, 0
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(edits[kind](i)), 0o644); err != nil {
					b.Fatal(err)
				}
				res, errs := builder.Build(changed)
				if errs != nil {
					b.Fatal(errs)
				}
				rendered += res.Rendered
				i++
			}
			b.ReportMetric(float64(rendered)/float64(i), "rendered/op")
			// CPU time, of every goroutine, is steadier than wall time on a
			// shared machine.
			b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(i), "cpu-ms/op")
			os.WriteFile(filepath.Join(dir, name), original, 0o644)
		})
	}
}

// cpuTime is the CPU time, user and system, the process has used.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// themesLine returns the themes: line of a practice's front matter.
func themesLine(b *testing.B, src string) string {
	for _, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(l, "themes:") {
			return l
		}
	}
	b.Fatal("no themes line")
	return ""
}
