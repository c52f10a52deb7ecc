package quotes_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
)

// TestAddresseeTo: after "wrote to", "complained to", "spoke to" and kin
// the one addressed is not what is said, nor is where something goes
// ("posted to", "added to"); a "that" clause after the one addressed is,
// and a participle after it belongs to the subject ("wrote to X
// demanding").
func TestAddresseeTo(t *testing.T) {
	type want struct{ cue, content, speaker string }
	for _, c := range []struct {
		s      string
		not    []string // no quote's content starts with these
		notCue string   // no quote has this cue
		want   []want   // a quote with this cue, content start and speaker
	}{
		{s: "The Harbour Council has complained to the shipping regulator.\n", not: []string{"the shipping"}},
		{s: "The former chief executive apologised to investors who lost money in the collapse.\n", not: []string{"investors"}},
		{s: "The mayor spoke to reporters outside the town hall on Friday.\n", not: []string{"reporters"}},
		{s: "Critics say the changes were added to the software without any warning.\n", not: []string{"the software"}},
		{s: "One insider pointed out to the Daily Courier website that nobody was denying a merger could be on the agenda.\n",
			not: []string{"the Daily"}, want: []want{{"pointed out", "that nobody", "One insider"}}},
		{s: "The opposition leader has written to the prime minister demanding an explanation of the new rules.\n",
			not: []string{"the prime minister"}, want: []want{{"demanding", "an explanation", "The opposition leader"}}},
		{s: "Councillor Ann Reid wrote to Mr Hale on Tuesday accusing him of an error of judgement.\n",
			want: []want{{"accusing", "him of", "Ann Reid"}}},
		{s: "The ministry has written to two of the Dutch men freed from Lindau prison telling them they will not be given passports.\n",
			want: []want{{"telling", "they will not", "The ministry"}}},
		{s: "On Tuesday, even as shares of Norvale were falling, Mr. Pike wrote to investors, telling them the firm was worth far more.\n",
			want: []want{{"telling", "the firm", "Mr. Pike"}}},
		{s: "Consumer advocate Rhoda Blake wrote a letter to Treasury Secretary Paul Dunn last week opposing the new rules.\n",
			want: []want{{"opposing", "the new rules", "Rhoda Blake"}}},
		{s: "Residents have complained to the district council about the noise from the new depot.\n",
			not: []string{"the district"}, want: []want{{"complained", "the noise", "Residents"}}},
		{s: "Five scholars wrote to the ambassador in Paris protesting against what they called censorship.\n",
			notCue: "wrote"},
		// "up to" is a figure, "to" before a verb an infinitive
		{s: "A spokesman for the airline said up to an hour can be cut from the flight.\n", want: []want{{"said up to", "an hour", "airline"}}},
		{s: "The election officer also said about three million people eligible to vote are not registered.\n",
			want: []want{{"also said", "about three million", "The election officer"}}},
		// what is spoken of stays
		{s: "His lawyer pointed to the lack of evidence against the two men.\n", want: []want{{"pointed to", "the lack", "His lawyer"}}},
		{s: "The senator responded to the criticism in a long letter.\n", want: []want{{"responded to", "the criticism", "The senator"}}},
	} {
		doc, _, qs := allQuotes(t, c.s, quotes.DefaultOptions)
		for _, q := range qs {
			if c.notCue != "" && doc.Text[q.Cue.Start:q.Cue.End] == c.notCue {
				t.Errorf("%q: quote %q (cue %q)", c.s, doc.Text[q.Content.Start:q.Content.End], c.notCue)
			}
			for _, n := range c.not {
				if strings.HasPrefix(doc.Text[q.Content.Start:q.Content.End], n) {
					t.Errorf("%q: quote %q (cue %q)", c.s, doc.Text[q.Content.Start:q.Content.End], doc.Text[q.Cue.Start:q.Cue.End])
				}
			}
		}
		for _, w := range c.want {
			found := false
			for _, q := range qs {
				if doc.Text[q.Cue.Start:q.Cue.End] == w.cue && strings.HasPrefix(doc.Text[q.Content.Start:q.Content.End], w.content) {
					found = true
					if sp := doc.Text[q.Speaker.Start:q.Speaker.End]; !strings.Contains(sp, w.speaker) {
						t.Errorf("%q: cue %q speaker %q, want %q", c.s, w.cue, sp, w.speaker)
					}
				}
			}
			if !found {
				t.Errorf("%q: no quote with cue %q and content %q...", c.s, w.cue, w.content)
			}
		}
	}
	// the test can fail: without the rule the one addressed is content
	o := quotes.DefaultOptions
	o.AddresseeTo = false
	s := "The opposition leader has written to the prime minister demanding an explanation of the new rules.\n"
	doc, _, qs := allQuotes(t, s, o)
	if _, ok := quoteWith(doc, qs, "the prime minister demanding"); !ok {
		t.Errorf("%q: without AddresseeTo the one addressed is no content either (the test cannot fail)", s)
	}
}

