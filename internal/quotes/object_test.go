package quotes

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/nlptest"
	"github.com/lector-nlp/lector/internal/text"
)

// TestResultObject: a figure or a result after a verb of results is an
// event, no statement; the same object after a verb of saying stays (as
// PolNeAR marks it), and so does a clause after a verb of results.
func TestResultObject(t *testing.T) {
	quotesOf := func(s string) []Quote {
		t.Helper()
		doc, ms := nlptest.Mentions(t, s)
		return Extract(doc, entity.Resolve(doc, ms))
	}
	events := []string{
		"Trade was quiet. Brindle Foods posted gains of 4 percent in the third quarter.\n",
		"Trade was quiet. Halvorsen Air posted a record profit of $238 million for the quarter.\n",
		"Trade was quiet. The Toronto market posted its sixth record close of the year.\n",
		"Trade was quiet. Marlow Textiles recorded a 13.8% rise in sales last year.\n",
		"Trade was quiet. The bank posted lower profits for the first time in a decade.\n",
		// a result after "to": the first noun phrase goes on past "to"
		"Trade was quiet. The group's mining division, a big producer of copper and coal, doubled its contribution to profit in the second quarter to A$120 million, due largely to higher prices.\n",
	}
	for _, s := range events {
		if qs := quotesOf(s); len(qs) != 0 {
			t.Errorf("%q: %d quotes, want none (first content %q)", s, len(qs), s[qs[0].Content.Start:qs[0].Content.End])
		}
	}
	// the rule leaves these; the filter's score decides (the test reads
	// every candidate the rule lets through)
	all := DefaultOptions
	all.MinScore = 0
	for _, c := range []struct{ s, content string }{
		// a verb of saying: PolNeAR marks the figure reported
		{"Trade was quiet. The firm reported a loss of $43 million for the quarter.\n", "a loss"},
		// a clause after a verb of results
		{"Trade was quiet. The senator posted on Twitter that the plan would cost 300 jobs.\n", "that the plan"},
		// what was said, posted or recorded: a figure of its hearers, a
		// figure or a result noun before a noun of speech
		{"Trade was quiet. The senator posted a statement to his 2 million followers.\n", "a statement"},
		{"Trade was quiet. The mayor posted a letter to 5,000 residents.\n", "a letter"},
		{"Trade was quiet. The company posted a profit warning.\n", "a profit warning"},
	} {
		doc, ms := nlptest.Mentions(t, c.s)
		found := false
		for _, q := range ExtractWith(doc, entity.Resolve(doc, ms), all) {
			found = found || strings.HasPrefix(c.s[q.Content.Start:q.Content.End], c.content)
		}
		if !found {
			t.Errorf("%q: no quote %q...", c.s, c.content)
		}
	}
	// the rule off: the figures are read as quotes again (each case
	// above tests the rule); the cue model's threshold low, so that a
	// verb the model scores low ("doubled" before a figure) is a cue
	// whose object the rule must drop, and the filter's threshold low
	// (0.2), so that a result the filter scores a little under 0.36
	// ("posted a record profit") is left to the rule; at the same
	// thresholds the rule on drops them all
	o := DefaultOptions
	o.ResultObject, o.MinCueScore, o.MinScore = false, 0.1, 0.2
	on := o
	on.ResultObject = true
	for _, s := range events {
		doc, ms := nlptest.Mentions(t, s)
		ents := entity.Resolve(doc, ms)
		if qs := ExtractWith(doc, ents, o); len(qs) != 1 {
			t.Errorf("%q without ResultObject: %d quotes, want 1", s, len(qs))
		}
		if qs := ExtractWith(doc, ents, on); len(qs) != 0 {
			t.Errorf("%q with ResultObject at the low thresholds: %d quotes, want none", s, len(qs))
		}
	}
}

// TestTimeNameSpeaker: a day or a month tagged as a name is no speaker
// ("... rose on Tuesday as the stock market applauded ..."); after it,
// the noun phrase before speaks ("The Lisbon Stock Exchange on Tuesday,
// buoyed by ..., continued to ...").
func TestTimeNameSpeaker(t *testing.T) {
	for _, c := range []struct{ s, speaker string }{
		{"Trade was quiet. Shares in Harwick Foods rose on Tuesday as the stock market applauded the company's resilience to tougher conditions.\n", ""},
		{"Trade was quiet. There was more bad press on Thursday as the market questioned her qualifications.\n", ""},
		{"Trade was quiet. The Lisbon Stock Exchange on Tuesday, buoyed by bank share gains, continued to rebound from its recent slump.\n", "The Lisbon Stock Exchange"},
		// a month that names a person speaks: the recogniser's person
		// (Frank March), or the word after an honorific elsewhere
		// ("Mr August", which the recogniser types a date)
		{"Trade was quiet. Frank March starred in the film. March said the role was the hardest of his career.\n", "March"},
		{"Trade was quiet. Mr August chaired the committee. August said the report was flawed.\n", "August"},
		// a month as a surname in the speaker's name is no time
		// between the speaker and the cue ("Trump Friday said")
		{"Trade was quiet. Frank March said the role was the hardest of his career.\n", "Frank March"},
		{"Trade was quiet. Mr March said the plant would close.\n", "Mr March"},
		{"Trade was quiet. Senator Harlow Friday said the plan would fail.\n", "Senator Harlow"},
		// a day's report, a newspaper named for a day
		{"Trade was quiet. Monday's report said the economy had grown by 2 percent.\n", "Monday's report"},
		{"Trade was quiet. The Sunday Times said the minister would resign.\n", "The Sunday Times"},
	} {
		doc, ms := nlptest.Mentions(t, c.s)
		qs := Extract(doc, entity.Resolve(doc, ms))
		if len(qs) != 1 {
			t.Errorf("%q: %d quotes, want 1", c.s, len(qs))
			continue
		}
		if sp := c.s[qs[0].Speaker.Start:qs[0].Speaker.End]; sp != c.speaker {
			t.Errorf("%q: speaker %q, want %q", c.s, sp, c.speaker)
		}
	}
}

