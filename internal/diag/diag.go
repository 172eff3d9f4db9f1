// Package diag carries the problems every stage reports, errors and
// warnings, each pointing at a place in a source file with a severity, a
// documented code and a hint, so that the build, opengov check, the
// terminal and the browser overlay report them one way:
// "file:line:col: [warning: ]message (hint)". Problems are collected into a
// List and sorted, never returned first-fail; Suggest gives the
// "did you mean" of their hints.
package diag

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

// Severity tells how bad a problem is. The zero value is SeverityError.
type Severity uint8

// The severities. An error stops the build (and makes opengov check exit
// 1); a warning is reported, and the site builds.
const (
	SeverityError Severity = iota
	SeverityWarning
)

func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// MarshalText writes the severity's name, "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Error is one problem at one place: an error or a warning, with an
// optional hint telling the editor what to do about it and, for the kinds
// of problem listed in codes.go, a code naming the kind. The build, opengov
// check, the terminal and the browser overlay all report problems as
// Errors, and print them as Error does.
type Error struct {
	Pos      Pos
	Severity Severity
	Code     Code
	Msg      string
	Hint     string
	// Excerpt is the source line at Pos with a caret under the column. The
	// program that prints the error adds it, as only it reads the file.
	Excerpt string
}

// Error writes the problem on one line:
//
//	content/x.fi.md:9:8: unknown level "kunta" (allowed: ...)
//	content/x.en.md:5:14: warning: translation is stale (...)
//
// An error has no word for its severity, as compilers print them; a
// warning says "warning:". The hint is in parentheses. The code is for
// tools and is left out, as it tells an editor nothing the message does
// not: JSON carries it (see MarshalJSON).
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Pos.String())
	b.WriteString(": ")
	if e.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString(" (" + e.Hint + ")")
	}
	return b.String()
}

// jsonError is an Error as JSON: what opengov check --format json writes
// and the browser overlay reads.
type jsonError struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Col      int      `json:"col"`
	Pos      string   `json:"pos"` // "file:line:col", as printed
	Severity Severity `json:"severity"`
	Code     Code     `json:"code,omitempty"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
	Excerpt  string   `json:"excerpt,omitempty"`
}

// UnmarshalJSON reads what MarshalJSON writes.
func (e *Error) UnmarshalJSON(data []byte) error {
	var j jsonError
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*e = Error{Pos: Pos{File: j.File, Line: j.Line, Col: j.Col}, Severity: j.Severity, Code: j.Code, Msg: j.Message, Hint: j.Hint, Excerpt: j.Excerpt}
	return nil
}

// UnmarshalText reads "error" or "warning".
func (s *Severity) UnmarshalText(text []byte) error {
	switch string(text) {
	case "error":
		*s = SeverityError
	case "warning":
		*s = SeverityWarning
	default:
		return fmt.Errorf("unknown severity %q", text)
	}
	return nil
}

// MarshalJSON writes the error as an object with the keys file, line, col
// (0 when unknown), pos, severity, code, message, hint and excerpt.
func (e *Error) MarshalJSON() ([]byte, error) {
	return json.Marshal(jsonError{File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Pos: e.Pos.String(),
		Severity: e.Severity, Code: e.Code, Message: e.Msg, Hint: e.Hint, Excerpt: e.Excerpt})
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

// Sort orders errors by file, line, column, code and message, and drops
// exact duplicates, so output is stable however the errors were found. It
// returns a new list and leaves l as it was.
func (l List) Sort() List {
	l = slices.Clone(l)
	slices.SortFunc(l, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.CompactFunc(l, func(a, b *Error) bool { return *a == *b })
}

// Count returns how many of the list are errors and how many warnings.
func (l List) Count() (errors, warnings int) {
	for _, e := range l {
		if e.Severity == SeverityWarning {
			warnings++
		} else {
			errors++
		}
	}
	return errors, warnings
}

// Write prints the list one problem a line, as Error does, each followed
// by its excerpt where it has one.
func (l List) Write(w io.Writer) error {
	var b strings.Builder
	for _, e := range l {
		b.WriteString(e.Error())
		b.WriteByte('\n')
		if e.Excerpt != "" {
			b.WriteString(e.Excerpt)
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
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
