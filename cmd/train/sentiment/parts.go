package main

import (
	"fmt"
	"math"

	"github.com/lector-nlp/lector/internal/sentiment"
	"github.com/lector-nlp/lector/internal/sentiment/newsmtsc"
	"github.com/lector-nlp/lector/internal/text"
)

// cvParts runs k-fold cross-validation on train (folds by sentence as in
// crossValidate) with nets dense networks per fold kept apart, and prints
// the held-out macro-F1 of every number of networks averaged (their
// logits, as mergeDense does) and mixing weight, with the class offsets
// that add most.
func cvParts(train []newsmtsc.Sentence, analyze func(string) *text.Document, k, nets int, cfg sentiment.Config) {
	docs := make([]*text.Document, len(train))
	for i, s := range train {
		docs[i] = analyze(s.Text)
	}
	cfg.KeepNets = true
	cfg.Dense.Nets = nets
	var gold []int
	var multi []bool
	var parts []sentiment.Parts
	for f := 0; f < k; f++ {
		// weight 1 for every target (multiW 1), without further mentions
		m := sentiment.Train(foldExamples(train, docs, k, f, false, 1), cfg, nil)
		for i, s := range train {
			if i%k != f {
				continue
			}
			for _, t := range s.Targets {
				p, ok := m.TargetParts(sentiment.Example{Doc: docs[i], Mentions: []text.Span{t.Span}})
				if !ok {
					p = sentiment.Parts{Lin: [3]float64{0, 1, 0}, Nets: make([][3]float64, nets)}
				}
				parts = append(parts, p)
				gold = append(gold, t.Label)
				multi = append(multi, len(s.Targets) > 1)
			}
		}
	}
	off := cfg.TargetOffset
	pred := make([]int, len(gold))
	eval := func(n int, w, sentW, dn, dp float64) (float64, float64) {
		for i, p := range parts {
			var z [3]float64
			for c := range z {
				var d float64
				for _, q := range p.Nets[:n] {
					d += q[c]
				}
				if n > 0 {
					d /= float64(n)
				}
				z[c] = (1-w)*p.Lin[c] + off[c] + w*d
				if sentW > 0 {
					z[c] += sentW * math.Log(math.Max(p.Sent[c], 1e-9))
				}
			}
			z[0] += dn
			z[2] += dp
			pred[i] = argmax(z)
		}
		mg, mp := several(multi, gold, pred)
		return newsmtsc.Evaluate(gold, pred).MacroF1, newsmtsc.Evaluate(mg, mp).MacroF1
	}
	for n := 0; n <= nets; n++ {
		for _, w := range []float64{0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5} {
			if n == 0 && w != 0.3 {
				continue
			}
			ww := w
			if n == 0 {
				ww = 0
			}
			f1, f1m := eval(n, ww, 0, 0, 0)
			best, bn, bp := f1, 0.0, 0.0
			for dn := -0.5; dn <= 0.5001; dn += 0.1 {
				for dp := -0.5; dp <= 0.5001; dp += 0.1 {
					if b, _ := eval(n, ww, 0, dn, dp); b > best+1e-9 {
						best, bn, bp = b, dn, dp
					}
				}
			}
			fmt.Printf("cvparts nets %d w %.2f: macro-F1 %.4f several %.4f; best offsets neg %+.1f pos %+.1f: %.4f\n", n, ww, f1, f1m, bn, bp, best)
		}
	}
	for _, sw := range []float64{0.1, 0.2, 0.3, 0.5} {
		f1, f1m := eval(nets, 0.3, sw, 0, 0)
		fmt.Printf("cvparts nets %d w 0.30 + sentence model ×%.1f: macro-F1 %.4f several %.4f\n", nets, sw, f1, f1m)
	}
}
