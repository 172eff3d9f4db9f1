package decode

import (
	"errors"
	"regexp"
	"strconv"

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
			pos.Line = firstLine + n - 1
			msg = msg[len(m[0]):]
		}
		return nil, diag.List{{Pos: pos, Code: diag.CodeSyntax, Msg: "YAML syntax: " + msg, Hint: "check indentation, and quote text that contains a colon"}}
	}
	if len(doc.Content) == 0 {
		return &Node{Kind: Map, Line: firstLine, Col: 1}, nil
	}
	c := yamlConverter{file: file, offset: firstLine - 1}
	n := c.convert(doc.Content[0])
	return n, c.errs
}

type yamlConverter struct {
	file   string
	offset int
	errs   diag.List
}

func (c *yamlConverter) pos(y *yaml.Node) diag.Pos {
	return diag.Pos{File: c.file, Line: y.Line + c.offset, Col: y.Column}
}

func (c *yamlConverter) convert(y *yaml.Node) *Node {
	n := &Node{Line: y.Line + c.offset, Col: y.Column}
	switch y.Kind {
	case yaml.AliasNode:
		return c.convert(y.Alias)
	case yaml.MappingNode:
		n.Kind = Map
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
			n.Fields = append(n.Fields, Field{Key: k.Value, Line: k.Line + c.offset, Col: k.Column, Value: c.convert(v)})
		}
	case yaml.SequenceNode:
		n.Kind = List
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
		n.Kind = Bool
		err = y.Decode(&n.Bool)
	case "!!int":
		n.Kind = Int
		err = y.Decode(&n.Int)
	case "!!float":
		n.Kind = Float
		err = y.Decode(&n.Float)
	case "!!timestamp":
		n.Kind = Time
		err = y.Decode(&n.Time)
	default:
		n.Kind = String
		n.Str = y.Value
	}
	if err != nil {
		c.errs.Add(c.pos(y), "cannot read %q: %v", y.Value, errors.Unwrap(err))
	}
}
