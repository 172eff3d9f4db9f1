package content

import "bytes"

var (
	yamlDelim = []byte("---")
	tomlDelim = []byte("+++")
)

// splitFrontMatter finds the front matter of src: after any blank lines,
// a line --- (YAML) or +++ (TOML), then everything up to the next line
// that is the same delimiter; spaces around a delimiter do not count.
// It returns the front matter's text and format and where the body
// starts, just after the closing line (which alone may end the file
// without a newline); ok is false when there is no front matter or it is
// not closed. The rules are adrg/frontmatter's, which the loader used
// before (FuzzSplitFrontMatter compares the two); cutting src in place
// spares that library's copies of the whole file.
func splitFrontMatter(src []byte) (raw []byte, format string, bodyStart int, ok bool) {
	pos := 0
	var delim []byte
	for delim == nil {
		end := bytes.IndexByte(src[pos:], '\n')
		if end < 0 {
			return nil, "", 0, false // the opening line must end with a newline
		}
		line := bytes.TrimSpace(src[pos : pos+end])
		pos += end + 1
		switch {
		case len(line) == 0:
		case bytes.Equal(line, yamlDelim):
			delim, format = yamlDelim, "yaml"
		case bytes.Equal(line, tomlDelim):
			delim, format = tomlDelim, "toml"
		default:
			return nil, "", 0, false
		}
	}
	start := pos
	for pos < len(src) {
		next := len(src)
		if end := bytes.IndexByte(src[pos:], '\n'); end >= 0 {
			next = pos + end + 1
		}
		if bytes.Equal(bytes.TrimSpace(src[pos:next]), delim) {
			return src[start:pos], format, next, true
		}
		pos = next
	}
	return nil, "", 0, false
}
