package gbdt

import (
	"math/rand"
	"testing"
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
