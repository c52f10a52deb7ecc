package quotes

import "sort"

// uncued gives the direct quotes that no cue claimed the speaker of the
// quote before them, or joins them to it when they continue it.
func (x *extractor) uncued() {
	var prev *Quote
	prevEnd := -1
	for _, d := range x.directs {
		if d.used {
			if d.q != nil {
				prev, prevEnd = d.q, d.close
			}
			continue
		}
		if d.close-d.open-1 < x.o.MinUncuedTokens {
			continue
		}
		if prev != nil && x.o.MergeContinued && prev.Kind == Direct && d.open-prevEnd <= 6 && x.tokPara[d.open] == x.tokPara[prevEnd] {
			prev.Content.End = x.toks[d.close].End
			prevEnd = d.close
			d.used = true
			continue
		}
		q := &Quote{Content: x.span(d.open, d.close+1), EntityIndex: -1, Kind: Direct}
		if prev != nil && x.o.InheritSpeaker && x.tokPara[d.open]-x.tokPara[prevEnd] <= x.o.UncuedParagraphs {
			q.Speaker, q.SpeakerName, q.EntityIndex = prev.Speaker, prev.SpeakerName, prev.EntityIndex
		}
		d.used, d.q = true, q
		x.quotes = append(x.quotes, q)
		prev, prevEnd = q, d.close
	}
}

func (x *extractor) result() []Quote {
	sort.SliceStable(x.quotes, func(i, j int) bool { return x.quotes[i].Content.Start < x.quotes[j].Content.Start })
	out := make([]Quote, 0, len(x.quotes))
	for _, q := range x.quotes {
		out = append(out, *q)
	}
	return out
}