// TestMiscModifier: a religion or group name before a noun of the
// speaker ("The Catholic bishops") is not who speaks.
func TestMiscModifier(t *testing.T) {
	s := "The Catholic bishops said the law was wrong. Catholic leaders had warned of it.\n"
	doc, ents, qs := allQuotes(t, s, quotes.DefaultOptions)
	n := 0
	for _, q := range qs {
		if q.Speaker.End == 0 {
			continue
		}
		n++
		if q.EntityIndex >= 0 {
			t.Errorf("speaker %q linked to %q (%s)", doc.Text[q.Speaker.Start:q.Speaker.End], ents[q.EntityIndex].Name, ents[q.EntityIndex].Type)
		}
		if q.SpeakerName != doc.Text[q.Speaker.Start:q.Speaker.End] {
			t.Errorf("speaker %q named %q", doc.Text[q.Speaker.Start:q.Speaker.End], q.SpeakerName)
		}
	}
	if n == 0 {
		t.Errorf("%q: no quote with a speaker", s)
	}
}

// TestNestedStraight: a quote inside a quote in the same straight marks is
// part of it; a broken quote (no closing mark before the next opening)
// is not read as nesting.
func TestNestedStraight(t *testing.T) {
	onlyWith(t, "\"You lie; you do not go in because you \"had things to do at home\"; you cancel dinners, you watch less TV,\" he wrote.\n",
		"you cancel dinners", "\"You lie", "", func(o *quotes.Options, on bool) { o.NestedStraight = on })
	s := "Mr Lane said the bill \"had the feel of a draft, and urged ministers to promise that \"a duty to consult will be law\" before it went further. \"Ministers must work hard,\" he added.\n"
	_, _, qs := allQuotes(t, s, quotes.DefaultOptions)
	o := quotes.DefaultOptions
	o.NestedStraight = false
	_, _, off := allQuotes(t, s, o)
	if !reflect.DeepEqual(qs, off) {
		t.Errorf("broken quote read as nesting: %v, without the rule %v", qs, off)
	}
}

// TestLongHearer: what is told starts at "that" past a long hearer.
func TestLongHearer(t *testing.T) {
	for _, c := range []struct{ s, part, start string }{
		{"Mr Varga told a joint news conference with the Green Party leader Ana Kolar that his party was ready to vote.\n", "his party was ready", "that his party"},
		{"She told the Radio Kelmouth breakfast programme Morning Call she hoped the bridge would open in May.\n", "the bridge would open", "she hoped"},
	} {
		onlyWith(t, c.s, c.part, c.start, "", func(o *quotes.Options, on bool) { o.LongHearer = on })
	}
}

// TestAccordingRunOn: the source after "According to" ends where the
// clause's subject starts when no comma parts them.
func TestAccordingRunOn(t *testing.T) {
	onlyWith(t, "According to the state news agency most of the cafes were closed because they broke the rules.\n",
		"were closed", "most of the cafes", "the state news agency", func(o *quotes.Options, on bool) { o.AccordingRunOn = on })
}

// onlyWith checks that the quote of s that holds part starts with start
// (and has the speaker, unless it is "") with the rule that set turns on, and
// not without it: the test of the rule can fail.
func onlyWith(t *testing.T, s, part, start, speaker string, set func(*quotes.Options, bool)) {
	t.Helper()
	for _, on := range []bool{true, false} {
		o := quotes.DefaultOptions
		set(&o, on)
		doc, _, qs := allQuotes(t, s, o)
		q, ok := quoteWith(doc, qs, part)
		got := ok && strings.HasPrefix(doc.Text[q.Content.Start:q.Content.End], start) &&
			(speaker == "" || doc.Text[q.Speaker.Start:q.Speaker.End] == speaker)
		if got != on {
			t.Errorf("%q, rule on %v: quotes %v", s, on, qs)
		}
	}
}
