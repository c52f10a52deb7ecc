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
