package sentiment

// Parts are the separate scores of one target for training experiments
// (cmd/train/sentiment -cvparts): the linear model's class scores
// (without offsets), the logits of each dense network (unfolded, before
// merging; Config.KeepNets) and the sentence model's probabilities.
type Parts struct {
	Lin  [3]float64
	Nets [][3]float64
	Sent [3]float64
}

// TargetParts returns the parts of the target ex (its label is ignored);
// ok is false when the target is not found in its document.
func (m *Model) TargetParts(ex Example) (Parts, bool) {
	p, ok := prepare(ex)
	if !ok {
		return Parts{}, false
	}
	var s sentence
	s.prepare(p.toks, m.words)
	var out Parts
	out.Lin = m.target.scores(s.targetFeatures(nil, p.a, p.b, p.masked))
	out.Sent = m.sent.probs(s.sentenceFeatures(nil))
	if len(m.nets) > 0 {
		x := make([]float32, m.nets[0].in)
		h := make([]float32, m.nets[0].hid)
		s.denseInput(x, p.a, p.b, p.masked, m.vt)
		for _, n := range m.nets {
			if n.gate != nil {
				ents := s.poolEntries(nil, p.a, p.b, p.masked, n.in/m.vt.dim)
				gatedInput(x, ents, m.vt, n, make([]float32, len(ents)), make([]float32, n.in/m.vt.dim))
			}
			var z [numClasses]float64
			n.logits(x, h, &z, 1)
			out.Nets = append(out.Nets, z)
		}
	}
	return out, true
}
