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

// FuzzAppendString checks that the records' strings, and the document
// that holds the records, are written as encoding/json writes them, so
// that the open data's bytes do not depend on which of the two wrote them.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", `"quoted" \ back`, "<a href='x'>&</a>", "tab\tnew\nline\r\b\f\x00\x1f\x7f",
		"ä ö å – ”Finnish”", "\u2028\u2029", "bad \xff\xfe utf-8", "\xe2\x80", "emoji 🎉"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendString(nil, s)), encodingJSON(s); got != want {
			t.Errorf("appendString(%q) = %s, encoding/json writes %s", s, got, want)
		}
		// The string as a member's name and value, in lists and objects
		// among empty ones, in records of the document.
		var rec []byte
		for _, part := range []string{`{"a":`, "", `,"b":[`, "", `,{},[],1,true,null],"c":{"d":[],"e":{},"f":[{}]},`, "", `:{"g":-2.5e3}}`} {
			if part == "" {
				rec = appendString(rec, s)
				continue
			}
			rec = append(rec, part...)
		}
		recs := []json.RawMessage{rec, rec}
		got := appendDocument(nil, s, "https://example.org/"+s, "records", recs)
		want, err := marshal(map[string]any{"language": s, "source": "https://example.org/" + s, "licence": Licence, "licence_url": LicenceURL, "records": recs})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("the document of %q is\n%s\nencoding/json writes\n%s", s, got, want)
		}
		if got := appendDocument(nil, "fi", "x", "commitments", nil); string(got) != "{\n  \"commitments\": [],\n  \"language\": \"fi\",\n  \"licence\": \"CC BY 4.0\",\n  \"licence_url\": \""+LicenceURL+"\",\n  \"source\": \"x\"\n}\n" {
			t.Errorf("the document of no records is\n%s", got)
		}
	})
}
