// Command profile builds a site as "opengov build" does, stage by stage,
// and reports each stage's wall time, allocations and live heap (after a
// collection, outside the timing), with
// optional CPU and heap profiles:
//
//	go run ./bench/gen -pages 5000 -out /tmp/site
//	go run ./bench/profile -source /tmp/site -out /tmp/public \
//	    -cpuprofile cpu.out -memprofile heap.out
//	go tool pprof -top cpu.out
//
// The heap profile is written when the built files are all in memory,
// just before publishing: the point of the build's peak heap. The stages
// are those of build.Run (kept in step with internal/build/build.go by
// hand); the total is also measured with build.Run itself.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/opengov-fi/opengov/internal/assets"
	"github.com/opengov-fi/opengov/internal/build"
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
)

func main() {
	source := flag.String("source", ".", "the site's `folder`")
	out := flag.String("out", "", "publish into this `folder` (not published when empty)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the stages to `file`")
	memProfile := flag.String("memprofile", "", "write a heap profile to `file` when every file is built")
	whole := flag.Bool("run", false, "also time build.Run as a whole, after the stages")
	flag.Parse()
	fsys := os.DirFS(*source)

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		check(err)
		check(pprof.StartCPUProfile(f))
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	st := stages{}
	var cfg *config.Config
	var langs []string
	var files []*content.File
	var catalog *i18n.Catalog
	var templates *render.Templates
	var static *assets.Set
	var vocab *schema.Vocabularies
	minifier := minifier.New()
	types := schema.Builtin()
	st.do("config", func() (errs diag.List) {
		cfg, errs = config.Load(fsys, types.Sections())
		for _, l := range cfg.Languages {
			langs = append(langs, l.Code)
		}
		return errs
	})
	st.do("content.Load", func() (errs diag.List) { files, errs = content.Load(fsys, langs); return })
	st.do("i18n.Load", func() (errs diag.List) { catalog, errs = i18n.Load(fsys, langs); return })
	st.do("render.LoadTemplates", func() (errs diag.List) { templates, errs = render.LoadTemplates(fsys, minifier); return })
	st.do("assets.Load", func() (errs diag.List) { static, errs = assets.Load(fsys, minifier); return })
	st.do("vocabularies", func() (errs diag.List) {
		vocab, errs = schema.LoadVocabularies(fsys, langs, types.Vocabularies())
		return
	})
	var model *site.Site
	st.do("site.New", func() (errs diag.List) {
		model, errs = site.New(cfg, files, site.Options{Schemas: types.Schemas(vocab)})
		return
	})
	st.do("schema.Relate", func() diag.List { return schema.Relate(model) })
	st.do("schema.Facets", func() diag.List { return schema.Facets(model, vocab, render.PagedTitle(catalog)) })
	var built []output.File
	st.do("render.Site", func() (errs diag.List) {
		built, errs = render.Site(render.Input{Site: model, Catalog: catalog, Templates: templates, Assets: static, Minifier: minifier})
		return
	})
	st.do("export.Files", func() diag.List {
		data, err := export.Files(model, vocab, catalog, types)
		built = append(append(built, static.Files...), data...)
		if err != nil {
			return diag.List{{Msg: err.Error()}}
		}
		return nil
	})
	st.do("output.Sort", func() diag.List { output.Sort(built); return nil })
	var size int64
	for _, f := range built {
		size += int64(len(f.Data))
	}
	fmt.Printf("%d pages, %d files, %.1f MB of output\n", len(model.Pages), len(built), float64(size)/1e6)
	if *memProfile != "" {
		runtime.GC()
		f, err := os.Create(*memProfile)
		check(err)
		check(pprof.Lookup("heap").WriteTo(f, 0))
		f.Close()
	}
	if *out != "" {
		st.do("publish.Write", func() diag.List {
			if err := publish.Write(*out, built); err != nil {
				return diag.List{{Msg: err.Error()}}
			}
			return nil
		})
	}
	total := time.Since(start)
	// The CLI keeps the model (and so the content) until it has written
	// the files; so does this, for a true heap profile.
	runtime.KeepAlive(model)
	runtime.KeepAlive(files)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("total %v; %d GCs, %.0f ms GC pause, heap sys %.0f MB, total allocated %.0f MB\n",
		total.Round(time.Millisecond), ms.NumGC, float64(ms.PauseTotalNs)/1e6, float64(ms.HeapSys)/1e6, float64(ms.TotalAlloc)/1e6)
	if *whole {
		built, model = nil, nil
		runtime.GC()
		t := time.Now()
		res, errs := build.Run(fsys, build.Options{})
		check(errs.Err())
		fmt.Printf("build.Run as a whole: %v (%d files)\n", time.Since(t).Round(time.Millisecond), len(res.Files))
	}
}

// stages times each stage and reports what it allocated and the live heap
// after it.
type stages struct{}

func (stages) do(name string, fn func() diag.List) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	t := time.Now()
	errs := fn()
	d := time.Since(t)
	runtime.GC() // after the clock stopped: what the stage left live
	runtime.ReadMemStats(&after)
	fmt.Printf("%-22s %8v  alloc %7.1f MB  %9d objects  live heap after %6.1f MB\n", name, d.Round(time.Millisecond),
		float64(after.TotalAlloc-before.TotalAlloc)/1e6, after.Mallocs-before.Mallocs, float64(after.HeapAlloc)/1e6)
	if errs != nil {
		fmt.Fprintln(os.Stderr, errs.Sort().Error())
		os.Exit(1)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}
