package perceptron

// Trainer trains an averaged perceptron over hashed features. Feature keys
// are mapped to dense rows; rows 0..NLabels hold the transition weights
// (row 0 = sequence start, row i+1 = previous label i).
type Trainer struct {
	Labels []string
	n      int
	index  map[uint64]int32
	keys   []uint64
	w      []float32
	acc    []float64
	ts     []int32
	c      int32
}

// NewTrainer returns a trainer for the given labels.
func NewTrainer(labels []string) *Trainer {
	t := &Trainer{Labels: labels, n: len(labels), index: map[uint64]int32{}}
	for i := 0; i <= t.n; i++ {
		t.addRow(0)
	}
	return t
}

func (t *Trainer) addRow(k uint64) int32 {
	r := int32(len(t.keys))
	t.keys = append(t.keys, k)
	for i := 0; i < t.n; i++ {
		t.w = append(t.w, 0)
		t.acc = append(t.acc, 0)
		t.ts = append(t.ts, 0)
	}
	return r
}

// Index returns the row of feature k, adding it when add is set; -1 when
// the feature is unknown.
func (t *Trainer) Index(k uint64, add bool) int32 {
	if r, ok := t.index[k]; ok {
		return r
	}
	if !add {
		return -1
	}
	r := t.addRow(k)
	t.index[k] = r
	return r
}

// Len returns the number of feature rows.
func (t *Trainer) Len() int { return len(t.keys) - t.n - 1 }

// Score adds the current weights of rows to scores.
func (t *Trainer) Score(rows []int32, scores []float32) {
	for _, r := range rows {
		if r < 0 {
			continue
		}
		row := t.w[int(r)*t.n : int(r+1)*t.n]
		for i, v := range row {
			scores[i] += v
		}
	}
}

// Trans returns the current weight of label cur after label prev (-1 = start).
func (t *Trainer) Trans(prev, cur int) float32 { return t.w[(prev+1)*t.n+cur] }

func (t *Trainer) upd(i int, d float32) {
	t.acc[i] += float64(t.c-t.ts[i]) * float64(t.w[i])
	t.ts[i] = t.c
	t.w[i] += d
}

// Update adds d to the weight of label for each of rows.
func (t *Trainer) Update(rows []int32, label int, d float32) {
	for _, r := range rows {
		if r >= 0 {
			t.upd(int(r)*t.n+label, d)
		}
	}
}

// UpdateTrans adds d to the transition weight prev -> cur (prev -1 = start).
func (t *Trainer) UpdateTrans(prev, cur int, d float32) { t.upd((prev+1)*t.n+cur, d) }

// Tick advances the averaging clock by one instance.
func (t *Trainer) Tick() { t.c++ }

// Averaged returns the averaged weights (all rows, transitions first).
func (t *Trainer) Averaged() []float32 {
	avg := make([]float32, len(t.w))
	c := float64(max(t.c, 1))
	for i := range t.w {
		a := t.acc[i] + float64(t.c-t.ts[i])*float64(t.w[i])
		avg[i] = float32(a / c)
	}
	return avg
}

// Model returns the averaged model, leaving out rows whose weights are all
// below minAbs in magnitude.
func (t *Trainer) Model(minAbs float32) *Model {
	return t.ModelFrom(t.Averaged(), minAbs)
}

// ModelFrom builds a model from weights laid out as Averaged returns them
// (for instance the mean of several trainers with the same feature rows).
func (t *Trainer) ModelFrom(avg []float32, minAbs float32) *Model {
	n := t.n
	start := append([]float32(nil), avg[0:n]...)
	trans := append([]float32(nil), avg[n:(n+1)*n]...)
	var keys []uint64
	var w []float32
	for r := n + 1; r < len(t.keys); r++ {
		row := avg[r*n : (r+1)*n]
		keep := false
		for _, v := range row {
			if v > minAbs || v < -minAbs {
				keep = true
				break
			}
		}
		if keep {
			keys = append(keys, t.keys[r])
			w = append(w, row...)
		}
	}
	return NewModel(t.Labels, keys, w, trans, start)
}

// StartView returns the live start weights (read-only use).
func (t *Trainer) StartView() []float32 { return t.w[0:t.n] }

// TransView returns the live transition weights, [prev*n+cur].
func (t *Trainer) TransView() []float32 { return t.w[t.n : (t.n+1)*t.n] }
