package keyphrase

import (
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/wordvec"
)

const storm = `A powerful hurricane struck the coast on Sunday, bringing heavy rain, flooding and a storm surge that swept over sea walls.
Forecasters at the weather service said the hurricane would weaken over land, but warned of tornadoes and flash floods.
Thousands of residents fled to shelters as the storm surge flooded low streets near the harbour.
A local bakery also reported a broken window.
Emergency crews cleared fallen trees while the rain continued through the night.`

// TestEmbeddingFeatures: the word-vector features favour a phrase on the
// story's topic over one off it, know which words have vectors, and are 0
// without vectors.
func TestEmbeddingFeatures(t *testing.T) {
	doc := nlptest.Tagged(t, storm)
	e, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	names := FeatureNames()
	col := func(n string) int {
		c := slices.Index(names, n)
		if c < 0 {
			t.Fatalf("no feature %q", n)
		}
		return c
	}
	cDoc, cLead, cKnown := col("embDoc"), col("embLead"), col("embKnown")
	row := func(e *Extractor, phrase string) []float64 {
		_, texts, X := e.Candidates(doc)
		for i, s := range texts {
			if strings.EqualFold(s, phrase) {
				return X[i]
			}
		}
		t.Fatalf("no candidate %q in %q", phrase, texts)
		return nil
	}
	on, off := row(e, "storm surge"), row(e, "bakery")
	if !(on[cDoc] > off[cDoc]) || !(on[cLead] > off[cLead]) {
		t.Errorf("storm surge: cosines %.3f / %.3f, bakery %.3f / %.3f: want the first higher",
			on[cDoc], on[cLead], off[cDoc], off[cLead])
	}
	for _, x := range [][]float64{on, off} {
		if x[cDoc] <= 0 || x[cDoc] > 1 || x[cKnown] != 1 {
			t.Errorf("cosine %.3f, known %.2f: want in (0, 1] and 1", x[cDoc], x[cKnown])
		}
	}
	bare := *e
	bare.Vectors = nil
	if x := row(&bare, "storm surge"); x[cDoc] != 0 || x[cLead] != 0 || x[cKnown] != 0 {
		t.Errorf("without vectors: %.3f %.3f %.3f, want 0", x[cDoc], x[cLead], x[cKnown])
	}
	// A table of another dimension is ignored, not read out of bounds.
	words := []string{"storm", "surge", "hurricane"}
	small, err := wordvec.Encode(words, make([]float32, 3*8), 8)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := wordvec.Decode(small)
	if err != nil {
		t.Fatal(err)
	}
	bare.Vectors = tb
	if x := row(&bare, "storm surge"); x[cDoc] != 0 || x[cLead] != 0 || x[cKnown] != 0 {
		t.Errorf("with an 8-dimension table: %.3f %.3f %.3f, want 0", x[cDoc], x[cLead], x[cKnown])
	}
}

// TestExtractLowerCased: a lower-cased story (as some evaluations feed
// them) still gives its central phrase in the top five.
func TestExtractLowerCased(t *testing.T) {
	doc := nlptest.Tagged(t, strings.ToLower(article))
	var top []string
	for _, p := range Extract(doc, 5) {
		top = append(top, stemPhrase(p.Text))
	}
	if !slices.Contains(top, stemPhrase("carbon border tax")) {
		t.Errorf("lower-cased: %q not in the top five %q", "carbon border tax", top)
	}
}
