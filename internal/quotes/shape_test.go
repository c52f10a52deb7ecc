package quotes

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
)

// TestContentShape reads the shape of the words after the cue with the
// real tagger: a bare noun phrase, a noun phrase with a non-finite verb, a
// clause, an infinitive, a quotation.
func TestContentShape(t *testing.T) {
	for _, c := range []struct{ s, content, want string }{
		{"Shoppers on the high street welcomed the decision.\n", "the decision", "np"},
		{"Several traders questioned the cost of the new market hall.\n", "the cost of the new market hall", "np"},
		{"The board approved a plan to widen the harbour road.\n", "a plan to widen the harbour road", "np-verb"},
		{"The board said the harbour road would be widened.\n", "the harbour road would be widened", "clause"},
		{"The board asked whether the road was safe.\n", "whether the road was safe", "clause"},
		{"The board promised to widen the harbour road.\n", "to widen the harbour road", "inf"},
		{"The board wrote \"we will widen the road\" in its letter.\n", "\"we will widen the road\"", "quote"},
		// "that" as a determiner, a relative clause, a participle before
		// its noun: noun phrases
		{"The mayor criticized that decision on Tuesday.\n", "that decision on Tuesday", "np"},
		{"The mayor criticized the plan that the council approved in May.\n", "the plan that the council approved in May", "np-verb"},
		{"The mayor criticized the proposed cuts.\n", "the proposed cuts", "np"},
		{"The mayor criticized Smith.\n", "Smith", "np"},
		{"The mayor criticized that decision, which the council approved in May.\n", "that decision, which the council approved in May", "np-verb"},
		// a relative clause inside a clause
		{"The mayor said the plan that the council approved was flawed.\n", "the plan that the council approved was flawed", "clause"},
		// an adverb before "to"
		{"The mayor vowed not to raise taxes.\n", "not to raise taxes", "inf"},
		// quotation marks after the finite verb or after "that"
		{"The mayor said the council will \"not back down\" on the plan.\n", "the council will \"not back down\" on the plan", "quote"},
		{"The mayor said that \"the council will not back down\".\n", "that \"the council will not back down\"", "quote"},
		{"The mayor said that the council would not back down.\n", "that the council would not back down", "clause"},
	} {
		doc, ms := nlptest.Mentions(t, c.s)
		x := newExtractor(doc, entity.Resolve(doc, ms), DefaultOptions)
		i := strings.Index(c.s, c.content)
		a, b := x.tokAt(i), x.tokAt(i+len(c.content)-1)+1
		if got := x.contentShape(a, b); got != c.want {
			t.Errorf("%q: shape of %q %s, want %s", c.s, c.content, got, c.want)
		}
		x.release()
	}
}

// TestShapeScores: the filter learns from PolNeAR which verbs' noun-phrase
// objects are attributions. The annotators mark "criticized the delay",
// "questioned the cost" and "backed the plan", and seldom "welcomed the
// decision" or "approved the plan": the shape features raise the score of
// the first and lower that of the second, for a headline's present tense
// as for the past. The rise of a marked verb's object is taken against the
// verbs seldom marked: the weight of a bare noun phrase after the
// subject rule moves with each retrained filter (0.25 -> 0.20 when the
// cue model of session 18 changed the candidates), and "questioned the
// cost" sat at the edge (+0.03 logits with shape, -0.03 after), while
// the weight of the cue's lemma with the shape held.
func TestShapeScores(t *testing.T) {
	score := func(s, content string, shape bool) float64 {
		t.Helper()
		doc, ms := nlptest.Mentions(t, s)
		o := DefaultOptions
		o.ShapeFeatures = shape
		for _, c := range Candidates(doc, entity.Resolve(doc, ms), o) {
			if doc.Text[c.Quote.Content.Start:c.Quote.Content.End] == content {
				return getFilter().Score(c.Features)
			}
		}
		t.Fatalf("%q: no candidate reads %q", s, content)
		return 0
	}
	type rise struct {
		s string
		d float64 // logit with the shape features less logit without
	}
	var ups, downs []rise
	for _, c := range []struct {
		s, content string
		up         bool
	}{
		{"Shoppers on the high street welcomed the decision.\n", "the decision", false},
		{"Harbour board approves new sea wall for Easton\n\nWork on the wall starts in May.\n", "new sea wall for Easton", false},
		{"The harbour board approved the new sea wall on Tuesday.\n", "the new sea wall", false},
		{"The mayor criticized the delay on Tuesday.\n", "the delay", true},
		{"Several traders questioned the cost.\n", "the cost", true},
		{"Opposition councillors backed the plan.\n", "the plan", true},
	} {
		on, off := score(c.s, c.content, true), score(c.s, c.content, false)
		if math.Abs(on-off) < 1e-6 || !c.up && on > off {
			t.Errorf("%q: the score of %q is %.3f with the shape features, %.3f without; want it %s", c.s, c.content, on, off, map[bool]string{true: "higher", false: "lower"}[c.up])
		}
		d := logit(on) - logit(off)
		t.Logf("%q: %+.3f logits with the shape features", c.content, d)
		if c.up {
			ups = append(ups, rise{c.s, d})
		} else {
			downs = append(downs, rise{c.s, d})
		}
	}
	// each marked verb's object gains more from the shape features than
	// any seldom-marked verb's, by a clear margin
	for _, u := range ups {
		for _, d := range downs {
			if u.d < d.d+0.1 {
				t.Errorf("%q gains %.3f logits from the shape features, %q %.3f: want the first at least 0.1 more", u.s, u.d, d.s, d.d)
			}
		}
	}
}

// logit is the log-odds of probability p.
func logit(p float64) float64 { return math.Log(p / (1 - p)) }

// TestShapeCueLemma: the cue's lemma beside the shape is that of its last
// verb, not of a particle or an auxiliary.
func TestShapeCueLemma(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"The mayor pointed out that the wall was old.\n", "cue-lemma*shape=point*clause"},
		{"The mayor has criticized the plan.\n", "cue-lemma*shape=criticize*np"},
	} {
		doc, ms := nlptest.Mentions(t, c.s)
		var got []string
		for _, cd := range Candidates(doc, entity.Resolve(doc, ms), DefaultOptions) {
			for k := range cd.Features {
				if strings.HasPrefix(k, "cue-lemma*shape=") {
					got = append(got, k)
				}
			}
		}
		if !slices.Contains(got, c.want) {
			t.Errorf("%q: features %q, want %q", c.s, got, c.want)
		}
	}
}

// TestAmericanLemma: British -ise / -yse verb lemmas read the American
// weights; verbs American spelling also writes with -ise keep it.
func TestAmericanLemma(t *testing.T) {
	for in, want := range map[string]string{
		"criticise": "criticize", "apologise": "apologize", "realise": "realize", "recognise": "recognize",
		"emphasise": "emphasize", "summarise": "summarize", "prioritise": "prioritize", "minimise": "minimize",
		"analyse": "analyze", "paralyse": "paralyze", "theorise": "theorize",
		"advise": "advise", "promise": "promise", "surprise": "surprise", "raise": "raise", "praise": "praise",
		"revise": "revise", "exercise": "exercise", "compromise": "compromise", "otherwise": "otherwise",
		"enfranchise": "enfranchise", "arise": "arise", "rise": "rise", "say": "say", "criticize": "criticize",
		"close": "close", "cruise": "cruise", "disguise": "disguise",
	} {
		if got := americanLemma(in); got != want {
			t.Errorf("americanLemma(%q) = %q, want %q", in, got, want)
		}
	}
}
