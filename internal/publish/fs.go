package publish

import (
	"io/fs"
	"os"
)

// FS reads the files written into the staging folder so far, for a stage
// that works on the built pages before the swap (the search index).
func (s *Stage) FS() fs.FS { return os.DirFS(s.root) }
