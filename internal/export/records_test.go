package export

import (
	"bytes"
	"encoding/json"
	"testing"
)

// encodingJSON is how marshal writes a string.
func encodingJSON(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// FuzzAppendString checks that the records' strings are written as
// encoding/json writes them, so that the open data's bytes do not depend
// on which of the two wrote them.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", `"quoted" \ back`, "<a href='x'>&</a>", "tab\tnew\nline\r\b\f\x00\x1f\x7f",
		"ä ö å – ”Finnish”", "\u2028\u2029", "bad \xff\xfe utf-8", "\xe2\x80", "emoji 🎉"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendString(nil, s)), encodingJSON(s); got != want {
			t.Errorf("appendString(%q) = %s, encoding/json writes %s", s, got, want)
		}
	})
}
