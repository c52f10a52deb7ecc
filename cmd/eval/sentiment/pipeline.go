package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/sentiment/newsmtsc"
	"github.com/lector-nlp/lector/internal/text"
)

// The -pipeline mode scores NewsMTSC as a user of the public API would: the
// sentence goes through the whole pipeline (every feature, as the server
// runs it) as a plain-text article, and a gold target reads the sentiment of
// the entity one of whose mentions overlaps the target's span (the mention
// overlapping most when several entities do). A score s becomes a class by
// the band: s > band positive, s < -band negative, otherwise neutral.

// apiTarget is one gold target as the API answers it.
type apiTarget struct {
	gold    int
	mention string
	text    string // the sentence
	span    text.Span
	covered bool    // an entity's mention overlaps the span
	exact   bool    // ... and one of its mentions is the span itself
	ent     float64 // the covering entity's score
	mspan   text.Span
	ments   []text.Span // the covering entity's mentions
	idx     int         // the sentence's index in its file
	sent    float64     // the score of the sentence holding the target
	// persons of the sentence with a mention before / after the target
	personBefore, personAfter bool
}

// runPipeline analyses every sentence of sents and returns its targets in
// the order of the file, as the direct evaluation counts them.
func runPipeline(eng *pipeline.Engine, sents []newsmtsc.Sentence) ([]apiTarget, error) {
	results := make([][]apiTarget, len(sents))
	errs := make([]error, len(sents))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = analyseOne(eng, sents[i])
				for k := range results[i] {
					results[i][k].idx = i
				}
			}
		}()
	}
	for i := range sents {
		next <- i
	}
	close(next)
	wg.Wait()
	var out []apiTarget
	for i := range sents {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out = append(out, results[i]...)
	}
	return out, nil
}

func analyseOne(eng *pipeline.Engine, s newsmtsc.Sentence) ([]apiTarget, error) {
	res, err := eng.Analyze(context.Background(), &pipeline.Request{Source: pipeline.SourceText, Content: s.Text}, nil)
	if err != nil {
		return nil, err
	}
	a := res.Analysis
	out := make([]apiTarget, 0, len(s.Targets))
	for _, t := range s.Targets {
		at := apiTarget{gold: t.Label, mention: t.Mention, text: s.Text, span: t.Span}
		best := 0
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				ov := min(m.Span.End, t.Span.End) - max(m.Span.Start, t.Span.Start)
				if ov <= 0 {
					continue
				}
				exact := m.Span == t.Span
				if ov > best || exact && !at.exact {
					best = ov
					at.covered, at.exact, at.mspan = true, exact, m.Span
					at.ent = 0
					at.ments = at.ments[:0]
					for _, m := range e.Mentions {
						at.ments = append(at.ments, m.Span)
					}
					if e.Sentiment != nil {
						at.ent = e.Sentiment.Score
					}
				}
			}
		}
		for _, e := range a.Entities {
			if e.Type != "PERSON" {
				continue
			}
			for _, m := range e.Mentions {
				if m.Span.End <= t.Span.Start {
					at.personBefore = true
				} else if m.Span.Start >= t.Span.End {
					at.personAfter = true
				}
			}
		}
		for _, x := range a.Sentences {
			if x.Span.Start <= t.Span.Start && t.Span.Start < x.Span.End && x.Sentiment != nil {
				at.sent = x.Sentiment.Score
				break
			}
		}
		out = append(out, at)
	}
	return out, nil
}

// class maps a score to a class by the band.
func class(s, band float64) int {
	switch {
	case s > band:
		return newsmtsc.Positive
	case s < -band:
		return newsmtsc.Negative
	}
	return newsmtsc.Neutral
}

// apiFigures are the pipeline mode's figures on one split.
type apiFigures struct {
	N, Covered, Exact int
	Neutral, Sentence newsmtsc.Report // uncovered targets: neutral, sentence's class
	CoveredOnly       newsmtsc.Report
}

