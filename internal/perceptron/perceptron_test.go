package perceptron

import (
	"bytes"
	"slices"

	"github.com/lector-nlp/lector/internal/cputime"
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

// Score must add exactly the 12-bit requantised weights of the rows of
// the known features (the packed lanes and the Sums split are exact), for
// any number of labels and features.
func TestScoreExact(t *testing.T) {
	rng := uint64(1)
	next := func() uint64 { rng = Mix(rng + 0x9E3779B97F4A7C15); return rng }
	for _, nl := range []int{1, 3, 4, 17, 34, 45, 72, -45} {
		nf := 500
		if nl < 0 { // a table big enough for hugemem.Make
			nl, nf = -nl, 30000
		}
		labels := make([]string, nl)
		keys := make([]uint64, nf)
		w := make([]float32, nf*nl)
		for i := range keys {
			keys[i] = next()
			for j := 0; j < nl; j++ {
				if next()%3 == 0 {
					w[i*nl+j] = float32(int64(next()%20001)-10000) / 100
				}
			}
		}
		w[0] = 100 // the largest weight: 32767 when quantised
		m := NewModel(labels, keys, w, nil, nil)
		for trial := 0; trial < 50; trial++ {
			var feats []uint64
			want := make([]int64, nl)
			for k := int(next() % 150); k > 0; k-- {
				if next()%4 == 0 {
					feats = append(feats, next()) // unknown
					continue
				}
				r := int(next() % uint64(nf))
				feats = append(feats, keys[r])
				for j := 0; j < nl; j++ {
					want[j] += int64(quant12(m.w[r*nl+j]))
				}
			}
			got := make([]float32, nl)
			m.Score(feats, got)
			sc := m.scale * (1 << packShift)
			for j := range got {
				if got[j] != float32(want[j])*sc {
					t.Fatalf("%d labels: score[%d] = %v, want %v", nl, j, got[j], float32(want[j])*sc)
				}
			}
			var all Sums
			m.Add(&all, m.Find(feats, nil))
			if b, want := m.Best(&all), argmax(got); b != want {
				t.Fatalf("%d labels: Best = %d, want %d (%v)", nl, b, want, got)
			}
			// the same sum in two parts
			var s Sums
			h := len(feats) / 3
			m.Add(&s, m.Find(feats[:h], nil))
			s2 := s
			m.Add(&s2, m.Find(feats[h:], nil))
			got2 := make([]float32, nl)
			m.AddTo(&s2, got2)
			for j := range got {
				if got2[j] != got[j] {
					t.Fatalf("%d labels: split sum[%d] = %v, want %v", nl, j, got2[j], got[j])
				}
			}
		}
	}
}

// Best is the first label of highest score, as an argmax of AddTo, for
// any number of labels, ties included (weights from a small range).
func TestBestMatchesScores(t *testing.T) {
	rng := uint64(1)
	next := func() uint64 { rng = rng*6364136223846793005 + 1442695040888963407; return rng >> 33 }
	for _, n := range []int{1, 3, 4, 5, 17, 34, 45, 72} {
		nf := 200
		m, keys := testModel(n, nf, func(i int) float32 {
			w := float32(int(next()%7) - 3)
			if i == 0 {
				w = 600 // the others quantise to a few steps: many ties
			}
			return w
		})
		for trial := 0; trial < 300; trial++ {
			feats := make([]uint64, 1+next()%40)
			for i := range feats {
				feats[i] = keys[1+next()%uint64(nf-1)]
			}
			var s Sums
			m.Add(&s, m.Find(feats, nil))
			sc := make([]float32, n)
			m.AddTo(&s, sc)
			want := 0
			for i, v := range sc {
				if v > sc[want] {
					want = i
				}
			}
			if got := m.Best(&s); got != want {
				t.Fatalf("%d labels, trial %d: Best %d, scores %v", n, trial, got, sc)
			}
		}
	}
}

// A SumTable entry added to a Sums gives the same scores as adding the
// rows it was summed from, with other rows added before and after.
func TestSumTable(t *testing.T) {
	rng := uint64(7)
	next := func() uint64 { rng = rng*6364136223846793005 + 1442695040888963407; return rng >> 33 }
	for _, n := range []int{3, 17, 34, 45} {
		nf := 300 // (NewSumTable needs a padding lane: not 4, 8, ...)
		m, keys := testModel(n, nf, func(int) float32 { return float32(int(next()%2001) - 1000) })
		tab := NewSumTable(m, 2, 1, 50)
		type entry struct{ word, extra []uint64 }
		var es []entry
		for i := 0; i < 60; i++ {
			e := entry{make([]uint64, 1+next()%12), make([]uint64, next()%20)}
			for j := range e.word {
				e.word[j] = keys[next()%uint64(nf)]
			}
			for j := range e.extra {
				e.extra[j] = keys[next()%uint64(nf)]
			}
			var s Sums
			m.Add(&s, m.Find(e.word, nil))
			ok := tab.Put(uint64(i)*0x9E3779B97F4A7C15+1, uint64(i)<<20|5|1<<63, []uint64{uint64(i), ^uint64(i)}, &s)
			if ok != (i < 50) {
				t.Fatalf("Put %d: %v", i, ok)
			}
			es = append(es, e)
		}
		for i := 0; i < 60; i++ {
			k := uint64(i)*0x9E3779B97F4A7C15 + 1
			id := tab.Get(k)
			if i >= 50 {
				if id != -1 {
					t.Fatalf("entry %d found (table full)", i)
				}
				continue
			}
			if id < 0 || tab.Meta(id) != uint64(i)<<20|5|1<<63 || tab.Payload(id, 0) != uint64(i) || tab.Payload(id, 1) != ^uint64(i) {
				t.Fatalf("entry %d: id %d meta %x", i, id, tab.Meta(id))
			}
			var want, got Sums
			m.Add(&want, m.Find(es[i].extra, nil))
			m.Add(&want, m.Find(es[i].word, nil))
			m.Add(&got, m.Find(es[i].extra[:len(es[i].extra)/2], nil))
			tab.AddSums(&got, id, 0)
			m.Add(&got, m.Find(es[i].extra[len(es[i].extra)/2:], nil))
			ws, gs := make([]float32, n), make([]float32, n)
			m.AddTo(&want, ws)
			m.AddTo(&got, gs)
			for j := range ws {
				if ws[j] != gs[j] {
					t.Fatalf("%d labels, entry %d: scores %v, want %v", n, i, gs, ws)
				}
			}
			if m.Best(&want) != m.Best(&got) {
				t.Fatalf("%d labels, entry %d: best %d, want %d", n, i, m.Best(&got), m.Best(&want))
			}
		}
		if tab.Get(12345) != -1 {
			t.Fatal("unknown key found")
		}
	}
}

// BenchmarkBest picks the best of 45 labels (the tagger's) from sums of
// a dozen rows.
func BenchmarkBest(b *testing.B) {
	n, nf := 45, 1000
	rng := uint64(3)
	m, keys := testModel(n, nf, func(int) float32 {
		rng = rng*6364136223846793005 + 1442695040888963407
		return float32(int(rng>>33)%2001 - 1000)
	})
	sums := make([]Sums, 256)
	for i := range sums {
		feats := make([]uint64, 12)
		for j := range feats {
			rng = rng*6364136223846793005 + 1442695040888963407
			feats[j] = keys[(rng>>33)%uint64(nf)]
		}
		m.Add(&sums[i], m.Find(feats, nil))
	}
	x := 0
	defer cputime.LockThread()()
	c0 := cputime.Thread()
	for b.Loop() {
		for i := range sums {
			x += m.Best(&sums[i])
		}
	}
	b.ReportMetric(float64((cputime.Thread()-c0).Nanoseconds())/float64(b.N*len(sums)), "cpu-ns/best")
	if x < 0 {
		b.Fatal(x)
	}
}

// AddAll gives the same Sums as AddSums of each entry followed by Add of
// the rows, for entries of few and of many rows (more than packMax, which
// must be widened alone) and any number of rows; AddAllTo the same into
// another Sums.
func TestSumTableAddAll(t *testing.T) {
	rng := uint64(11)
	next := func() uint64 { rng = rng*6364136223846793005 + 1442695040888963407; return rng >> 33 }
	for _, n := range []int{3, 17, 34, 45} {
		nf := 400
		m, keys := testModel(n, nf, func(int) float32 { return float32(int(next()%2001) - 1000) })
		const vecs = 5
		tab := NewSumTable(m, 1, vecs, 40)
		var ids []int32
		for i := 0; i < 40; i++ {
			var s [vecs]Sums
			for v := range s {
				nk := next() % 4
				switch next() % 5 {
				case 0:
					nk = 0
				case 1:
					nk = 10 + next()%12 // (more than packMax rows, some)
				}
				feats := make([]uint64, nk)
				for j := range feats {
					feats[j] = keys[next()%uint64(nf)]
				}
				m.Add(&s[v], m.Find(feats, nil))
			}
			k := uint64(i)*0x9E3779B97F4A7C15 + 1
			if tab.Put(k, 0, []uint64{1}, &s[0], &s[1], &s[2], &s[3], &s[4]) {
				ids = append(ids, tab.Get(k))
			}
		}
		if len(ids) < 20 {
			t.Fatalf("%d labels: only %d entries", n, len(ids))
		}
		for trial := 0; trial < 2000; trial++ {
			first := int(next() % 2)
			ents := make([]int32, next()%uint64(vecs-first+1))
			for k := range ents {
				ents[k] = -1
				if next()%4 != 0 {
					ents[k] = ids[next()%uint64(len(ids))]
				}
			}
			feats := make([]uint64, next()%40)
			for j := range feats {
				feats[j] = keys[next()%uint64(nf)]
			}
			rows := m.Find(feats, nil)
			var base Sums
			m.Add(&base, m.Find([]uint64{keys[trial%nf], keys[(trial*7)%nf]}, nil))
			want, got := base, base
			for k, e := range ents {
				if e >= 0 {
					tab.AddSums(&want, e, first+k)
				}
			}
			m.Add(&want, rows)
			before := base
			var to Sums
			tab.AddAllTo(&to, &base, ents, first, rows)
			tab.AddAll(&got, ents, first, rows)
			if got != want {
				t.Fatalf("%d labels, trial %d (ents %v, first %d, %d rows): sums differ", n, trial, ents, first, len(rows))
			}
			if base != before || to.rows != want.rows || !slices.Equal(to.wide[:2*m.pw], want.wide[:2*m.pw]) {
				t.Fatalf("%d labels, trial %d: AddAllTo's sums differ (base changed: %v)", n, trial, base != before)
			}
		}
	}
}

// FindRuns gives the rows and run ends of a Find per run.
func TestFindRuns(t *testing.T) {
	keys := make([]uint64, 500)
	for i := range keys {
		keys[i] = Mix(uint64(i + 1))
	}
	m := NewModel(make([]string, 5), keys, make([]float32, 5*len(keys)), nil, nil)
	rng := uint64(5)
	next := func(k int) int { rng = rng*6364136223846793005 + 1442695040888963407; return int(rng>>33) % k }
	for trial := 0; trial < 200; trial++ {
		var feats []uint64
		var ends []int
		for range next(20) {
			for range next(8) {
				if next(2) == 0 {
					feats = append(feats, keys[next(len(keys))])
				} else {
					feats = append(feats, Mix(uint64(next(1<<20))+1<<40)) // (not in the model)
				}
			}
			ends = append(ends, len(feats))
		}
		prefix := []int32{7, 8}
		want, wantEnds := slices.Clone(prefix), make([]int, len(ends))
		start := 0
		for i, end := range ends {
			want = m.Find(feats[start:end], want)
			wantEnds[i], start = len(want), end
		}
		got := m.FindRuns(feats, ends, slices.Clone(prefix))
		if !slices.Equal(got, want) || !slices.Equal(ends, wantEnds) {
			t.Fatalf("trial %d: rows %v ends %v, want %v %v", trial, got, ends, want, wantEnds)
		}
	}
}

// testModel returns a model of n labels over nf features keyed Mix(1),
// Mix(2), ..., whose weights, feature by feature and label by label, are
// weight(0), weight(1), ..., and its keys.
func testModel(n, nf int, weight func(i int) float32) (*Model, []uint64) {
	keys := make([]uint64, nf)
	for i := range keys {
		keys[i] = Mix(uint64(i + 1))
	}
	w := make([]float32, nf*n)
	for i := range w {
		w[i] = weight(i)
	}
	return NewModel(make([]string, n), keys, w, nil, nil), keys
}

// bestLanes (assembly on amd64) returns bestLanesGo's label for 1 to 72
// lanes with many ties and lanes up to 2^24, and garbage past the last
// label.
func TestBestLanes(t *testing.T) {
	rng := uint64(13)
	next := func() uint64 { rng = rng*6364136223846793005 + 1442695040888963407; return rng >> 33 }
	for trial := 0; trial < 20000; trial++ {
		n := 1 + int(next()%72)
		top := uint64(1) << (1 + next()%24)
		ws := make([]uint64, 2*((n+3)/4))
		for i := range ws {
			ws[i] = next()%top | next()%top<<32
		}
		if got, want := bestLanes(ws, n), bestLanesGo(ws, n); got != want {
			t.Fatalf("trial %d, %d labels: label %d, want %d (%x)", trial, n, got, want, ws)
		}
	}
}
