package check

import (
	"encoding/json"
	"io"

	"github.com/opengov-fi/opengov/internal/diag"
)

// WriteText writes one finding a line, as diag.Error prints it:
// "file:line:col: [warning: ]message [code]".
func WriteText(w io.Writer, found diag.List) error { return found.Write(w) }

// WriteJSON writes the findings as a JSON array of objects with the keys
// file, line, col (0 when unknown), pos, severity, code, message and hint
// (see diag.Error's MarshalJSON).
func WriteJSON(w io.Writer, found diag.List) error {
	if found == nil {
		found = diag.List{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(found)
}
