package quotes

import "testing"

// BenchmarkLoad parses the embedded lexicon and models, as the first
// Extract does.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParseLexicon(cuesTSV)
		ParseFilter(filterTSV)
		ParseFilter(cueModelTSV)
		ParseFilter(endModelTSV)
	}
}

func TestEmbeddedModels(t *testing.T) {
	for name, f := range map[string]*Filter{"filter": getFilter(), "cue model": getCueModel(), "end model": getEndModel()} {
		if len(f.w) < 100 || f.h.n != len(f.w) {
			t.Errorf("%s: %d weights, %d hashed", name, len(f.w), f.h.n)
		}
	}
}
