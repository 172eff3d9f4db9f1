package decode

import (
	"errors"
	"regexp"
	"strconv"
	"time"

	"github.com/opengov-fi/opengov/internal/diag"
	"gopkg.in/yaml.v3"
)

// yamlLine finds the line number yaml.v3 puts into its syntax error text;
// the library exposes no structured position for those.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// ParseYAML parses src, which starts at line firstLine of file.
func ParseYAML(src []byte, file string, firstLine int) (*Node, diag.List) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		pos := diag.Pos{File: file, Line: firstLine}
		msg := err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			n, _ = newLineMap(src).pos(n, 1)
			pos.Line = firstLine + n - 1
			msg = msg[len(m[0]):]
		}
		return nil, diag.List{{Pos: pos, Code: diag.CodeSyntax, Msg: "YAML syntax: " + msg, Hint: "check indentation, and quote text that contains a colon"}}
	}
	if len(doc.Content) == 0 {
		return &Node{Kind: Map, Line: firstLine, Col: 1}, nil
	}
	c := yamlConverter{file: file, offset: firstLine - 1, lines: newLineMap(src)}
	n := c.convert(doc.Content[0])
	return n, c.errs
}

type yamlConverter struct {
	file   string
	offset int
	lines  lineMap
	errs   diag.List

	// Alias expansion is limited as yaml.v3 limits it when it decodes
	// into Go values: an anchor may not contain an alias of itself, and
	// beyond 1,000 nodes at most a share allowedAliasRatio of them may come
	// from aliases. Once a limit is hit, stopped ends the conversion.
	expanding  map[*yaml.Node]bool // anchored nodes being converted
	nodes      int                 // nodes converted
	aliased    int                 // of which inside an alias's expansion
	aliasDepth int                 // aliases being expanded
	stopped    bool
	tooMany    bool // stopped by the ratio, not yet reported
}

// The limits of allowedAliasRatio, as yaml.v3's decode.go has them.
const (
	aliasRatioRangeLow  = 400_000
	aliasRatioRangeHigh = 4_000_000
)

// allowedAliasRatio is the share of nodes that may come from expanding
// aliases in a document of nodes nodes: 99% up to 400,000 nodes, falling to
// 10% at 4,000,000 (yaml.v3's rule).
func allowedAliasRatio(nodes int) float64 {
	switch {
	case nodes <= aliasRatioRangeLow:
		return 0.99
	case nodes >= aliasRatioRangeHigh:
		return 0.10
	}
	return 0.99 - 0.89*float64(nodes-aliasRatioRangeLow)/float64(aliasRatioRangeHigh-aliasRatioRangeLow)
}

// excessive reports whether aliases have expanded into too many nodes.
func (c *yamlConverter) excessive() bool {
	return c.aliased > 100 && c.nodes > 1000 && float64(c.aliased)/float64(c.nodes) > allowedAliasRatio(c.nodes)
}

// alias converts what an alias refers to, within the limits.
func (c *yamlConverter) alias(y *yaml.Node) *Node {
	target := y.Alias
	switch {
	case target == nil:
		c.errs.Add(c.pos(y), "alias *%s refers to no anchor", y.Value)
	case c.expanding[target]:
		c.errs.Add(c.pos(y), "alias *%s is inside the value of &%s itself, so it never ends", y.Value, target.Anchor).Hint = "write the value out, or refer to an anchor outside it"
		c.stopped = true
	default:
		c.aliasDepth++
		n := c.convert(target)
		c.aliasDepth--
		if c.tooMany && c.aliasDepth == 0 {
			c.tooMany = false
			c.errs.Add(c.pos(y), "alias *%s expands to too many values (more than %d%% of the front matter comes from aliases)", y.Value, int(allowedAliasRatio(c.nodes)*100)).Hint = "write the values out instead of repeating aliases of aliases"
		}
		return n
	}
	line, col := c.at(y)
	return &Node{Kind: Null, Line: line, Col: col}
}

// at returns the line and column of y in the file.
func (c *yamlConverter) at(y *yaml.Node) (line, col int) {
	line, col = c.lines.pos(y.Line, y.Column)
	return line + c.offset, col
}

func (c *yamlConverter) pos(y *yaml.Node) diag.Pos {
	line, col := c.at(y)
	return diag.Pos{File: c.file, Line: line, Col: col}
}

func (c *yamlConverter) convert(y *yaml.Node) *Node {
	line, col := c.at(y)
	n := &Node{Line: line, Col: col}
	if c.stopped {
		return n
	}
	c.nodes++
	if c.aliasDepth > 0 {
		c.aliased++
	}
	if c.excessive() {
		c.stopped, c.tooMany = true, true
		return n
	}
	if y.Anchor != "" {
		if c.expanding == nil {
			c.expanding = map[*yaml.Node]bool{}
		}
		c.expanding[y] = true
		defer delete(c.expanding, y)
	}
	switch y.Kind {
	case yaml.AliasNode:
		return c.alias(y)
	case yaml.MappingNode:
		n.Kind = Map
		n.Fields = make([]Field, 0, len(y.Content)/2)
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				c.errs.Add(c.pos(k), "a field name must be plain text")
				continue
			}
			if n.Field(k.Value) != nil {
				c.errs.Add(c.pos(k), "field %q is given twice", k.Value)
				continue
			}
			line, col := c.at(k)
			n.Fields = append(n.Fields, Field{Key: k.Value, Line: line, Col: col, Value: c.convert(v)})
		}
	case yaml.SequenceNode:
		n.Kind = List
		n.Items = make([]*Node, 0, len(y.Content))
		for _, item := range y.Content {
			n.Items = append(n.Items, c.convert(item))
		}
	case yaml.ScalarNode:
		c.scalar(y, n)
	}
	return n
}

func (c *yamlConverter) scalar(y *yaml.Node, n *Node) {
	var err error
	switch y.ShortTag() {
	case "!!null":
		n.Kind = Null
	case "!!bool":
		var v bool
		err = y.Decode(&v)
		n.setBool(v)
	case "!!int":
		var v int64
		err = y.Decode(&v)
		n.setInt(v)
	case "!!float":
		var v float64
		err = y.Decode(&v)
		n.setFloat(v)
	case "!!timestamp":
		var v time.Time
		err = y.Decode(&v)
		n.setTime(v)
	default:
		n.Kind = String
		n.Str = y.Value
	}
	if err != nil {
		c.errs.Add(c.pos(y), "cannot read %q: %v", y.Value, errors.Unwrap(err))
	}
}
