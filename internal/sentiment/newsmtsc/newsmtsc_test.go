package newsmtsc

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestReadOffsets(t *testing.T) {
	// a made-up line: code-point offsets past a multi-byte character
	line := `{"primary_gid": "x", "sentence_normalized": "Café owner Ana Ruiz praised Mayor Lee.", "targets": [{"Input.gid": "x", "from": 11, "to": 19, "mention": "Ana Ruiz", "polarity": 4.0}, {"Input.gid": "y", "from": 28, "to": 37, "mention": "Mayor Lee", "polarity": 6.0, "further_mentions": [{"from": 0, "to": 4, "mention": "Café"}]}]}` + "\n"
	path := filepath.Join(t.TempDir(), "x.jsonl")
	if err := os.WriteFile(path, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	ss, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 1 || len(ss[0].Targets) != 2 {
		t.Fatalf("got %+v", ss)
	}
	s := ss[0]
	for _, tg := range s.Targets {
		if got := s.Text[tg.Span.Start:tg.Span.End]; got != tg.Mention {
			t.Errorf("span text %q, want %q", got, tg.Mention)
		}
	}
	if s.Targets[0].Label != Neutral || s.Targets[1].Label != Positive {
		t.Errorf("labels %d %d", s.Targets[0].Label, s.Targets[1].Label)
	}
	if f := s.Targets[1].Further; len(f) != 1 || s.Text[f[0].Start:f[0].End] != "Café" {
		t.Errorf("further mentions %v", f)
	}
}

func TestEvaluate(t *testing.T) {
	gold := []int{0, 0, 1, 1, 2, 2}
	pred := []int{0, 1, 1, 1, 2, 0}
	r := Evaluate(gold, pred)
	if math.Abs(r.Accuracy-4.0/6) > 1e-9 {
		t.Errorf("accuracy %v", r.Accuracy)
	}
	// negative P 1/2 R 1/2; neutral P 2/3 R 1; positive P 1 R 1/2
	want := (0.5 + 0.8 + 2.0/3) / 3
	if math.Abs(r.MacroF1-want) > 1e-9 {
		t.Errorf("macro-F1 %v, want %v", r.MacroF1, want)
	}
}
