package main

import (
	"bytes"
	"regexp"
	"testing"
)

func TestVocabListsIDsAndLabels(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"vocab", "--source", "../.."}, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for _, row := range []string{`(?m)^themes$`, `(?m)^  id +fi +en$`, `(?m)^  trust +Luottamus +Trust$`, `(?m)^countries$`, `(?m)^  FI +\S`} {
		if !regexp.MustCompile(row).Match(out.Bytes()) {
			t.Errorf("no line matching %s in\n%s", row, out.String())
		}
	}
	if code := run([]string{"vocab", "--source", t.TempDir()}, &out, &errOut); code != exitErrors {
		t.Errorf("without a site: exit %d, want %d", code, exitErrors)
	}
}
