package decode

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opengov-fi/opengov/internal/diag"
	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// ParseTOML parses src, which starts at line firstLine of file. Values come
// from go-toml's decoder (which checks the TOML rules); positions of keys
// come from its parser, since decoded maps carry none.
func ParseTOML(src []byte, file string, firstLine int) (*Node, diag.List) {
	var doc map[string]any
	if err := toml.Unmarshal(src, &doc); err != nil {
		pos := diag.Pos{File: file, Line: firstLine}
		msg := err.Error()
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			pos.Line, pos.Col = firstLine+line-1, col
		}
		return nil, diag.List{{Pos: pos, Code: diag.CodeSyntax, Msg: "TOML syntax: " + strings.TrimPrefix(msg, "toml: ")}}
	}
	positions := tomlKeyPositions(src, firstLine-1)
	return tomlNode(doc, "", positions, [2]int{firstLine, 1}), nil
}

// tomlKeyPositions maps each key path ("languages.0.menu.1.name") to the
// line and column of its key or table header.
func tomlKeyPositions(src []byte, lineOffset int) map[string][2]int {
	out := map[string][2]int{}
	arrays := map[string]int{} // array-of-tables path -> elements seen
	var p unstable.Parser
	p.Reset(src)
	var table []string
	resolve := func(parts []string) []string {
		var path []string
		for _, part := range parts {
			path = append(path, part)
			if n, ok := arrays[strings.Join(path, ".")]; ok {
				path = append(path, strconv.Itoa(n-1))
			}
		}
		return path
	}
	keyOf := func(e *unstable.Node) (parts []string, line, col int) {
		it := e.Key()
		for it.Next() {
			k := it.Node()
			if len(parts) == 0 {
				s := p.Shape(k.Raw)
				line, col = s.Start.Line+lineOffset, s.Start.Column
			}
			parts = append(parts, string(k.Data))
		}
		return parts, line, col
	}
	for p.NextExpression() {
		e := p.Expression()
		parts, line, col := keyOf(e)
		switch e.Kind {
		case unstable.Table:
			table = resolve(parts)
			out[strings.Join(table, ".")] = [2]int{line, col}
		case unstable.ArrayTable:
			path := append(resolve(parts[:len(parts)-1]), parts[len(parts)-1])
			key := strings.Join(path, ".")
			arrays[key]++
			table = append(path, strconv.Itoa(arrays[key]-1))
			out[strings.Join(table, ".")] = [2]int{line, col}
		case unstable.KeyValue:
			out[strings.Join(append(slices.Clone(table), parts...), ".")] = [2]int{line, col}
		}
	}
	return out
}

func tomlNode(v any, path string, positions map[string][2]int, at [2]int) *Node {
	if p, ok := positions[path]; ok {
		at = p
	}
	n := &Node{Line: at[0], Col: at[1]}
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	switch v := v.(type) {
	case map[string]any:
		n.Kind = Map
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			child := tomlNode(v[k], join(k), positions, at)
			n.Fields = append(n.Fields, Field{Key: k, Line: child.Line, Col: child.Col, Value: child})
		}
	case []any:
		n.Kind = List
		for i, item := range v {
			n.Items = append(n.Items, tomlNode(item, join(strconv.Itoa(i)), positions, at))
		}
	case string:
		n.Kind, n.Str = String, v
	case int64:
		n.setInt(v)
	case float64:
		n.setFloat(v)
	case bool:
		n.setBool(v)
	case time.Time:
		n.setTime(v)
	case toml.LocalDate:
		n.setTime(v.AsTime(time.UTC))
	case toml.LocalDateTime:
		n.setTime(v.AsTime(time.UTC))
	case toml.LocalTime:
		n.Kind, n.Str = String, v.String()
	}
	return n
}