// TestSeenEvent: what "see" shows happening to someone (an object and a
// bare verb or a participle, or a result after "has seen") is an event,
// no view; "sees X as Y", "sees that ..." and a trend read as a view stay.
func TestSeenEvent(t *testing.T) {
	quotesOf := func(s string, o Options) []Quote {
		t.Helper()
		doc, ms := nlptest.Mentions(t, s)
		return ExtractWith(doc, entity.Resolve(doc, ms), o)
	}
	events := []string{
		"Trade was quiet. Halvorsen Air saw its yearly sales rise 3% to 41 million euros.\n",
		"Trade was quiet. The merger sees Brindle Foods receive $2bn in new loans from its lenders.\n",
		"Trade was quiet. The harbour board has seen a sharp rise in its costs since March.\n",
	}
	on := DefaultOptions
	on.SeenEvent = true // off by default: see quotes.go
	on.MinScore = 0     // the rule alone, not the filter
	for _, s := range events {
		if qs := quotesOf(s, on); len(qs) != 0 {
			t.Errorf("%q: %d quotes, want none (first content %q)", s, len(qs), s[qs[0].Content.Start:qs[0].Content.End])
		}
	}
	off := DefaultOptions
	off.SeenEvent = false
	off.MinScore = 0 // the filter may drop them too: the rule alone
	for _, s := range events {
		if len(quotesOf(s, off)) == 0 {
			t.Errorf("%q: without SeenEvent no quote either (the test cannot fail)", s)
		}
	}
	for _, s := range []string{
		"Trade was quiet. Many voters see the mayor as a weak leader.\n",
		"Trade was quiet. The council sees that the harbour needs a new wall.\n",
	} {
		if qs := quotesOf(s, on); len(qs) != 1 {
			t.Errorf("%q: %d quotes, want 1", s, len(qs))
		}
	}
}

// TestGiveResult: a result given ("gave the hosts a 14-3 lead") is no
// statement, unless a poll gives it (PolNeAR marks "a poll gave her a
// 5-point lead"). The quote is made by hand here, as the cue model seldom
// reads "gave" as a cue in a short text.
func TestGiveResult(t *testing.T) {
	read := func(s, speaker, cue, content string, o Options) bool {
		t.Helper()
		doc, ms := nlptest.Mentions(t, s)
		x := newExtractor(doc, entity.Resolve(doc, ms), o)
		defer x.release()
		at := func(w string) text.Span {
			i := strings.Index(s, w)
			if i < 0 {
				t.Fatalf("%q not in %q", w, s)
			}
			return text.Span{Start: i, End: i + len(w)}
		}
		q := Quote{Speaker: at(speaker), Cue: at(cue), Content: at(content), Kind: Indirect}
		return x.resultObject(&q)
	}
	off := DefaultOptions
	off.GiveResult = false
	for _, c := range []struct{ s, speaker, cue, content string }{
		{"Harbour Town won in Dundee. Tries from Owen Pryce and Dai Morgan gave the visitors a 17-3 half-time lead.\n",
			"Tries from Owen Pryce and Dai Morgan", "gave", "the visitors a 17-3 half-time lead"},
		{"Harbour Town won in Dundee. Two late goals handed the hosts a 2-0 victory.\n",
			"Two late goals", "handed", "the hosts a 2-0 victory"},
	} {
		if !read(c.s, c.speaker, c.cue, c.content, DefaultOptions) {
			t.Errorf("%q: a result given read as a statement", c.s)
		}
		if read(c.s, c.speaker, c.cue, c.content, off) {
			t.Errorf("%q: without GiveResult no statement either (the test cannot fail)", c.s)
		}
	}
	p := "The race was close. A new Gazette poll gave the mayor a 5-point lead over her rival.\n"
	if read(p, "A new Gazette poll", "gave", "the mayor a 5-point lead over her rival", DefaultOptions) {
		t.Errorf("%q: a poll's lead read as no statement", p)
	}
}
