package content

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/opengov-fi/opengov/internal/diag"
)

// utf8BOM is the byte-order mark some editors (Windows Notepad) put at the
// start of a UTF-8 file.
var utf8BOM = []byte("\xef\xbb\xbf")

// normalize returns src without a UTF-8 byte-order mark and with bare-CR
// line endings (classic Mac) turned into LF, so that every later stage
// counts lines by LF. CRLF is kept: it counts right as it is. src is
// changed only when it has a bare CR.
func normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, utf8BOM)
	i := bytes.IndexByte(src, '\r')
	if i < 0 {
		return src
	}
	out := bytes.Clone(src)
	for ; i < len(out); i++ {
		if out[i] == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

// checkUTF8 reports the first byte of src that is not UTF-8, at its line
// and column.
func checkUTF8(src []byte, file string) diag.List {
	if utf8.Valid(src) {
		return nil
	}
	hint := "the file is in another encoding (Latin-1 or Windows-1252, say): open it in your editor and save it again with the encoding UTF-8"
	if bytes.HasPrefix(src, []byte("\xff\xfe")) || bytes.HasPrefix(src, []byte("\xfe\xff")) {
		return diag.List{{Pos: diag.Pos{File: file, Line: 1, Col: 1}, Msg: "the file is not UTF-8 but UTF-16 (\"Unicode\" in Notepad)",
			Hint: "save it again with the encoding UTF-8"}}
	}
	off := 0
	for off < len(src) {
		r, size := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		off += size
	}
	line, col := diag.LineCol(src, off)
	return diag.List{{Pos: diag.Pos{File: file, Line: line, Col: col},
		Msg: fmt.Sprintf("the file is not UTF-8: byte 0x%02x here is not UTF-8 text", src[off]), Hint: hint}}
}
