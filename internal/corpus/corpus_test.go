package corpus

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

func writeGzip(t *testing.T, path, s string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadGzip(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.gz")
	writeGzip(t, p, "hello, gzip\n")
	b, err := ReadGzip(p)
	if err != nil || string(b) != "hello, gzip\n" {
		t.Fatalf("ReadGzip = %q, %v", b, err)
	}
	if _, err := ReadGzip(filepath.Join(dir, "missing.gz")); err == nil {
		t.Fatal("no error for a missing file")
	}
	os.WriteFile(filepath.Join(dir, "plain.gz"), []byte("not gzip"), 0o644)
	if _, err := ReadGzip(filepath.Join(dir, "plain.gz")); err == nil {
		t.Fatal("no error for a file that is not gzip")
	}
}

func TestReutersElements(t *testing.T) {
	dir := t.TempDir()
	// Written out of name order: the result follows the file names.
	writeGzip(t, filepath.Join(dir, "b-001.sgm.gz"),
		"<REUTERS><TEXT><TITLE>Third</TITLE><BODY>three\n&lt;X&gt;</BODY></TEXT></REUTERS>")
	writeGzip(t, filepath.Join(dir, "a-000.sgm.gz"),
		"<REUTERS><TEXT><TITLE>First</TITLE><BODY>one\nline two</BODY></TEXT></REUTERS>\n"+
			"<REUTERS><TEXT><BODY>two</BODY></TEXT></REUTERS>")
	writeGzip(t, filepath.Join(dir, "ignored.txt.gz"), "<BODY>not read</BODY>")

	bodies, err := ReutersBodies(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"one\nline two", "two", "three\n&lt;X&gt;"}
	if len(bodies) != len(want) {
		t.Fatalf("got %d bodies %q, want %q", len(bodies), bodies, want)
	}
	for i, b := range bodies {
		if string(b) != want[i] {
			t.Errorf("body %d = %q, want %q", i, b, want[i])
		}
	}

	els, err := ReutersElements(dir, "TITLE", "BODY")
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"First", "one\nline two", "two", "Third", "three\n&lt;X&gt;"}
	if len(els) != len(want) {
		t.Fatalf("got %d elements %q, want %q", len(els), els, want)
	}
	for i, b := range els {
		if string(b) != want[i] {
			t.Errorf("element %d = %q, want %q", i, b, want[i])
		}
	}
}
