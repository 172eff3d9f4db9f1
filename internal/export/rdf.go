package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// An RDF graph small enough to hold in memory, written as Turtle and as
// JSON-LD from the same triples, so that the two files are one graph.
// Every node is named by an IRI: there are no blank nodes.

// prefixes are the namespaces the catalog uses, in the order the files
// declare them.
var prefixes = []struct{ name, iri string }{
	{"dcat", "http://www.w3.org/ns/dcat#"},
	{"dct", "http://purl.org/dc/terms/"},
	{"dcatap", "http://data.europa.eu/r5r/"},
	{"foaf", "http://xmlns.com/foaf/0.1/"},
	{"vcard", "http://www.w3.org/2006/vcard/ns#"},
	{"xsd", "http://www.w3.org/2001/XMLSchema#"},
	{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
}

const rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

// term is an object: an IRI, or a literal with a language or a datatype.
type term struct {
	IRI      string
	Value    string
	Lang     string
	Datatype string // full IRI; "" with Lang, or for a plain string
}

func iri(s string) term              { return term{IRI: s} }
func langString(s, lang string) term { return term{Value: s, Lang: lang} }
func typed(s, datatype string) term  { return term{Value: s, Datatype: datatype} }
func xsd(name string) string         { return "http://www.w3.org/2001/XMLSchema#" + name }
func (t term) isIRI() bool           { return t.IRI != "" }

type statement struct {
	pred string
	obj  term
}

type node struct {
	subject string
	types   []string
	stmts   []statement
}

// graph keeps its nodes in the order they were first named, and each
// node's statements in the order they were added: the files come out the
// same from the same content.
type graph struct {
	nodes []*node
	index map[string]*node
}

func newGraph() *graph { return &graph{index: map[string]*node{}} }

func (g *graph) add(subject string) *node {
	if n := g.index[subject]; n != nil {
		return n
	}
	n := &node{subject: subject}
	g.nodes = append(g.nodes, n)
	g.index[subject] = n
	return n
}

// a adds a type.
func (n *node) a(class string) *node {
	if !slices.Contains(n.types, class) {
		n.types = append(n.types, class)
	}
	return n
}

// set adds a statement; a repeated one, or an empty literal or IRI, is
// left out.
func (n *node) set(pred string, objs ...term) *node {
	for _, o := range objs {
		if o.IRI == "" && o.Value == "" {
			continue
		}
		st := statement{pred, o}
		if !slices.Contains(n.stmts, st) {
			n.stmts = append(n.stmts, st)
		}
	}
	return n
}

// compact writes an IRI with a declared prefix, or "" when none fits or
// the local part would not be a valid Turtle name.
func compact(s string) string {
	for _, p := range prefixes {
		if local, ok := strings.CutPrefix(s, p.iri); ok && isLocalName(local) {
			return p.name + ":" + local
		}
	}
	return ""
}

func isLocalName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
		case (r >= '0' && r <= '9' || r == '-') && i > 0:
		default:
			return false
		}
	}
	return true
}

// turtleIRI writes an IRI in Turtle: prefixed where possible, else <...>.
func turtleIRI(s string) string {
	if c := compact(s); c != "" {
		return c
	}
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		if r <= 0x20 || strings.ContainsRune(`<>"{}|^`+"`\\", r) {
			fmt.Fprintf(&b, `\u%04X`, r)
		} else {
			b.WriteRune(r)
		}
	}
	b.WriteByte('>')
	return b.String()
}

func turtleString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func (t term) turtle() string {
	switch {
	case t.isIRI():
		return turtleIRI(t.IRI)
	case t.Lang != "":
		return turtleString(t.Value) + "@" + t.Lang
	case t.Datatype != "":
		return turtleString(t.Value) + "^^" + turtleIRI(t.Datatype)
	}
	return turtleString(t.Value)
}

// Turtle writes the graph as Turtle (RDF 1.1).
func (g *graph) Turtle() []byte {
	var b bytes.Buffer
	for _, p := range prefixes {
		fmt.Fprintf(&b, "@prefix %s: <%s> .\n", p.name, p.iri)
	}
	for _, n := range g.nodes {
		b.WriteString("\n" + turtleIRI(n.subject))
		sep := "\n    "
		if len(n.types) > 0 {
			types := make([]string, len(n.types))
			for i, t := range n.types {
				types[i] = turtleIRI(t)
			}
			b.WriteString(sep + "a " + strings.Join(types, ", "))
			sep = " ;\n    "
		}
		for _, group := range n.grouped() {
			objs := make([]string, len(group))
			for i, st := range group {
				objs[i] = st.obj.turtle()
			}
			b.WriteString(sep + turtleIRI(group[0].pred) + " " + strings.Join(objs, ",\n        "))
			sep = " ;\n    "
		}
		b.WriteString(" .\n")
	}
	return b.Bytes()
}

// grouped returns the statements by predicate, in the order each
// predicate first appears.
func (n *node) grouped() [][]statement {
	var order []string
	by := map[string][]statement{}
	for _, st := range n.stmts {
		if _, ok := by[st.pred]; !ok {
			order = append(order, st.pred)
		}
		by[st.pred] = append(by[st.pred], st)
	}
	out := make([][]statement, len(order))
	for i, p := range order {
		out[i] = by[p]
	}
	return out
}

// JSONLD writes the graph as JSON-LD 1.1: a context of the prefixes and a
// @graph of node objects. Keys and types are compact IRIs, node
// references and values are written out in full, so that the document
// means the same to any processor.
func (g *graph) JSONLD() ([]byte, error) {
	ctx := orderedMap{}
	for _, p := range prefixes {
		ctx = append(ctx, kv{p.name, p.iri})
	}
	nodes := make([]orderedMap, 0, len(g.nodes))
	for _, n := range g.nodes {
		obj := orderedMap{{"@id", n.subject}}
		if len(n.types) > 0 {
			types := make([]string, len(n.types))
			for i, t := range n.types {
				types[i] = jsonldKey(t)
			}
			obj = append(obj, kv{"@type", types})
		}
		for _, group := range n.grouped() {
			vals := make([]orderedMap, len(group))
			for i, st := range group {
				vals[i] = st.obj.jsonld()
			}
			obj = append(obj, kv{jsonldKey(group[0].pred), vals})
		}
		nodes = append(nodes, obj)
	}
	return marshal(orderedMap{{"@context", ctx}, {"@graph", nodes}})
}

func jsonldKey(s string) string {
	if c := compact(s); c != "" {
		return c
	}
	return s
}

func (t term) jsonld() orderedMap {
	switch {
	case t.isIRI():
		return orderedMap{{"@id", t.IRI}}
	case t.Lang != "":
		return orderedMap{{"@value", t.Value}, {"@language", t.Lang}}
	case t.Datatype != "":
		return orderedMap{{"@value", t.Value}, {"@type", jsonldKey(t.Datatype)}}
	}
	return orderedMap{{"@value", t.Value}}
}

// orderedMap is a JSON object that keeps its keys in order.
type orderedMap []kv

type kv struct {
	key string
	val any
}

func (m orderedMap) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(e.key)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(e.val)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
