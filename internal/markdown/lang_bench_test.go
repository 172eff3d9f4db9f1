package markdown

import (
	"strings"
	"testing"

	"github.com/opengov-fi/opengov/internal/content"
)

// benchBody is a page of prose of the site's kind, with glossary names in
// it and a marked passage.
var benchBody = strings.Repeat("The Lockdown Dialogues became the basis of the national dialogues, and the "+
	"#Hyvinsanottu campaign and the Avoin hallinto network shared [hyvät käytännöt]{lang=fi} with "+
	"the Open Government Partnership and many other actors in society.\n\n- One item\n- Another with `code`\n\n", 20)

// BenchmarkConvert renders benchBody without a glossary and with the
// test glossary, to compare what marking the names costs.
func BenchmarkConvert(b *testing.B) {
	g := testGlossary(b)
	f := &content.File{Path: "content/x.en.md", Body: []byte(benchBody), BodyLine: 1}
	for _, c := range []struct {
		name string
		conv *Converter
	}{{"plain", New("en")}, {"glossary", New("en", WithGlossary(g))}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(benchBody)))
			for b.Loop() {
				if _, errs := c.conv.Convert(f, nil); errs != nil {
					b.Fatal(errs.Err())
				}
			}
		})
	}
}
