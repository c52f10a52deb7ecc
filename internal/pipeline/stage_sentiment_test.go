package pipeline

import (
	"context"
	"math"
	"testing"

	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/sentiment"
	"github.com/lector-nlp/lector/internal/text"
)

// TestEntitySentimentReading sends one-sentence articles (written for this
// test) as a user of the API does and reads each entity's score by
// sentiment.ClassBand, as the proto documents: the reading is the class the
// model finds most probable for the entity's mentions, praise reads
// positive, an attack negative and a plain report neutral.
func TestEntitySentimentReading(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	e := mustEngine(t, Config{})
	m, err := sentiment.Load()
	if err != nil {
		t.Fatal(err)
	}
	tagger, err := pos.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text, entity string
		want         int // -1, 0, 1
	}{
		{"Voters across the county cheered Mayor Ingrid Solberg for rescuing the flood-hit harbour district with a brilliant recovery plan.", "Ingrid Solberg", 1},
		{"Prosecutors accused Senator Dale Markham of lying to investigators and taking bribes from a shipping firm.", "Dale Markham", -1},
		{"Governor Ruth Okonkwo will travel to the capital on Tuesday for a meeting on road budgets.", "Ruth Okonkwo", 0},
	} {
		res, err := e.Analyze(context.Background(), textReq(tt.text), nil)
		if err != nil {
			t.Fatal(err)
		}
		doc := text.Analyze(tt.text)
		tagger.Tag(doc)
		found := false
		for _, en := range res.Analysis.Entities {
			if en.Sentiment == nil {
				t.Errorf("%q: entity %q without sentiment", tt.text, en.Name)
				continue
			}
			s := en.Sentiment.Score
			read := 0
			if s > sentiment.ClassBand {
				read = 1
			} else if s < -sentiment.ClassBand {
				read = -1
			}
			// the reading is the most probable class of the mentions
			var spans []text.Span
			for _, mn := range en.Mentions {
				spans = append(spans, mn.Span)
			}
			p := m.TargetProbs(doc, spans)
			best := sentiment.Negative
			for c := range p {
				if p[c] > p[best] {
					best = c
				}
			}
			if best-sentiment.Neutral != read {
				t.Errorf("%q: %s score %.3f reads %d, most probable class %d (%.2f)", tt.text, en.Name, s, read, best, p)
			}
			if math.Abs(en.Sentiment.Magnitude-math.Abs(s)) > 1e-9 {
				t.Errorf("%q: %s magnitude %.3f, want |score| in one sentence", tt.text, en.Name, en.Sentiment.Magnitude)
			}
			if en.Name == tt.entity {
				found = true
				t.Logf("%s: score %+.3f probs %.2f", en.Name, s, p)
				if read != tt.want {
					t.Errorf("%q: %s score %.3f reads %d, want %d", tt.text, en.Name, s, read, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no entity %q", tt.text, tt.entity)
		}
	}
}
