// Package decode turns YAML or TOML text into typed Go values and reports
// every problem (syntax, wrong type, unknown or missing field) with the file,
// line and column it comes from, in words an editor understands.
//
// Both formats are first parsed into the same positioned tree (Node); Into
// then fills a struct from the tree by its `fm` field tags.
package decode

import "time"

// Kind is the kind of value a Node holds.
type Kind uint8

// The kinds of Node.
const (
	Null Kind = iota
	Map
	List
	String
	Int
	Float
	Bool
	Time
)

var kindNames = [...]string{
	Null:   "nothing",
	Map:    "a table of fields",
	List:   "a list",
	String: "text",
	Int:    "a whole number",
	Float:  "a number",
	Bool:   "true or false",
	Time:   "a date",
}

func (k Kind) String() string { return kindNames[k] }

// Node is one value of a YAML or TOML document with the place it was written.
// Line is absolute in the file the document was cut from.
type Node struct {
	Kind      Kind
	Line, Col int

	Str   string
	Int   int64
	Float float64
	Bool  bool
	Time  time.Time

	Items  []*Node // List
	Fields []Field // Map, in source order (TOML: sorted by key)
}

// Field is a key of a Map node with its value and the key's position.
type Field struct {
	Key       string
	Line, Col int
	Value     *Node
}

// Get returns the value of key in a Map node, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil {
		return nil
	}
	for _, f := range n.Fields {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

// Field returns the field named key of a Map node, or nil.
func (n *Node) Field(key string) *Field {
	if n == nil {
		return nil
	}
	for i := range n.Fields {
		if n.Fields[i].Key == key {
			return &n.Fields[i]
		}
	}
	return nil
}
