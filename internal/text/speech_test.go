package text_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/text"
)

func TestSpeechVerb(t *testing.T) {
	for w, want := range map[string]bool{
		"said": true, "Said": true, "WARNED": true, "tells": true, "acknowledges": true,
		"states": false, "notes": false, "table": false, "": false, "acknowledgements": false,
	} {
		if got := text.SpeechVerb(w); got != want {
			t.Errorf("SpeechVerb(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestHonorific(t *testing.T) {
	for w, want := range map[string]byte{"Mr": 'm', "MRS.": 'f', "ms": 'f', "Miss": 'f', "Dr.": 0, "Sir": 'm', "Lady": 'f'} {
		if g, ok := text.Honorific(w); !ok || g != want {
			t.Errorf("Honorific(%q) = %q, %v, want %q, true", w, g, ok, want)
		}
	}
	for _, w := range []string{"Mister", "Prof", "", "Senator"} {
		if _, ok := text.Honorific(w); ok {
			t.Errorf("Honorific(%q) is true", w)
		}
	}
	for w, want := range map[string]bool{"Mr.": true, "ms": true, "Dr": false, "Lord": false, "Miss": false} {
		if got := text.NameOnlyHonorific(w); got != want {
			t.Errorf("NameOnlyHonorific(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestWordListsDoNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() {
		text.SpeechVerb("Warned")
		text.Honorific("Mrs.")
		text.NameOnlyHonorific("Dr")
	}); n != 0 {
		t.Errorf("%v allocations", n)
	}
}
