package perceptron

import (
	"bytes"
	"math"
	"testing"
)

// train a tiny separable problem and check the model scores, survives a
// write/read round trip and joins with another model.
func TestTrainWriteReadJoin(t *testing.T) {
	labels := []string{"A", "B", "C"}
	tr := NewTrainer(labels)
	data := []struct {
		feats []uint64
		label int
	}{
		{[]uint64{Mix(1), Mix(2)}, 0},
		{[]uint64{Mix(3), Mix(2)}, 1},
		{[]uint64{Mix(4)}, 2},
	}
	for ep := 0; ep < 10; ep++ {
		for _, d := range data {
			rows := make([]int32, len(d.feats))
			for i, f := range d.feats {
				rows[i] = tr.Index(f, true)
			}
			sc := make([]float32, len(labels))
			tr.Score(rows, sc)
			best := argmax(sc)
			tr.Tick()
			if best != d.label {
				tr.Update(rows, d.label, 1)
				tr.Update(rows, best, -1)
			}
		}
	}
	tr.UpdateTrans(0, 1, 2)
	m := tr.Model(0)
	check := func(m *Model, name string) {
		for _, d := range data {
			sc := make([]float32, m.NLabels)
			m.Score(d.feats, sc)
			if got := argmax(sc[:3]); got != d.label {
				t.Errorf("%s: %v scored %v, want label %d", name, d.feats, sc, d.label)
			}
		}
	}
	check(m, "trained")
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	check(m2, "read")
	if m2.Features() != m.Features() || math.Abs(float64(m2.Trans[1]-m.Trans[1])) > 1e-6 {
		t.Errorf("round trip: %d/%d features, trans %v/%v", m2.Features(), m.Features(), m2.Trans[1], m.Trans[1])
	}
	j := Join(m, m2)
	check(j, "joined")
	sc := make([]float32, 6)
	j.Score(data[0].feats, sc)
	if math.Abs(float64(sc[0]-sc[3])) > 1e-3 || math.Abs(float64(sc[1]-sc[4])) > 1e-3 {
		t.Errorf("joined halves differ: %v", sc)
	}
	if _, err := Read(bytes.NewReader([]byte("not a model"))); err == nil {
		t.Error("reading garbage: no error")
	}
}

func argmax(s []float32) int {
	b := 0
	for i, v := range s {
		if v > s[b] {
			b = i
		}
	}
	return b
}
