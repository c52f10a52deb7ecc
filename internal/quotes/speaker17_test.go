package quotes_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
)

// Speakers the subject and inverted rules had missed: a participle after
// an adverb or "by", a year inside the subject, a number word and a name,
// "Said X:" opening a sentence, and the subject of a verb the tagger read
// as a noun.
func TestSpeakers17(t *testing.T) {
	for _, c := range []struct {
		s, part, speaker string
		set              func(*quotes.Options, bool)
	}{
		{"The club owner complained about the pitch after the match, even suggesting it may have been damaged on purpose.\n", "damaged", "The club owner",
			func(o *quotes.Options, on bool) { o.ParticipleAdverb = on }},
		{"The mayor then appeared on local radio and opened by saying she would never sell the library.\n", "library", "The mayor",
			func(o *quotes.Options, on bool) { o.ParticipleAdverb = on }},
		{"A memorable union advert in 2008 questioned whether the minister was ready for a crisis.\n", "ready", "A memorable union advert",
			func(o *quotes.Options, on bool) { o.SubjectYear = on }},
		{"One Republican threatened to make the banker testify in a public hearing.\n", "testify", "One Republican",
			func(o *quotes.Options, on bool) { o.CountedName = on }},
		{"Said Ellis: \"I do not think she is interested in reform.\"\n", "reform", "Ellis",
			func(o *quotes.Options, on bool) { o.InitialSaid = on }},
		{"Trade was quiet. But some note that the mayor has offered few details of the reform.\n", "few details", "some",
			func(o *quotes.Options, on bool) { o.NounSubjectMore = on }},
		{"Pickets walking along the quay shouted \"No more cuts\" until late at night.\n", "No more cuts", "Pickets",
			func(o *quotes.Options, on bool) { o.PrepObject = on }},
		{"Trade was quiet. The mayor's deputy, Jane Doe, plans to release her own accounts soon.\n", "accounts", "The mayor's deputy, Jane Doe",
			func(o *quotes.Options, on bool) { o.NounSubjectMore = on }},
	} {
		onlyWith(t, c.s, c.part, "", c.speaker, c.set)
	}
}

// A participle or coordinated cue after a fronted subordinate clause that
// holds a cue of its own speaks with the main clause's subject.
func TestFrontedSpeaker(t *testing.T) {
	for _, c := range []struct{ s, part, speaker string }{
		{"While the landlord has long denied any fault, the tenants' association rejects his account and says it will take the case to court.\n", "take the case", "the tenants' association"},
		{"While the union has said the offer is fair, its members rejected the deal and said they would strike in May.\n", "strike", "its members"},
	} {
		onlyWith(t, c.s, c.part, "", c.speaker, func(o *quotes.Options, on bool) { o.FrontedSpeaker = on })
	}
}

// "which X said ...": the relative pronoun is the subject of what was
// said, so the content starts at it; not after a preposition ("for which
// he wrote").
func TestRelativeContent(t *testing.T) {
	for _, c := range []struct{ s, part, start string }{
		{"The council approved the budget. It adds a tax on parking, which, the mayor said, would raise two million pounds a year.\n", "two million", "which, the mayor said,"},
		{"She praised the firm's new chief, who she said had turned the company around in a year.\n", "turned the company", "who she said"},
	} {
		onlyWith(t, c.s, c.part, c.start, "", func(o *quotes.Options, on bool) { o.RelativeContent = on })
	}
}

// Noun-phrase content ends before the occasion of speech; a phrase that
// names no occasion stays.
func TestEventAdjunct(t *testing.T) {
	for _, c := range []struct {
		s, part, content string
		on               bool // the rule changes the content
	}{
		{"The senator denounced the new tax in a speech on Monday.\n", "new tax", "the new tax", true},
		{"The senator denounced the new tax in a speech on Monday.\n", "new tax", "the new tax in a speech", false},
		{"The senator denounced the new tax in the capital on Monday.\n", "new tax", "the new tax in the capital", true},
	} {
		o := quotes.DefaultOptions
		o.EventAdjunct = c.on
		doc, _, qs := allQuotes(t, c.s, o)
		q, ok := quoteWith(doc, qs, c.part)
		if !ok || doc.Text[q.Content.Start:q.Content.End] != c.content {
			t.Errorf("%q, EventAdjunct %v: quotes %v, want content %q", c.s, c.on, qs, c.content)
		}
	}
}

// A noun cue whose content is a time alone makes no quote.
func TestNounTime(t *testing.T) {
	s := "The charity pleaded for more funding in a statement on Friday.\n"
	for _, on := range []bool{true, false} {
		o := quotes.DefaultOptions
		o.NounTime = on
		o.MinScore = 0 // the filter's verdict aside
		doc, _, qs := allQuotes(t, s, o)
		_, ok := quoteWith(doc, qs, "Friday")
		if ok == on {
			t.Errorf("NounTime %v: quotes %v", on, qs)
		}
	}
}
