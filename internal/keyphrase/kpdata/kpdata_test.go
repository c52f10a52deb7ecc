package kpdata

import "testing"

func TestF1(t *testing.T) {
	var f F1
	// "Missile sanctions" matches "missile sanction" by stem; the repeat is
	// counted once; k=3 keeps "multipolar systems" and "talks".
	f.Add([]string{"Missile sanctions", "missile sanction", "multipolar systems", "talks", "format"},
		[]string{"missile sanction", "multipolar system", "3+3 format", "defence"}, 3)
	if f.Correct != 2 || f.Predicted != 3 || f.Gold != 4 {
		t.Fatalf("got %+v, want 2 correct of 3 predicted, 4 gold", f)
	}
	p, r := 2.0/3, 2.0/4
	if want := 100 * 2 * p * r / (p + r); f.Value()-want > 1e-9 || want-f.Value() > 1e-9 {
		t.Errorf("F1 = %v, want %v", f.Value(), want)
	}
}

func TestInspecText(t *testing.T) {
	got := InspecText("A title here\nFirst line of the\n\tabstract goes on\n")
	if want := "A title here\nFirst line of the abstract goes on"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
