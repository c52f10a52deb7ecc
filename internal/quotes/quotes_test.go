package quotes_test

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/text"
)

// An article written for these tests.
const harbour = `Port Authority Chairman Helen Marsh said on Tuesday that the new container terminal would open in March.
"We have waited ten years for this," Marsh told reporters at the harbour. "The city will finally have a port that matches its ambitions."
She added that the dredging contract had come in under budget, stressing that no public money had been lost.
According to the union, dock workers were not consulted about the night shifts.
The plan is "reckless and short-sighted," said Tom Okafor, a spokesman for the dockworkers' union.
Okafor warned that strikes could follow.
“We will not be ignored,” he said.
“The harbour belongs to the people who work in it.
“Nobody asked us,” he added.
Mayor Daniel Reyes, who attended the ceremony, praised the project, saying it would bring thousands of jobs.`

type want struct {
	content string // the content starts with this
	speaker string // the speaker entity's name contains this ("" for none)
	kind    quotes.Kind
}

func TestExtractArticle(t *testing.T) {
	doc, ents, qs := pipeline(t, harbour)
	at := func(sp text.Span) string { return doc.Text[sp.Start:sp.End] }
	wants := []want{
		{"that the new container terminal would open in March", "Marsh", quotes.Indirect},
		{`"We have waited ten years for this,"`, "Marsh", quotes.Direct},
		{"that the dredging contract had come in under budget", "Marsh", quotes.Indirect},
		{"that no public money had been lost", "Marsh", quotes.Indirect},
		{"dock workers were not consulted", "union", quotes.Indirect},
		{`The plan is "reckless and short-sighted,"`, "Okafor", quotes.Mixed},
		{"that strikes could follow", "Okafor", quotes.Indirect},
		{"“We will not be ignored,”", "Okafor", quotes.Direct},
		{"“The harbour belongs to the people who work in it.", "Okafor", quotes.Direct},
		{"it would bring thousands of jobs", "Reyes", quotes.Indirect},
	}
	for _, w := range wants {
		found := false
		for _, q := range qs {
			if !strings.HasPrefix(at(q.Content), w.content) {
				continue
			}
			found = true
			if q.Kind != w.kind {
				t.Errorf("%q: kind %s, want %s", w.content, q.Kind, w.kind)
			}
			if w.speaker != "" && !strings.Contains(q.SpeakerName, w.speaker) {
				t.Errorf("%q: speaker %q (%q), want %s", w.content, q.SpeakerName, at(q.Speaker), w.speaker)
			}
			if q.EntityIndex >= 0 && ents[q.EntityIndex].Name != q.SpeakerName {
				t.Errorf("%q: entity %d is %q, speaker name %q", w.content, q.EntityIndex, ents[q.EntityIndex].Name, q.SpeakerName)
			}
		}
		if !found {
			t.Errorf("no quote starting %q", w.content)
		}
	}
	// "the people who work in it" runs over a paragraph break into the
	// next quote of the same speaker
	for _, q := range qs {
		if strings.HasPrefix(at(q.Content), "“The harbour belongs") && !strings.Contains(at(q.Content), "Nobody asked us") {
			t.Errorf("the quote over two paragraphs ends early: %q", at(q.Content))
		}
		if q.Content.Start < 0 || q.Content.End > len(doc.Text) || q.Content.Start >= q.Content.End {
			t.Errorf("bad span %+v", q.Content)
		}
	}
	if t.Failed() {
		for _, q := range qs {
			t.Logf("%s %q cue %q <- %q (%s)", q.Kind, at(q.Content), at(q.Cue), at(q.Speaker), q.SpeakerName)
		}
	}
}

func TestNoQuotes(t *testing.T) {
	doc, _, qs := pipeline(t, "The river rose by two metres overnight. Roads near the bridge were closed.")
	for _, q := range qs {
		t.Errorf("unexpected quote %q", doc.Text[q.Content.Start:q.Content.End])
	}
}

func TestUntaggedEmpty(t *testing.T) {
	// no tags, no entities, no text: no panic
	for _, s := range []string{"", "“", "said", "\"Yes,\" he said", "According to"} {
		quotes.Extract(text.Analyze(s), nil)
	}
}

