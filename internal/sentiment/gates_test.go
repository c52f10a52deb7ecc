package sentiment

import (
	"testing"
)

// TestRecordGates checks that the shipped model's gate weights read from
// its word records (the path a loaded model takes) score targets exactly
// as the per-word gate table (folded.gate, the path of a model without
// records) does, and that the gates matter.
func TestRecordGates(t *testing.T) {
	mustLoad(t)
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	f := m.fd
	if f == nil || f.gate == nil || f.recs == nil || f.dfac != nil {
		t.Fatalf("the shipped model's gates are not in its word records")
	}
	cases := []struct{ text, target string }{
		{"Critics accused Governor Tamsin Reyes of wasting millions on a failed stadium, and her allies deserted her.", "Tamsin Reyes"},
		{"The striker Paulo Ferreira scored twice and was cheered by thousands of delighted fans.", "Paulo Ferreira"},
		{"Analysts said the merger between Halvorsen Group and its rival would close in the spring.", "Halvorsen Group"},
		{"Ministers praised the Oduya Foundation for its tireless work, though some critics called its methods reckless.", "Oduya Foundation"},
	}
	type result struct{ rec, table, ungated [numClasses]float64 }
	res := make([]result, len(cases))
	for i, c := range cases {
		doc := analyze(c.text)
		res[i].rec = m.TargetProbs(doc, spansOf(c.text, c.target))
	}
	recs := f.recs
	f.recs = nil
	for i, c := range cases {
		doc := analyze(c.text)
		res[i].table = m.TargetProbs(doc, spansOf(c.text, c.target))
	}
	gate := f.gate
	f.gate = nil
	for i, c := range cases {
		doc := analyze(c.text)
		res[i].ungated = m.TargetProbs(doc, spansOf(c.text, c.target))
	}
	f.recs, f.gate = recs, gate
	differ := false
	for i, r := range res {
		if r.rec != r.table {
			t.Errorf("%s: probabilities %v with the records' gates, %v with the gate table", cases[i].target, r.rec, r.table)
		}
		differ = differ || r.rec != r.ungated
	}
	if !differ {
		t.Error("the gates change no score")
	}
}
