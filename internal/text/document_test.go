package text

import (
	"context"
	"testing"
)

func TestDocumentErr(t *testing.T) {
	d := Analyze("One sentence. Two sentences.")
	if d.Err() != nil {
		t.Fatalf("Err without a context = %v", d.Err())
	}
	ctx, cancel := context.WithCancel(context.Background())
	d.WithContext(ctx)
	if d.Err() != nil {
		t.Fatalf("Err before cancel = %v", d.Err())
	}
	cancel()
	if d.Err() != context.Canceled {
		t.Fatalf("Err after cancel = %v, want context.Canceled", d.Err())
	}
}

// cancelAfter is a context that reports itself cancelled from its n-th
// Err call on, counting the calls.
type cancelAfter struct {
	context.Context
	n, calls int
}

func (c *cancelAfter) Err() error {
	c.calls++
	if c.calls >= c.n {
		return context.Canceled
	}
	return nil
}

// TestAnalyzeContext: the tokeniser asks its context while it reads a long
// text and stops once it is done; with a live context the document equals
// Analyze's, tokens and sentences alike, and is tied to the context.
func TestAnalyzeContext(t *testing.T) {
	var b []byte
	for len(b) < 1<<20 {
		b = append(b, "The mayor said on Monday that the &amp; council’s plan, worth $1.5bn, would go ahead.\nIt was \"a good day\".\n\n"...)
	}
	s := string(b)
	want := Analyze(s)
	got, err := AnalyzeContext(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Tokens) != len(want.Tokens) || len(got.Sentences) != len(want.Sentences) || len(got.Paragraphs) != len(want.Paragraphs) {
		t.Fatalf("AnalyzeContext: %d tokens, %d sentences, %d paragraphs; Analyze: %d, %d, %d", len(got.Tokens), len(got.Sentences), len(got.Paragraphs),
			len(want.Tokens), len(want.Sentences), len(want.Paragraphs))
	}
	for i := range want.Tokens {
		if got.Tokens[i] != want.Tokens[i] {
			t.Fatalf("token %d: %+v, want %+v", i, got.Tokens[i], want.Tokens[i])
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	if got, _ = AnalyzeContext(ctx, s); got.Err() != nil {
		t.Fatalf("Err before cancel = %v", got.Err())
	}
	cancel()
	if got.Err() != context.Canceled {
		t.Fatalf("the document is not tied to its context: Err = %v", got.Err())
	}

	c := &cancelAfter{Context: context.Background(), n: 3}
	if d, err := AnalyzeContext(c, s); err != context.Canceled || d != nil {
		t.Fatalf("cancelled while tokenising: %v, %v; want no document and context.Canceled", d, err)
	}
	if c.calls != 3 {
		t.Fatalf("the tokeniser asked its context %d times, want it to stop at the 3rd (of about %d)", c.calls, len(s)/checkEvery)
	}
}
