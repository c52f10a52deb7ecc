package extract

import (
	"errors"
	"testing"
	"unicode/utf8"
)

func FuzzHTML(f *testing.F) {
	f.Add([]byte("<html><body><p>A short paragraph with a few words in it. And a second sentence here.</p></body></html>"))
	f.Add([]byte("<p>unclosed <b>tags <i>everywhere"))
	f.Add([]byte("<div><div><div><table><tr><td><p>cell text that goes on for a while, with words.</td></tr></table>"))
	f.Add([]byte("\xff\xfe\x00binary"))
	f.Fuzz(func(t *testing.T, page []byte) {
		check(t, page)
		defer func(v int) { maxWeight = v }(maxWeight)
		maxWeight = 0 // every page by the large-page path too
		check(t, page)
	})
}

func check(t *testing.T, page []byte) {
	res, err := HTML(page, "")
	if err != nil {
		if !errors.Is(err, ErrNoContent) && res != nil {
			t.Fatalf("result and error both set: %v", err)
		}
		return
	}
	if !utf8.ValidString(res.Text) {
		t.Fatalf("text is not valid UTF-8: %q", res.Text)
	}
	if res.Text == "" {
		t.Fatal("empty text without ErrNoContent")
	}
}