func scoreAPI(ts []apiTarget, band float64) apiFigures {
	var f apiFigures
	var gold, neu, sent, cg, cp []int
	for _, t := range ts {
		f.N++
		gold = append(gold, t.gold)
		if t.covered {
			f.Covered++
			if t.exact {
				f.Exact++
			}
			c := class(t.ent, band)
			neu, sent = append(neu, c), append(sent, c)
			cg, cp = append(cg, t.gold), append(cp, c)
			continue
		}
		neu = append(neu, newsmtsc.Neutral)
		sent = append(sent, class(t.sent, band))
	}
	f.Neutral = newsmtsc.Evaluate(gold, neu)
	f.Sentence = newsmtsc.Evaluate(gold, sent)
	f.CoveredOnly = newsmtsc.Evaluate(cg, cp)
	return f
}

func (f apiFigures) print(w io.Writer) {
	fmt.Fprintf(w, "  through the API: coverage %.3f (%d of %d targets; mention = target span %d)\n",
		float64(f.Covered)/float64(max(f.N, 1)), f.Covered, f.N, f.Exact)
	fmt.Fprintf(w, "    macro-F1 uncovered as neutral %.3f (accuracy %.3f)\n", f.Neutral.MacroF1, f.Neutral.Accuracy)
	fmt.Fprintf(w, "    macro-F1 uncovered as sentence %.3f (accuracy %.3f)\n", f.Sentence.MacroF1, f.Sentence.Accuracy)
	fmt.Fprintf(w, "    macro-F1 covered only %.3f (accuracy %.3f, n=%d)\n", f.CoveredOnly.MacroF1, f.CoveredOnly.Accuracy, f.CoveredOnly.N)
}

// Kinds of targets no entity covers exactly.
const (
	kindPronoun = "pronoun"
	kindLower   = "lower-case noun phrase"
	kindMissed  = "capitalised but missed"
	kindPartly  = "partly covered (mention differs from the target span)"
)

var pronouns = map[string]bool{}

func init() {
	for _, p := range strings.Fields("i me my mine myself we us our ours ourselves you your yours yourself yourselves " +
		"he him his himself she her hers herself it its itself they them their theirs themselves " +
		"who whom whose which that this these those one") {
		pronouns[p] = true
	}
}

func kindOf(t apiTarget) string {
	if t.covered {
		return kindPartly
	}
	if pronouns[strings.ToLower(t.mention)] {
		return kindPronoun
	}
	if r, _ := utf8.DecodeRuneInString(t.mention); !unicode.IsUpper(r) {
		return kindLower
	}
	return kindMissed
}

// listUncovered writes the targets no entity covers, and those covered by a
// mention that is not the target's span, by kind.
func listUncovered(w io.Writer, ts []apiTarget) {
	by := map[string][]apiTarget{}
	for _, t := range ts {
		if t.covered && t.exact {
			continue
		}
		k := kindOf(t)
		by[k] = append(by[k], t)
	}
	for _, k := range []string{kindPronoun, kindLower, kindMissed, kindPartly} {
		l := by[k]
		fmt.Fprintf(w, "  %s: %d\n", k, len(l))
		if k == kindPronoun {
			var before, after, none int
			for _, t := range l {
				switch {
				case t.personBefore:
					before++
				case t.personAfter:
					after++
				default:
					none++
				}
			}
			fmt.Fprintf(w, "    a person mentioned before it %d, only after it %d, none %d\n", before, after, none)
		}
		counts := map[string]int{}
		for _, t := range l {
			key := t.mention
			if t.covered {
				key += " -> " + t.text[t.mspan.Start:t.mspan.End]
			}
			counts[key]++
		}
		keys := make([]string, 0, len(counts))
		for key := range counts {
			keys = append(keys, key)
		}
		sort.Slice(keys, func(i, j int) bool {
			if counts[keys[i]] != counts[keys[j]] {
				return counts[keys[i]] > counts[keys[j]]
			}
			return keys[i] < keys[j]
		})
		for _, key := range keys {
			fmt.Fprintf(w, "    %3d  %s\n", counts[key], key)
		}
	}
}
