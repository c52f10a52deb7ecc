package gbdt

import (
	"fmt"
	"math"
	"math/rand"
	"testing"

	"github.com/lector-nlp/lector/internal/cputime"
)

// TestTrainXOR checks that boosting learns an interaction a linear model cannot.
func TestTrainXOR(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var X [][]float64
	var y []float64
	for i := 0; i < 4000; i++ {
		a, b := rng.Float64(), rng.Float64()
		X = append(X, []float64{a, b, rng.Float64()})
		if (a > 0.5) != (b > 0.5) {
			y = append(y, 1)
		} else {
			y = append(y, 0)
		}
	}
	e := Train(X, y, nil, Options{Trees: 50, Depth: 3, Rate: 0.3, Lambda: 1, MinHess: 1, Bins: 32})
	wrong := 0
	for i, x := range X {
		if (e.Predict(x) > 0) != (y[i] == 1) {
			wrong++
		}
	}
	if wrong > len(X)/20 {
		t.Errorf("%d of %d training rows misclassified", wrong, len(X))
	}
	if p := e.Predict([]float64{0.9, 0.1, 0.5}); p <= 0 {
		t.Errorf("Predict(0.9, 0.1) = %v, want > 0", p)
	}
	if p := e.Predict([]float64{0.9, 0.9, 0.5}); p >= 0 {
		t.Errorf("Predict(0.9, 0.9) = %v, want < 0", p)
	}
}

// TestCompileExact checks that the compiled ensemble returns bit for bit
// what the node-by-node walk returns, with trees of uneven depth and
// inputs on the thresholds, infinite or NaN.
func TestCompileExact(t *testing.T) {
	for _, depth := range []int{3, 4, 5} {
		t.Run(fmt.Sprint("depth", depth), func(t *testing.T) { testCompileExact(t, depth) })
	}
}

func testCompileExact(t *testing.T, depth int) {
	rng := rand.New(rand.NewSource(2))
	var X [][]float64
	var y []float64
	for i := 0; i < 3000; i++ {
		x := []float64{rng.Float64(), float64(rng.Intn(4)), rng.NormFloat64(), rng.Float64()}
		X = append(X, x)
		if x[0]+0.3*x[1]+0.2*x[2] > 1 {
			y = append(y, 1)
		} else {
			y = append(y, 0)
		}
	}
	e := Train(X, y, nil, Options{Trees: 41, Depth: depth, Rate: 0.2, Lambda: 1, MinHess: 20, Bins: 16})
	short := 0
	for _, tr := range e.Trees {
		if treeDepth(tr, 0) < depth {
			short++
		}
	}
	if short == 0 {
		t.Log("no tree shallower than the ensemble (padding untested)")
	}
	f := e.Compile()
	if (f.t4 != nil) != (depth == 4) {
		t.Errorf("depth %d: specialised depth-4 form %v", depth, f.t4 != nil)
	}
	probe := append([][]float64{}, X[:500]...)
	for _, tr := range e.Trees {
		for _, n := range tr {
			if n.Feature >= 0 {
				x := []float64{0.5, 1, 0, 0.5}
				x[n.Feature] = n.Threshold
				probe = append(probe, x)
			}
		}
	}
	probe = append(probe, []float64{math.Inf(1), math.Inf(-1), math.NaN(), 0})
	for _, x := range probe {
		if a, b := e.Predict(x), f.Predict(x); math.Float64bits(a) != math.Float64bits(b) {
			t.Fatalf("Predict(%v): ensemble %v, compiled %v", x, a, b)
		}
	}
	for _, n := range []int{0, 1, 3, 4, 7, 8, 12, 13, len(probe)} {
		var flat []float64
		for _, x := range probe[:n] {
			flat = append(flat, x...)
		}
		out := make([]float64, n)
		f.PredictRows(flat, 4, out)
		split := make([]float64, n)
		for r := range split {
			split[r] = e.Base
		}
		f.AddTrees(flat, 4, split, 0, 7)
		f.AddTrees(flat, 4, split, 7, 7)
		f.AddTrees(flat, 4, split, 7, f.Trees())
		keyed := make([]float64, n)
		for r := range keyed {
			keyed[r] = e.Base
		}
		K := KeyRows(append([]float64(nil), flat...))
		f.AddKeyed(K, 4, keyed, 0, 5)
		f.AddKeyed(K, 4, keyed, 5, f.Trees())
		for r, x := range probe[:n] {
			if a := e.Predict(x); math.Float64bits(a) != math.Float64bits(keyed[r]) {
				t.Fatalf("AddKeyed row %d of %d (%v): ensemble %v, keyed %v", r, n, x, a, keyed[r])
			}
		}
		for r, x := range probe[:n] {
			a := e.Predict(x)
			if math.Float64bits(a) != math.Float64bits(out[r]) {
				t.Fatalf("PredictRows row %d of %d (%v): ensemble %v, rows %v", r, n, x, a, out[r])
			}
			if math.Float64bits(a) != math.Float64bits(split[r]) {
				t.Fatalf("AddTrees 0-7-%d row %d of %d (%v): ensemble %v, split %v", f.Trees(), r, n, x, a, split[r])
			}
		}
	}
}

