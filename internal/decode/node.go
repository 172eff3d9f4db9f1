// Package decode turns YAML or TOML text into typed Go values and reports
// every problem (syntax, wrong type, unknown or missing field) with the file,
// line and column it comes from, in words an editor understands.
//
// Both formats are first parsed into the same positioned tree (Node); Into
// then fills a struct from the tree by its `fm` field tags.
package decode

import (
	"math"
	"time"
)

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
//
// Every content file keeps its front matter's tree for the positions of
// its fields, so a Node is kept small: a scalar's value shares one word
// (Int, Float, Bool) or a pointer (Time).
type Node struct {
	Kind      Kind
	Line, Col int

	Str    string  // String
	Items  []*Node // List
	Fields []Field // Map, in source order (TOML: sorted by key)

	num  uint64     // Int (as int64), Float (its bits), Bool (1: true)
	when *time.Time // Time
}

// Int is an Int node's value.
func (n *Node) Int() int64 { return int64(n.num) }

// Float is a Float node's value.
func (n *Node) Float() float64 { return math.Float64frombits(n.num) }

// Bool is a Bool node's value.
func (n *Node) Bool() bool { return n.num != 0 }

// Time is a Time node's value.
func (n *Node) Time() time.Time {
	if n.when == nil {
		return time.Time{}
	}
	return *n.when
}

func (n *Node) setInt(v int64)      { n.Kind, n.num = Int, uint64(v) }
func (n *Node) setFloat(v float64)  { n.Kind, n.num = Float, math.Float64bits(v) }
func (n *Node) setTime(v time.Time) { n.Kind, n.when = Time, &v }

func (n *Node) setBool(v bool) {
	n.Kind, n.num = Bool, 0
	if v {
		n.num = 1
	}
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
