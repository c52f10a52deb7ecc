package entity_test

import "testing"

// A name in apposition to the subject is the subject ("The party's
// leader, Peter Vance, has said he ..."), and a subject pronoun outside a
// quotation does not point to a name inside the quotation of its own
// sentence (`"... Ben Ludd ...," he said` is the speaker's "he"); a
// pronoun inside a quotation does not point to the subject outside it.
func TestPronounAcrossQuotes(t *testing.T) {
	doc, es := run(t, `Tom Harlow quit the party last week after months of rows.

The party's leader, Peter Vance, has said he is pleased to be rid of Harlow. "The rows with Ben Ludd wore everyone out," he said.

Coach Dan Pike said the striker was fit. Pike told reporters: "Sam Rudd scored twice and he was the best player on the pitch."`)
	vance := named(es, "Peter Vance")
	if vance == nil {
		t.Fatal("no entity Peter Vance")
	}
	for _, n := range []int{0, 1} { // "he is glad", "he said"
		if e := owner(doc, es, "he", n); e != vance {
			t.Errorf("he #%d belongs to %v, want Peter Vance", n, e)
		}
	}
	if e := owner(doc, es, "he", 2); e == nil || e.Name != "Sam Rudd" {
		t.Errorf("the he inside the coach's quotation belongs to %v, want Sam Rudd", e)
	}
}

// The speaker of a quotation says "I": a "he" inside a quotation that a
// verb of saying introduces after a colon is someone else, in a later
// sentence of the quotation too.
func TestQuotedPronounNotSpeaker(t *testing.T) {
	doc, es := run(t, `Dan Reeve was fined a week's wages after the row with the club.

Manager Tom Abbot said: "It was a bad night. He can't play for me again."`)
	if e := owner(doc, es, "He", 0); e == nil || e.Name != "Dan Reeve" {
		t.Errorf("the He inside the manager's quotation belongs to %v, want Dan Reeve", e)
	}
}

// A pronoun after a quotation of several sentences speaks it; a "he"
// inside the quotation that follows "..., he said" is not the speaker; a
// straight mark before a word after a sentence's end opens a quotation
// that runs on.
func TestPronounAfterQuotation(t *testing.T) {
	doc, es := run(t, `Coach Dan Pike praised his striker after the match.

"Sam Rudd was superb. I think he will start again on Saturday," he said. "He works hard. "He deserves it," he added.`)
	pike := named(es, "Dan Pike")
	if pike == nil {
		t.Fatal("no entity Dan Pike")
	}
	if e := owner(doc, es, "he", 1); e != pike { // "he said"
		t.Errorf("he said belongs to %v, want Dan Pike", e)
	}
	if e := owner(doc, es, "He", 0); e == nil || e.Name != "Sam Rudd" { // "He works hard"
		t.Errorf("He works hard belongs to %v, want Sam Rudd", e)
	}
	if e := owner(doc, es, "he", 2); e != pike { // "he added"
		t.Errorf("he added belongs to %v, want Dan Pike", e)
	}
}

// A verb of saying introduces a quotation for its own sentence's
// subject only: the subject of the sentence before is not the speaker
// that a quoted "he" must avoid.
func TestQuotedPronounPreviousSubject(t *testing.T) {
	doc, es := run(t, `Jon Hale wants a bigger role for the treasurer, Ed Kemp. The party said the budget was central, so Kemp rightly had a large part. But Hale argued: "By a long way, he is the one that voters trust most."`)
	if e := owner(doc, es, "he", 0); e == nil || e.Name != "Ed Kemp" {
		t.Errorf("the he inside Hale's quotation belongs to %v, want Ed Kemp", e)
	}
}

// The speaker's entity, not only the mention before the colon, is kept
// from a quoted "he": a "He said:" that points to the coach makes the
// coach the speaker of the quotation.
func TestQuotedPronounSpeakerEntity(t *testing.T) {
	doc, es := run(t, `Sam Rudd has missed six weeks with a bad knee. Yet coach Dan Pike hinted the striker may return soon. He said: "There is a fair chance he could start on Sunday."`)
	if e := owner(doc, es, "he", 0); e == nil || e.Name != "Sam Rudd" {
		t.Errorf("the he inside the coach's quotation belongs to %v, want Sam Rudd", e)
	}
}

// `"...," said Tom Vale. "... he ..."`: the name after the verb of saying
// speaks the quotations that follow, so a "he" in them is someone else;
// not a name after "said" that begins reported speech ("Vale, who lost,
// said Rudd was ...").
func TestQuotedPronounAfterInvertedSpeaker(t *testing.T) {
	doc, es := run(t, `Tom Vale beat Sam Rudd 6-3 6-4 in the final. "I served much better today," said Vale. "I kept him on the move and he tired late in the second set."`)
	if e := owner(doc, es, "him", 0); e == nil || e.Name != "Sam Rudd" {
		t.Errorf("the him inside Vale's quotation belongs to %v, want Sam Rudd", e)
	}
}

// `"...," said producer Ola Senn. "...," he added`: the "he" of "he
// added" is the speaker going on, not the subject named before.
func TestSpeakerGoesOn(t *testing.T) {
	doc, es := run(t, "Crowds cheered as Rexo received a star on the boulevard. \"Rexo should thank you for this star,\" said producer Ola Senn. \"But sadly, he cannot speak English,\" he added.")
	if e := owner(doc, es, "he added", 0); e == nil || e.Name != "Ola Senn" {
		t.Errorf("he added belongs to %v, want Ola Senn", e)
	}
	if e := owner(doc, es, "he cannot", 0); e == nil || e.Name != "Rexo" {
		t.Errorf("the he inside the quotation belongs to %v, want Rexo", e)
	}
}
