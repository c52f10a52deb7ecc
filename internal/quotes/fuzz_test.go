package quotes_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/text"
)

// FuzzExtract checks invariants on any text: spans inside the text and in
// order, entity indices in range, no panic.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		harbour,
		`"Yes," he said. "No."` + "\n\n" + `"Maybe,"`,
		"“unclosed\n\n“still open\n\nsaid X, according to",
		"WALLACE: Hello.\n\"PENCE: Hi.",
		"'' '' `` ” “ said said, said",
		"‘We will win,’ she said. ‘A “b” c,’ he added.\n\n‘Runs on\n\n‘and ends.’ 'Plain,' X said. the players’ union ‘‘a’’ ‘",
		"Mr March spoke.\n\nMarch said gains of 4 percent. Tuesday posted gains of 4 percent. X posted 5 %",
		"A b.\n\nTuesday said",
		"X hit. posted",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := text.Analyze(s)
		for i := range doc.Tokens {
			// a crude tagging so that the tag-driven rules run
			switch doc.Tokens[i].Text {
			case "said", "says", "told", "added":
				doc.Tokens[i].POS = "VBD"
			case "posted", "recorded", "hit":
				// verbs of results (ResultObject)
				doc.Tokens[i].POS = "VBD"
				doc.Tokens[i].Lemma = strings.TrimSuffix(strings.TrimSuffix(doc.Tokens[i].Text, "ed"), "d")
			case "4", "5":
				doc.Tokens[i].POS = "CD"
			case "gains", "percent", "%":
				doc.Tokens[i].POS = "NNS"
			default:
				doc.Tokens[i].POS = "NNP"
			}
		}
		var ms []ner.Mention
		for i, tk := range doc.Tokens {
			if len(tk.Text) > 0 && tk.Text[0] >= 'A' && tk.Text[0] <= 'Z' && tk.Text != "March" && tk.Text != "Tuesday" {
				// (a day or a month no mention holds: MuteSpeaker's
				// namedTime looks for it after a first name or "Mr")
				sent := 0
				for si, st := range doc.Sentences {
					if i >= st.First && i < st.Last {
						sent = si
					}
				}
				ms = append(ms, ner.Mention{Type: ner.Person, Text: tk.Text, Start: tk.Start, End: tk.End, First: i, Last: i + 1, Sentence: sent})
			}
		}
		ents := entity.Resolve(doc, ms)
		for _, e := range ents {
			for _, m := range e.Mentions {
				checkSpan(t, s, m.Span)
			}
			if e.Salience < 0 || e.Salience > 1 {
				t.Fatalf("salience %v", e.Salience)
			}
		}
		for _, q := range quotes.Extract(doc, ents) {
			checkSpan(t, s, q.Content)
			checkSpan(t, s, q.Cue)
			checkSpan(t, s, q.Speaker)
			if q.Content.Start >= q.Content.End {
				t.Fatalf("empty content %+v", q)
			}
			if q.EntityIndex < -1 || q.EntityIndex >= len(ents) {
				t.Fatalf("entity index %d of %d", q.EntityIndex, len(ents))
			}
		}
	})
}

func checkSpan(t *testing.T, s string, sp text.Span) {
	t.Helper()
	if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
		t.Fatalf("span %+v out of [0,%d]", sp, len(s))
	}
}
