package nlptest

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// NewsFiles returns the files under data that match globs (relative to
// data), sorted; tb fails when none does. Dumps of an analyser's output on
// unlabelled news, compared before and after a change, read them.
func NewsFiles(tb testing.TB, data string, globs ...string) []string {
	tb.Helper()
	var files []string
	for _, g := range globs {
		m, err := filepath.Glob(filepath.Join(data, g))
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		tb.Fatalf("no articles under %s", data)
	}
	slices.Sort(files)
	return files
}

// DumpNews writes to the file out what dump writes for each of files,
// given the file's path and text, in that order; an error fails tb.
func DumpNews(tb testing.TB, out string, files []string, dump func(w io.Writer, path, text string)) {
	tb.Helper()
	f, err := os.Create(out)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		dump(w, p, string(b))
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}
