package langid

import (
	"testing"
)

// TestNamesInEnglish: English sentences whose names come from other
// languages read as English; capitalised words after the first weigh less
// and cost a language at most CapClip nats each.
func TestNamesInEnglish(t *testing.T) {
	d := mustLoad(t)
	for _, s := range []string{
		"King Sokhavuth Norodarith said his cousin Vannarith would take over the palace next month.",
		"Striker Ngozichukwu scored twice as Tuilagi-Faleolo and Pham Quoc Thinh watched from the bench.",
		// (Tagalog at 1.00 without the capital rule)
		"The Wallabies beat the Pumas 31-12 with tries from Tuilagi, Faleolo and Taumalolo.",
	} {
		if code, conf := d.Detect(s); code != "en" {
			t.Errorf("%q: %s %.2f, want en", s, code, conf)
		}
	}
}

// TestUnsureOnNames: where names still outweigh the English words, the
// answer is not sure (both were named another language at 1.00 with
// the naive-Bayes posterior).
func TestUnsureOnNames(t *testing.T) {
	d := mustLoad(t)
	for _, s := range []string{
		"Typhoon Ngamvong killed 40 people in Quang Ngai province, officials said.",
		"Prime Minister Sokhavuth Norodarith met Thanh Nguyen Quoc in Hanoi.",
	} {
		if code, conf := d.Detect(s); code != "en" && conf > 0.9 {
			t.Errorf("%q: %s %.2f, want en or a confidence of 0.9 or less", s, code, conf)
		}
	}
}

// TestTemperatureKeepsRanking: the temperature changes confidences, never
// the ranking.
func TestTemperatureKeepsRanking(t *testing.T) {
	d, err := Load() // (not the shared detector: its calibration changes)
	if err != nil {
		t.Fatal(err)
	}
	c := d.Calibration()
	cold := c
	cold.Temp, cold.TempPerLetter, cold.TempMax = 1, 0, 1
	texts := []string{"Hawks 97, Owls 88", "la casa es grande", "Der Hund schläft unter dem Tisch.",
		"The minister said the talks would resume in Geneva on Monday."}
	for _, s := range texts {
		a := d.Scores(s)
		d.SetCalibration(cold)
		b := d.Scores(s)
		d.SetCalibration(c)
		for i := range a {
			if a[i].Code != b[i].Code {
				t.Errorf("%q: rank %d is %s with the temperature, %s without", s, i, a[i].Code, b[i].Code)
				break
			}
		}
		if a[0].Confidence > b[0].Confidence+1e-6 {
			t.Errorf("%q: the temperature raised the confidence %.4f -> %.4f", s, b[0].Confidence, a[0].Confidence)
		}
	}
}

// TestCaseOnlyInMixedText: a text without a word in lower case (a
// title-case headline, a text in capitals) is scored as if no word but
// the first were capitalised; the first word is clipped (FirstClip), not
// weighed as a name.
func TestCaseOnlyInMixedText(t *testing.T) {
	d := mustLoad(t)
	for _, p := range [][2]string{
		{"Harbour Authority Opens New Ferry Terminal", "Harbour authority opens new ferry terminal"},
		{"HARBOUR AUTHORITY OPENS", "Harbour authority opens"},
		{"Harbour authority opens terminal", "Harbour authority opens terminal"},
	} {
		a, b := d.Scores(p[0]), d.Scores(p[1])
		for i := range a {
			if a[i] != b[i] {
				t.Errorf("%q and %q score differently: %v, %v", p[0], p[1], a[i], b[i])
				break
			}
		}
	}
	if !lowerWord("Harbour authority") || lowerWord("HARBOUR Authority 12") || !lowerWord("Ära über") {
		t.Error("lowerWord")
	}
}
