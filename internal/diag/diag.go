// Package diag carries build errors that point at a place in a source file,
// so that every stage reports problems the same way: "file:line:col: message".
// Errors are collected into a List and sorted, never returned first-fail.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Pos is a position in a source file. Line and Col are 1-based; zero means
// unknown, and is left out when printed.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one problem at one place, with an optional hint telling the
// editor what to do about it.
type Error struct {
	Pos  Pos
	Msg  string
	Hint string
}

func (e *Error) Error() string {
	s := e.Pos.String() + ": " + e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// Errorf makes an Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// List is a collection of errors. Its zero value is ready to use.
type List []*Error

// Add appends an error.
func (l *List) Add(pos Pos, format string, args ...any) *Error {
	e := Errorf(pos, format, args...)
	*l = append(*l, e)
	return e
}

// Append adds err to the list: a *Error or List as it is, any other error at
// the given position.
func (l *List) Append(pos Pos, err error) {
	if err == nil {
		return
	}
	var list List
	var one *Error
	switch {
	case errors.As(err, &list):
		*l = append(*l, list...)
	case errors.As(err, &one):
		*l = append(*l, one)
	default:
		*l = append(*l, &Error{Pos: pos, Msg: err.Error()})
	}
}

// Sort orders errors by file, line, column and message, and drops exact
// duplicates, so output is stable however the errors were found. It returns
// a new list and leaves l as it was.
func (l List) Sort() List {
	l = slices.Clone(l)
	slices.SortFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.CompactFunc(l, func(a, b *Error) bool { return *a == *b })
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l.Sort()
}

func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// LineCol converts a byte offset in src to a 1-based line and column. The
// column counts characters (runes), as editors do.
func LineCol(src []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(src))
	line = 1 + strings.Count(string(src[:offset]), "\n")
	start := strings.LastIndexByte(string(src[:offset]), '\n') + 1
	col = 1 + len([]rune(string(src[start:offset])))
	return line, col
}
