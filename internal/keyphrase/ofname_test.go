package keyphrase

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
)

// TestOfName: a one-word part of a name over "of" that is mostly written
// inside it ("Scotland" of "Royal Bank of Scotland", "Wessex" of "Bank
// of Wessex") is shown as the whole name with its occurrences; a part of
// two words ("Royal Bank"), a part mostly written alone and a person's
// name before "of" stay as they are.
func TestOfName(t *testing.T) {
	const art = `The Bank of Wessex raised its main interest rate to a six-year high on Thursday.
Economists had expected the Bank of Wessex to wait until the spring, as house prices cooled.
The Bank of Wessex said consumer borrowing was still growing too fast.
Mortgage lenders including the Royal Bank of Scotland said they would pass on the rise at once.
Pavel Brodsky of Dunmore, a retired builder, said his repayments would climb again.
Dunmore shops and Dunmore pubs reported a slow month, and Dunmore traders blamed the rates.`
	doc, dw, cands, ments := tagCandidates(t, art)
	whole := map[string]string{}
	for i := range cands {
		c := &cands[i]
		s := surface(doc.Text, spans(ments, c))
		if txt, sp, key := ofName(doc, dw, ments, c); txt != "" {
			whole[s] = txt
			if len(sp) == 0 || doc.Text[sp[0].Start:sp[0].End] != txt || !strings.Contains(key, " of ") {
				t.Errorf("ofName(%q) = %q, %v, %q", s, txt, sp, key)
			}
		}
	}
	for part, want := range map[string]string{"Wessex": "Bank of Wessex", "Scotland": "Royal Bank of Scotland", "Bank": "Bank of Wessex"} {
		if whole[part] != want {
			t.Errorf("ofName(%q) = %q, want %q", part, whole[part], want)
		}
	}
	// a name of two words or more stands as it is ("Royal Bank"), and
	// so does a part mostly written alone or after a person's name
	for _, part := range []string{"Royal Bank", "Dunmore", "Pavel Brodsky", "Brodsky"} {
		if w, ok := whole[part]; ok {
			t.Errorf("ofName(%q) = %q, want none", part, w)
		}
	}
	ps := Extract(doc, 10)
	for _, p := range ps {
		if p.Text == "Wessex" {
			t.Errorf("%q: the tail of a name over \"of\" alone", p.Text)
		}
		if p.Text == "Bank of Wessex" && len(p.Mentions) != 3 {
			t.Errorf("%q has %d mentions, want 3", p.Text, len(p.Mentions))
		}
	}
}

// TestOfNameAdjective: a capitalised adjective opening a name over "of"
// is part of it ("Canadian Imperial Bank of Commerce", not "Imperial
// Bank of Commerce").
func TestOfNameAdjective(t *testing.T) {
	doc := nlptest.Tagged(t, `Canadian Imperial Bank of Commerce raised its prime rate on Monday.
Shares in the Canadian Imperial Bank of Commerce rose 2 percent after the move.
Analysts said Canadian Imperial Bank of Commerce had the strongest loan book among the big lenders.
The Commerce results beat forecasts, the lenders said.`)
	var texts []string
	for _, p := range Extract(doc, 10) {
		texts = append(texts, p.Text)
		if p.Text == "Imperial Bank of Commerce" {
			t.Errorf("a name cut from its adjective: %q", p.Text)
		}
	}
	t.Logf("%q", texts)
}
