package export

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestTurtleEscapesLiteralsAndIRIs(t *testing.T) {
	g := newGraph()
	g.add("https://example.org/a b#x").a(dcatNS+"Dataset").
		set(dctNS+"title", langString("Say \"hi\"\\\n\tnow", "en")).
		set(dctNS+"title", langString("Say \"hi\"\\\n\tnow", "en")). // repeated: once
		set(dctNS+"description", term{}).                            // empty: left out
		set(dcatNS+"byteSize", typed("12", xsd("nonNegativeInteger"))).
		set(dctNS+"relation", iri("https://example.org/x.y"))
	ttl := string(g.Turtle())
	for _, want := range []string{
		`<https://example.org/a\u0020b#x>`,
		`a dcat:Dataset`,
		`dct:title "Say \"hi\"\\\n\tnow"@en ;`,
		`dcat:byteSize "12"^^xsd:nonNegativeInteger`,
		`dct:relation <https://example.org/x.y> .`,
	} {
		if !strings.Contains(ttl, want) {
			t.Errorf("Turtle lacks %s:\n%s", want, ttl)
		}
	}
	if strings.Contains(ttl, "dct:description") || strings.Count(ttl, "Say") != 1 {
		t.Errorf("empty or repeated statements written:\n%s", ttl)
	}
	// Local names that Turtle would not read are written in full.
	if got := turtleIRI(dctNS + "1x"); got != "<"+dctNS+"1x>" {
		t.Errorf("turtleIRI(dct:1x) = %s", got)
	}
}

func TestJSONLDHasTheSameStatements(t *testing.T) {
	g := newGraph()
	g.add("https://example.org/d").a(dcatNS+"Dataset").
		set(dctNS+"title", langString("Hyvät <käytännöt> & muut", "fi"), langString("Good practices", "en")).
		set(dcatNS+"distribution", iri("https://example.org/d1"))
	data, err := g.JSONLD()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Context map[string]string `json:"@context"`
		Graph   []map[string]any  `json:"@graph"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if doc.Context["dcat"] != dcatNS || len(doc.Graph) != 1 {
		t.Fatalf("context or graph: %s", data)
	}
	n := doc.Graph[0]
	titles := n["dct:title"].([]any)
	first := titles[0].(map[string]any)
	if n["@id"] != "https://example.org/d" || len(titles) != 2 || first["@value"] != "Hyvät <käytännöt> & muut" || first["@language"] != "fi" {
		t.Errorf("node: %v", n)
	}
	if ref := n["dcat:distribution"].([]any)[0].(map[string]any); ref["@id"] != "https://example.org/d1" {
		t.Errorf("distribution: %v", ref)
	}
}
