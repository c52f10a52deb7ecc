package quotes_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
)

// qaOff returns the default options with the named rule set to on, and
// with the filter out of the way when off: a retrained filter may drop
// what the rule gets wrong, and the check that the test can fail must not
// lean on it.
func qaOff(on bool, set func(*quotes.Options, bool)) quotes.Options {
	o := quotes.DefaultOptions
	set(&o, on)
	if !on {
		o.MinScore = 0
	}
	return o
}

// speakersOf returns the speaker texts of the quotes whose cue is cue.
func speakersOf(t *testing.T, s, cue string, o quotes.Options) (speakers, contents []string) {
	t.Helper()
	doc, _, qs := allQuotes(t, s, o)
	for _, q := range qs {
		if doc.Text[q.Cue.Start:q.Cue.End] == cue {
			speakers = append(speakers, doc.Text[q.Speaker.Start:q.Speaker.End])
			contents = append(contents, doc.Text[q.Content.Start:q.Content.End])
		}
	}
	return speakers, contents
}

// "..., the carrier's press officer in Lagos, Kemi Adeyemi, told
// Reuters.": the noun phrase after "told" is the hearer, never the
// speaker.
func TestTellSpeaker(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.TellSpeaker = on }
	for _, c := range []struct{ s, speaker, content string }{
		{"Trade was slow.\n\"The depot will reopen in June,\" the carrier's press officer in Lagos, Kemi Adeyemi, told Reuters.\n",
			"Kemi Adeyemi", "\"The depot will reopen in June,\""},
		{"Trade was slow.\nThe depot is for the first time in years hiring drivers, the carrier's head of staff in Lagos, Kemi Adeyemi, told reporters.\n",
			"Kemi Adeyemi", "The depot is for the first time in years hiring drivers"},
	} {
		sp, ct := speakersOf(t, c.s, "told", qaOff(true, set))
		if len(sp) != 1 || sp[0] != c.speaker || ct[0] != c.content {
			t.Errorf("%q: speakers %q said %q, want %q said %q", c.s, sp, ct, c.speaker, c.content)
		}
		// without the rule the hearer spoke
		sp, _ = speakersOf(t, c.s, "told", qaOff(false, set))
		for _, w := range sp {
			if w == c.speaker {
				t.Errorf("%q: without TellSpeaker the speaker is already %q: the test tests nothing", c.s, w)
			}
		}
	}
}

// "Mr Tolland, who sits on the port board and was part of the review,
// said on Tuesday: ...": the noun phrase that opens the sentence speaks
// past a parenthesis that holds verbs of its own.
func TestOpeningSubject(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.OpeningSubject = on }
	for _, c := range []struct{ s, cue, speaker string }{
		{"Trade was slow.\nMr Tolland, who sits on the port board and was part of the dredging review, said on Tuesday: \"The channel is too shallow for the new ferries.\"\n", "said", "Mr Tolland"},
		{"Trade was slow.\nThe Harbour Trust, which has lost money for three years and was fined in May, said it would sell two of its tugs.\n", "said", "The Harbour Trust"},
		{"Trade was slow.\nThe pilots' union, in its first statement since the strike began, told members that the talks would resume.\n", "told", "The pilots' union"},
	} {
		sp, _ := speakersOf(t, c.s, c.cue, qaOff(true, set))
		if len(sp) != 1 || sp[0] != c.speaker {
			t.Errorf("%q: speakers %q, want %q", c.s, sp, c.speaker)
		}
		sp, _ = speakersOf(t, c.s, c.cue, qaOff(false, set))
		for _, w := range sp {
			if w == c.speaker {
				t.Errorf("%q: without OpeningSubject the speaker is already %q: the test tests nothing", c.s, w)
			}
		}
	}
	// a verb of the main clause in the parenthesis: the clause is what
	// is said, the opening noun phrase does not speak
	s := "Trade was slow.\nSome ferry operators, mostly small ones, are wary of the new tolls, said the Harbour Trust.\n"
	if sp, _ := speakersOf(t, s, "said", quotes.DefaultOptions); len(sp) == 1 && sp[0] == "Some ferry operators" {
		t.Errorf("%q: speaker %q", s, sp[0])
	}
}