func BenchmarkExtract(b *testing.B) {
	doc, ents, _ := pipeline(b, strings.Repeat(harbour+"\n\n", 20))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		quotes.Extract(doc, ents)
	}
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// Newspaper styles: ” marks, a byline dash, a transcript.
func TestExtractStyles(t *testing.T) {
	doc, _, qs := pipeline(t, "''The bridge will be rebuilt by spring,'' said Ann Lee, a county engineer.\n\n"+
		"“Nobody in this town was warned about the flood.” ― Maria Gomez\n\n"+
		"REPORTER: Will the road reopen this week?\n\nLEE: It depends on the weather.")
	at := func(sp text.Span) string { return doc.Text[sp.Start:sp.End] }
	want := map[string]string{
		"''The bridge will be rebuilt by spring,''":         "Ann Lee",
		"“Nobody in this town was warned about the flood.”": "Maria Gomez",
		"Will the road reopen this week":                    "REPORTER",
		"It depends on the weather":                         "LEE",
	}
	for content, speaker := range want {
		ok := false
		for _, q := range qs {
			if strings.HasPrefix(at(q.Content), content) && strings.Contains(at(q.Speaker), speaker) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("no quote %q by %s", content, speaker)
		}
	}
	if t.Failed() {
		for _, q := range qs {
			t.Logf("%s %q cue %q <- %q (%s)", q.Kind, at(q.Content), at(q.Cue), at(q.Speaker), q.SpeakerName)
		}
	}
}

func TestPossessiveRemarks(t *testing.T) {
	doc, ents, qs := pipeline(t, "Senator Maria Oyelaran spoke in Lagos on Monday. Oyelaran's remarks that the budget was unfair drew applause. Her claim that taxes would rise was disputed.")
	at := func(sp text.Span) string { return doc.Text[sp.Start:sp.End] }
	n := 0
	for _, q := range qs {
		c := at(q.Content)
		if (strings.HasPrefix(c, "that the budget was unfair") || strings.HasPrefix(c, "that taxes would rise")) && q.EntityIndex >= 0 && strings.Contains(ents[q.EntityIndex].Name, "Oyelaran") {
			n++
		}
	}
	if n != 2 {
		for _, q := range qs {
			t.Logf("%s %q cue %q <- %q (%s)", q.Kind, at(q.Content), at(q.Cue), at(q.Speaker), q.SpeakerName)
		}
		t.Errorf("%d remarks attributed to Oyelaran, want 2", n)
	}
}

func TestAccordingToInside(t *testing.T) {
	doc, _, qs := pipeline(t, "The new bridge, according to the city engineer, will cost twice as much as planned.")
	for _, q := range qs {
		if doc.Text[q.Cue.Start:q.Cue.End] == "according to" {
			c := doc.Text[q.Content.Start:q.Content.End]
			if !strings.HasPrefix(c, "The new bridge") || !strings.HasSuffix(c, "twice as much as planned") {
				t.Errorf("content %q", c)
			}
			if s := doc.Text[q.Speaker.Start:q.Speaker.End]; s != "the city engineer" {
				t.Errorf("speaker %q", s)
			}
			return
		}
	}
	t.Errorf("no according-to quote in %+v", qs)
}

// A quote over several paragraphs whose breaks were lost (feeds and
// scraped pages often run them together): each paragraph of the quote
// opens with a straight mark after the end of a sentence, and none closes
// before it. The quote goes on to its closing mark, and the reported
// speech after it is found. Before, the second opening mark closed the
// quote, and the one after "say." opened a quote over the next sentence.
func TestRunTogetherQuoteParagraphs(t *testing.T) {
	doc, ents, qs := pipeline(t, `Ferry operator Nadia Brook said: "We have run this crossing for forty years. This closure may take two or three months to undo. "It will be nothing more than a short break in the service, as our captains say." Harbour councillor Owen Pryce said the route would reopen in spring. "We will press for a date," Pryce added. "Islanders need certainty. "They have waited long enough."`)
	at := func(sp text.Span) string { return doc.Text[sp.Start:sp.End] }
	type wantQ struct{ content, end, speaker string }
	wants := []wantQ{
		{`"We have run this crossing`, `as our captains say."`, "Nadia Brook"},
		{"the route would reopen in spring", "", "Owen Pryce"},
		// a quote, its cue and the quote's next sentence are one span
		{`"We will press for a date,"`, `waited long enough."`, "Owen Pryce"},
	}
	for _, w := range wants {
		ok := false
		for _, q := range qs {
			c := at(q.Content)
			if strings.HasPrefix(c, w.content) && strings.HasSuffix(c, w.end) && q.EntityIndex >= 0 && strings.Contains(ents[q.EntityIndex].Name, w.speaker) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("no quote %q … %q by %s", w.content, w.end, w.speaker)
		}
	}
	for _, q := range qs {
		if c := at(q.Content); strings.Contains(c, "councillor") || strings.HasPrefix(c, `" `) {
			t.Errorf("quote runs over narration: %q", c)
		}
	}
	if t.Failed() {
		for _, q := range qs {
			t.Logf("%s %q cue %q <- %q (%s)", q.Kind, at(q.Content), at(q.Cue), at(q.Speaker), q.SpeakerName)
		}
	}
}
