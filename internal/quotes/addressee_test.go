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
		{s: "The bakery's owner apologised to customers who fell ill after the fair.\n", not: []string{"customers"}},
		{s: "The mayor spoke to reporters outside the library on Friday.\n", not: []string{"reporters"}},
		{s: "Critics say the fees were added to the bills without any warning.\n", not: []string{"the bills"}},
		{s: "A union official pointed out to the Kelmouth Gazette that no vote had been called on the plan.\n",
			not: []string{"the Daily"}, want: []want{{"pointed out", "that no vote", "A union official"}}},
		{s: "The harbour master has written to the port's owners demanding a date for the dredging work.\n",
			not: []string{"the port's owners"}, want: []want{{"demanding", "a date", "The harbour master"}}},
		{s: "Ann Reid wrote to the head teacher on Monday accusing her of ignoring the parents.\n",
			want: []want{{"accusing", "ignoring", "Ann Reid"}}},
		{s: "The club has written to three of the fans banned from Elm Park telling them they may return next season.\n",
			want: []want{{"telling", "they may return", "The club"}}},
		{s: "Late on Friday, while prices of grain were climbing, Ms. Tan wrote to farmers, telling them the co-op would pay more.\n",
			want: []want{{"telling", "the co-op", "Ms. Tan"}}},
		{s: "Parish councillor Rhoda Blake wrote a letter to the bishop in March opposing the sale of the hall.\n",
			want: []want{{"opposing", "the sale", "Rhoda Blake"}}},
		{s: "Tenants have complained to the housing trust about the damp in the flats.\n",
			not: []string{"the housing"}, want: []want{{"complained", "the damp", "Tenants"}}},
		{s: "Two poets wrote to the festival in Bergen complaining about what they called a snub.\n",
			notCue: "wrote"},
		// "up to" is a figure, "to" before a verb an infinitive
		{s: "A spokeswoman for the railway said up to ten minutes will be saved on each trip.\n", want: []want{{"said up to", "ten minutes", "railway"}}},
		{s: "The ferry operator also said about 40 sailings a week would be cut in winter.\n",
			want: []want{{"also said", "about 40 sailings", "The ferry operator"}}},
		// what is spoken of stays
		{s: "Her coach pointed to the poor state of the pitch.\n", want: []want{{"pointed to", "the poor state", "Her coach"}}},
		{s: "The bishop responded to the petition from the parish on Sunday.\n", want: []want{{"responded to", "the petition", "The bishop"}}},
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
	// (the cue model's and the filter's thresholds low, so that "written
	// to" is a cue and its quote kept however the models score them)
	o := quotes.DefaultOptions
	o.AddresseeTo, o.MinCueScore, o.MinScore = false, 0.01, 0
	s := "The harbour master has written to the port's owners demanding a date for the dredging work.\n"
	doc, _, qs := allQuotes(t, s, o)
	if _, ok := quoteWith(doc, qs, "the port's owners demanding"); !ok {
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
	onlyWith(t, "\"We stay home because we \"have chores to do\"; we skip dinners, we sleep early,\" she said.\n",
		"we skip dinners", "\"We stay home", "", func(o *quotes.Options, on bool) { o.NestedStraight = on })
	s := "Ms Orr said the plan \"looked rushed, and asked the board to confirm that \"tenants will be asked\" before any work began. \"The board must listen,\" she added.\n"
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
		{"Mr Varga told a packed meeting in the school hall with the farmers' leader Ana Kolar that his group would back the plan.\n", "would back the plan", "that his group"},
		{"She told the Radio Kelmouth breakfast programme Morning Call she hoped the bridge would open in May.\n", "the bridge would open", "she hoped"},
	} {
		onlyWith(t, c.s, c.part, c.start, "", func(o *quotes.Options, on bool) { o.LongHearer = on })
	}
}

// TestAccordingRunOn: the source after "According to" ends where the
// clause's subject starts when no comma parts them.
func TestAccordingRunOn(t *testing.T) {
	onlyWith(t, "According to the town's own survey most of the shops were empty because rents had doubled.\n",
		"were empty", "most of the shops", "the town's own survey", func(o *quotes.Options, on bool) { o.AccordingRunOn = on })
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
