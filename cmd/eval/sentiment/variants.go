package main

import (
	"fmt"
	"io"

	"github.com/lector-nlp/lector/internal/sentiment"
	"github.com/lector-nlp/lector/internal/sentiment/newsmtsc"
	"github.com/lector-nlp/lector/internal/text"
)

// printVariants compares, on the covered targets, the entity's score with
// other ways of scoring the covering mention (for choosing changes on train),
// and the figures at other bands.
func printVariants(w io.Writer, ts []apiTarget, docs []*text.Document, m *sentiment.Model, band float64) {
	names := []string{"entity (API)", "entity recomputed", "covering mention alone", "gold span (direct)", "mention + gold span union"}
	preds := make([][]int, len(names))
	var gold []int
	same := 0
	for _, t := range ts {
		if !t.covered {
			continue
		}
		d := docs[t.idx]
		gold = append(gold, t.gold)
		re := m.Target(d, t.ments).Score
		if re == t.ent {
			same++
		}
		u := text.Span{Start: min(t.span.Start, t.mspan.Start), End: max(t.span.End, t.mspan.End)}
		for v, s := range []float64{t.ent, re, m.Target(d, []text.Span{t.mspan}).Score,
			m.Target(d, []text.Span{t.span}).Score, m.Target(d, []text.Span{u}).Score} {
			preds[v] = append(preds[v], class(s, band))
		}
	}
	fmt.Fprintf(w, "  covered targets (%d; recomputed entity score identical for %d), band %.2f:\n", len(gold), same, band)
	for v, n := range names {
		r := newsmtsc.Evaluate(gold, preds[v])
		fmt.Fprintf(w, "    %-28s macro-F1 %.3f  accuracy %.3f\n", n, r.MacroF1, r.Accuracy)
	}
	// what the uncovered targets would read from the model on their own span
	var ug, us, ud []int
	for _, t := range ts {
		if t.covered {
			continue
		}
		ug = append(ug, t.gold)
		us = append(us, class(t.sent, band))
		ud = append(ud, class(m.Target(docs[t.idx], []text.Span{t.span}).Score, band))
	}
	rs, rd := newsmtsc.Evaluate(ug, us), newsmtsc.Evaluate(ug, ud)
	fmt.Fprintf(w, "  uncovered targets (%d): sentence's class macro-F1 %.3f (accuracy %.3f), model on the target span %.3f (accuracy %.3f)\n",
		len(ug), rs.MacroF1, rs.Accuracy, rd.MacroF1, rd.Accuracy)
	fmt.Fprintf(w, "  by band: direct / API sentence fallback / API neutral fallback / API covered\n")
	for _, b := range []float64{0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4} {
		var g, dp []int
		for _, t := range ts {
			g = append(g, t.gold)
			dp = append(dp, class(m.Target(docs[t.idx], []text.Span{t.span}).Score, b))
		}
		f := scoreAPI(ts, b)
		fmt.Fprintf(w, "    %.2f  %.3f  %.3f  %.3f  %.3f\n", b, newsmtsc.Evaluate(g, dp).MacroF1, f.Sentence.MacroF1, f.Neutral.MacroF1, f.CoveredOnly.MacroF1)
	}
}
