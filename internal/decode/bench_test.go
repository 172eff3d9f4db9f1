package decode

import (
	"runtime"
	"testing"
)

// A good practice's front matter as the generated sites write it: every
// content file keeps its tree, so its bytes per parse are what the live
// heap holds per page.
const practiceFrontMatter = `id: "p-00001"
title: "For model artificial intelligence open"
summary: "Training explores government local democracy its in elections indicator versatile."
slug: "for-model-artificial-intelligence-open-1"
organisation: "Ministry of Education and Culture"
partners: []
country: "FI"
level: "regional"
themes: ["digital-services", "research"]
innovation_principles: ["diffuse-lessons"]
stage: "diffusion"
status: "ongoing"
year: 2015
related_commitments: ["commitments/2023-2027/measure-4-2"]
contact:
  organisation: "Ministry of Education and Culture"
published: 2019-11-09
updated: 2020-01-01
`

func BenchmarkParseYAML(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, errs := ParseYAML([]byte(practiceFrontMatter), "content/good-practices/x.en.md", 2); errs != nil {
			b.Fatal(errs)
		}
	}
}

// BenchmarkYAMLTreeKept reports the heap one kept tree holds (kept-B/tree),
// after a GC, over 1,000 trees held at once.
func BenchmarkYAMLTreeKept(b *testing.B) {
	b.ReportAllocs()
	const n = 1000
	var kept int64
	for b.Loop() {
		trees := make([]*Node, n)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := range trees {
			trees[i], _ = ParseYAML([]byte(practiceFrontMatter), "content/good-practices/x.en.md", 2)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept += int64(after.HeapAlloc) - int64(before.HeapAlloc)
		runtime.KeepAlive(trees)
	}
	b.ReportMetric(float64(kept)/float64(b.N)/n, "kept-B/tree")
}