// "... now sell rye bread said Mr Kettering.": an inverted attribution
// with no comma; the name speaks, the clause before is what is said.
func TestInvertedNoComma(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.InvertedNoComma = on }
	s := "Trade was slow.\nMost bakeries in the valley now sell rye bread said Mr Kettering.\n"
	sp, ct := speakersOf(t, s, "said", qaOff(true, set))
	if len(sp) != 1 || sp[0] != "Mr Kettering" || ct[0] != "Most bakeries in the valley now sell rye bread" {
		t.Errorf("%q: %q said %q, want Mr Kettering", s, sp, ct)
	}
	sp, _ = speakersOf(t, s, "said", qaOff(false, set))
	for _, w := range sp {
		if w == "Mr Kettering" {
			t.Errorf("without InvertedNoComma the speaker is already %q: the test tests nothing", w)
		}
	}
	// the name is the subject of what is said: no inversion
	s = "Trade was slow.\nThe inspector said Mr Kettering was right.\n"
	if sp, _ := speakersOf(t, s, "said", quotes.DefaultOptions); len(sp) != 1 || sp[0] != "The inspector" {
		t.Errorf("%q: speakers %q, want The inspector", s, sp)
	}
}

// A headline with no final stop ("Harbour pilots seek pay rise") is no
// quote unless it reports speech: a reporting verb before a clause, or a
// name after "says" with no comma, which then speaks.
func TestHeadlineSpeech(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.HeadlineSpeech = on }
	body := "\n\nThe pilots of the port of Dunmore asked for a raise of six percent on Monday, their union said.\n"
	s := "Harbour pilots seek pay rise" + body
	if sp, ct := speakersOf(t, s, "seek", qaOff(true, set)); len(sp) > 0 {
		t.Errorf("%q: headline quote %q said %q", s, sp, ct)
	}
	if sp, _ := speakersOf(t, s, "seek", qaOff(false, set)); len(sp) == 0 {
		t.Errorf("%q: without HeadlineSpeech no headline quote either: the test tests nothing", s)
	}
	// the body's quote stays
	if sp, _ := speakersOf(t, s, "said", qaOff(true, set)); len(sp) != 1 || sp[0] != "their union" {
		t.Errorf("%q: body speakers %q, want their union", s, sp)
	}
	s = "Mayor says ferry will run in May" + body
	if sp, ct := speakersOf(t, s, "says", qaOff(true, set)); len(sp) != 1 || sp[0] != "Mayor" || ct[0] != "ferry will run in May" {
		t.Errorf("%q: headline %q said %q, want Mayor said ferry will run in May", s, sp, ct)
	}
	s = "Ferry back in May says Mayor Brann" + body
	// the rule turns the quote round; whether the filter keeps a headline
	// quote is the model's (the filter of session 20 scores this one under
	// its threshold), so it is out of the way here
	turned := qaOff(true, set)
	turned.MinScore = 0
	if sp, ct := speakersOf(t, s, "says", turned); len(sp) != 1 || sp[0] != "Mayor Brann" || ct[0] != "Ferry back in May" {
		t.Errorf("%q: headline %q said %q, want Mayor Brann said Ferry back in May", s, sp, ct)
	}
	if sp, _ := speakersOf(t, s, "says", qaOff(false, set)); len(sp) == 1 && sp[0] == "Mayor Brann" {
		t.Errorf("%q: without HeadlineSpeech the speaker is already Mayor Brann: the test tests nothing", s)
	}
}

// "“...,” said harbour master Tom Olsen. “...,” he added.": the pronoun
// of "added" goes on with the speaker before, not a name inside the
// quotation or a person named earlier.
func TestAddedSpeaker(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.AddedSpeaker = on }
	for _, c := range []struct{ s, name string }{
		// (reported speech after the quotation: the entity resolver no
		// longer links a subject pronoun after a quotation to a name
		// inside it, but a name in reported speech is nearer)
		{"Trade was slow.\n\"We will sail again in May,\" said harbour master Tom Olsen. The storm cost Dara Venn two of his boats, he added.\n", "Tom Olsen"},
		{"Committee chairman Edward Lang said the checks were too slow.\nA Treasury spokesman said the rules were made stricter after the review. He added that the old rules would be replaced by a single check.\n", "Treasury"},
	} {
		name := func(o quotes.Options) string {
			doc, _, qs := allQuotes(t, c.s, o)
			for _, q := range qs {
				if doc.Text[q.Cue.Start:q.Cue.End] == "added" {
					return q.SpeakerName
				}
			}
			return "(none)"
		}
		if got := name(qaOff(true, set)); got != c.name {
			t.Errorf("%q: he added, speaker name %q, want %q", c.s, got, c.name)
		}
		if got := name(qaOff(false, set)); got == c.name {
			t.Errorf("%q: without AddedSpeaker the speaker is already %q: the test tests nothing", c.s, got)
		}
	}
}