func benchEnsemble(b *testing.B) (*Ensemble, [][]float64) {
	rng := rand.New(rand.NewSource(3))
	var X [][]float64
	var y []float64
	for i := 0; i < 5000; i++ {
		x := make([]float64, 32)
		for j := range x {
			x[j] = rng.Float64()
		}
		X = append(X, x)
		if x[0]+x[1]*x[2]+0.3*rng.Float64() > 0.8 {
			y = append(y, 1)
		} else {
			y = append(y, 0)
		}
	}
	return Train(X, y, nil, Options{Trees: 300, Depth: 4, Rate: 0.1, Lambda: 1, MinHess: 5, Bins: 64, Subsample: 0.5}), X[:500]
}

// BenchmarkPredict scores 500 rows of 32 features with 300 trees of depth
// 4 (the key-phrase ranker's shape), node by node and compiled.
func BenchmarkPredict(b *testing.B) {
	e, X := benchEnsemble(b)
	f := e.Compile()
	for _, p := range []struct {
		name    string
		predict func([]float64) float64
	}{{"ensemble", e.Predict}, {"compiled", f.Predict}} {
		b.Run(p.name, func(b *testing.B) {
			defer cputime.LockThread()()
			c0 := cputime.Thread()
			for b.Loop() {
				for _, x := range X {
					p.predict(x)
				}
			}
			cpu := cputime.Thread() - c0
			b.ReportMetric(float64(len(X)*b.N)/cpu.Seconds(), "rows/cpu-s")
		})
	}
	b.Run("rows", func(b *testing.B) {
		var flat []float64
		for _, x := range X {
			flat = append(flat, x...)
		}
		out := make([]float64, len(X))
		defer cputime.LockThread()()
		c0 := cputime.Thread()
		for b.Loop() {
			f.PredictRows(flat, len(X[0]), out)
		}
		cpu := cputime.Thread() - c0
		b.ReportMetric(float64(len(X)*b.N)/cpu.Seconds(), "rows/cpu-s")
	})
}

// TestKey checks that comparing keys is comparing values: x < t exactly
// when key(x) < key(t), for every threshold t that is not NaN, -0, NaNs
// of either sign, infinities and subnormals included.
func TestKey(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, math.MaxFloat64, -math.MaxFloat64,
		math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
		math.Inf(1), math.Inf(-1), math.NaN(), math.Float64frombits(0xfff8000000000001),
		math.Nextafter(1, 2), math.Nextafter(1, 0), 1e-300, -1e300}
	for _, x := range vals {
		for _, th := range vals {
			if th != th {
				continue
			}
			if got, want := key(x) < key(th), x < th; got != want {
				t.Errorf("key(%v) < key(%v) = %v, want %v", x, th, got, want)
			}
			if got, want := unkey(key(x)) < th, x < th; got != want {
				t.Errorf("unkey(key(%v)) < %v = %v, want %v", x, th, got, want)
			}
		}
	}
}
