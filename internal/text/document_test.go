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