// "said his coach Tam Rudd": the owner of "his" does not speak, the coach
// named does; a state after a town is no speaker ("in Dunmore, Pa.
// said"), nor is the place of "Officials in Varna ..., saying".
func TestOwnerAndPlaceSpeaker(t *testing.T) {
	own := func(o *quotes.Options, on bool) { o.OwnerPronoun = on }
	s := "Trade was slow.\nThe sprinter Jon Alder missed the meeting in Leeds. \"It is nothing serious,\" said his coach Tam Rudd.\n"
	name := func(o quotes.Options) string {
		doc, _, qs := allQuotes(t, s, o)
		for _, q := range qs {
			if doc.Text[q.Cue.Start:q.Cue.End] == "said" {
				return q.SpeakerName
			}
		}
		return "(none)"
	}
	if got := name(qaOff(true, own)); got != "Tam Rudd" {
		t.Errorf("%q: speaker name %q, want Tam Rudd", s, got)
	}
	if got := name(qaOff(false, own)); got == "Tam Rudd" {
		t.Errorf("without OwnerPronoun the speaker is already Tam Rudd: the test tests nothing")
	}

	place := func(o *quotes.Options, on bool) { o.PlaceSubject = on }
	for _, c := range []struct{ s, cue, speaker string }{
		{"Trade was slow.\nA spokesman for the Brindle bank in Dunmore, Pa. said that the merger was on track.\n", "said", "A spokesman for the Brindle bank in Dunmore, Pa."},
		{"Trade was slow.\nOfficials in Varna played down the delay, saying the date had not been set.\n", "saying", "Officials in Varna"},
	} {
		sp, _ := speakersOf(t, c.s, c.cue, qaOff(true, place))
		if len(sp) != 1 || sp[0] != c.speaker {
			t.Errorf("%q: speakers %q, want %q", c.s, sp, c.speaker)
		}
		sp, _ = speakersOf(t, c.s, c.cue, qaOff(false, place))
		for _, w := range sp {
			if w == c.speaker {
				t.Errorf("%q: without PlaceSubject the speaker is already %q: the test tests nothing", c.s, w)
			}
		}
	}
}

// "said Le Figaro newspaper": the tagger reads "Figaro" as a foreign word;
// it is part of the speaker's name.
func TestForeignName(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.ForeignName = on }
	s := "Trade was quiet.\n\"The new season looks weak,\" said Le Figaro newspaper.\n"
	if sp, _ := speakersOf(t, s, "said", qaOff(true, set)); len(sp) != 1 || sp[0] != "Le Figaro newspaper" {
		t.Errorf("%q: speakers %q, want Le Figaro newspaper", s, sp)
	}
	if sp, _ := speakersOf(t, s, "said", qaOff(false, set)); len(sp) == 1 && sp[0] == "Le Figaro newspaper" {
		t.Errorf("without ForeignName the speaker is already %q: the test tests nothing (the tagger no longer reads a foreign word?)", sp[0])
	}
}

// The names of a relative clause in the speaker span do not speak ("The
// film, which Ola Senn co-produced, has drawn ..."), nor does the place
// of "UK-based".
func TestRelativeMention(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.RelativeMention, o.PlaceSubject = on, on }
	for _, c := range []struct{ s, cue, bad string }{
		{"Trade was slow.\nThe drama Harbour Lights, which Ola Senn co-produced last year, has drawn an audience of two million, its distributor claimed.\n", "drawn", "Ola Senn"},
		{"Trade was slow.\nThe bakery group, which owns brands including Tansy Bread and Morrow Cakes, said annual profit fell by a third.\n", "said", "Tansy Bread"},
	} {
		name := func(o quotes.Options) (string, bool) {
			doc, ents, qs := allQuotes(t, c.s, o)
			for _, q := range qs {
				if doc.Text[q.Cue.Start:q.Cue.End] == c.cue {
					if q.EntityIndex >= 0 {
						return ents[q.EntityIndex].Name, true
					}
					return "", true
				}
			}
			return "", false
		}
		if got, _ := name(qaOff(true, set)); got == c.bad {
			t.Errorf("%q: speaker resolved to %q of the relative clause", c.s, got)
		}
		if got, ok := name(qaOff(false, set)); ok && got != c.bad {
			t.Errorf("%q: without RelativeMention the speaker is already %q, not %q: the test tests nothing", c.s, got, c.bad)
		}
	}
}

// "According to the organisation": the organisation the text has named
// most, not the one it named last (here as the object of "urged"): the
// entity resolution links the description (entity's orgNominal), and
// the speaker takes its entity.
func TestDescriptionSpeaker(t *testing.T) {
	s := "Rail fares will rise by a tenth next year, the Northern Rail Safety Organisation has warned.\n\n" +
		"The Northern Rail Safety Organisation said ticket offices would close in twelve towns. " +
		"The Northern Rail Safety Organisation has asked the Coastal Ferry Organisation to share its ports. " +
		"It also criticised the cost of new trains.\n\n" +
		"According to the organisation, the cost of diesel has doubled since May.\n"
	doc, ents, qs := allQuotes(t, s, quotes.DefaultOptions)
	got := "(no quote)"
	for _, q := range qs {
		if doc.Text[q.Cue.Start:q.Cue.End] == "According to" {
			got = ""
			if q.EntityIndex >= 0 {
				got = ents[q.EntityIndex].Name
			}
		}
	}
	if got != "Northern Rail Safety Organisation" {
		t.Errorf("according to the organisation: %q, want Northern Rail Safety Organisation", got)
	}
}

// "visa staff abroad who feared ...": "who" stands for the staff past
// the place adverb.
func TestPlaceAdverbWho(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.PlaceAdverbWho = on }
	s := "Trade was slow.\nThe board dismissed the worries of port staff abroad who feared the new locks would fail.\n"
	on := qaOff(true, set)
	on.MinScore = 0
	if sp, _ := speakersOf(t, s, "feared", on); len(sp) != 1 || sp[0] != "who" {
		t.Errorf("%q: speakers %q, want who", s, sp)
	}
	if sp, _ := speakersOf(t, s, "feared", qaOff(false, set)); len(sp) == 1 && sp[0] == "who" {
		t.Errorf("without PlaceAdverbWho the speaker is already who: the test tests nothing")
	}
}

// "said last week it would ...": the period is no content; "said this
// year will be hard": it is the clause's subject.
func TestLastPeriod(t *testing.T) {
	set := func(o *quotes.Options, on bool) { o.LastPeriod = on }
	for _, c := range []struct{ s, want string }{
		{"Trade was slow.\nThe port authority said last week it would dredge the channel in May.\n", "it would dredge the channel in May"},
		{"Trade was slow.\nThe port authority announced this month that the channel would be dredged.\n", "that the channel would be dredged"},
		{"Trade was slow.\nThe port authority said this year would be the hardest in a decade.\n", "this year would be the hardest in a decade"},
	} {
		_, ct := speakersOf(t, c.s, "said", qaOff(true, set))
		if len(ct) == 0 {
			_, ct = speakersOf(t, c.s, "announced", qaOff(true, set))
		}
		if len(ct) != 1 || ct[0] != c.want {
			t.Errorf("%q: contents %q, want %q", c.s, ct, c.want)
		}
	}
	s := "Trade was slow.\nThe port authority said last week it would dredge the channel in May.\n"
	if _, ct := speakersOf(t, s, "said", qaOff(false, set)); len(ct) == 1 && ct[0] == "it would dredge the channel in May" {
		t.Errorf("without LastPeriod the content is already %q: the test tests nothing", ct[0])
	}
}
