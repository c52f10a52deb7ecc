// Package tempeval reads TempEval-3 TimeML files (TimeBank, AQUAINT) and
// scores time expressions against their TIMEX3 annotations: strict and
// relaxed span, type and value figures as TempEval-3's scorer reports them.
// cmd/eval/timex and cmd/eval/api share it.
package tempeval

import (
	"fmt"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/timex"
)

// Gold is an annotated TIMEX3: its span over Document.Text, type and value.
type Gold struct {
	Start, End  int
	Type, Value string
}

// Document is the text of a TimeML file, its creation time and its TIMEX3s.
type Document struct {
	Text   string
	DCT    time.Time
	Timexs []Gold
}

// Parse returns the text inside <TEXT> with the tags removed and the
// XML entities decoded, the TIMEX3 spans over that text and the DCT.
func Parse(s string) (*Document, error) {
	d := &Document{}
	if i := strings.Index(s, "<DCT>"); i >= 0 {
		v := attr(s[i:], "value")
		if len(v) >= 10 {
			t, err := time.Parse("2006-01-02", v[:10])
			if err != nil {
				return nil, fmt.Errorf("DCT %q: %v", v, err)
			}
			d.DCT = t
		}
	}
	a := strings.Index(s, "<TEXT>")
	b := strings.Index(s, "</TEXT>")
	if a < 0 || b < a {
		return nil, fmt.Errorf("no <TEXT>")
	}
	body := s[a+len("<TEXT>") : b]
	var out strings.Builder
	var open *Gold
	for i := 0; i < len(body); {
		switch body[i] {
		case '<':
			j := strings.IndexByte(body[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("unclosed tag")
			}
			tag := body[i : i+j+1]
			switch {
			case strings.HasPrefix(tag, "<TIMEX3"):
				open = &Gold{Start: out.Len(), Type: attr(tag, "type"), Value: attr(tag, "value")}
			case strings.HasPrefix(tag, "</TIMEX3"):
				if open != nil {
					open.End = out.Len()
					d.Timexs = append(d.Timexs, *open)
					open = nil
				}
			}
			i += j + 1
		case '&':
			j := strings.IndexByte(body[i:], ';')
			if j > 0 && j < 8 {
				switch body[i : i+j+1] {
				case "&amp;":
					out.WriteByte('&')
				case "&lt;":
					out.WriteByte('<')
				case "&gt;":
					out.WriteByte('>')
				case "&quot;":
					out.WriteByte('"')
				case "&apos;":
					out.WriteByte('\'')
				default:
					out.WriteString(body[i : i+j+1])
				}
				i += j + 1
			} else {
				out.WriteByte('&')
				i++
			}
		default:
			out.WriteByte(body[i])
			i++
		}
	}
	d.Text = out.String()
	return d, nil
}

func attr(tag, name string) string {
	k := strings.Index(tag, " "+name+"=\"")
	if k < 0 {
		return ""
	}
	v := tag[k+len(name)+3:]
	if e := strings.IndexByte(v, '"'); e >= 0 {
		return v[:e]
	}
	return ""
}

// Score counts span, type and value matches over documents (TempEval-3
// style: relaxed matches one to one, in system order).
type Score struct {
	gold, sys            int
	strictSys, strictGld int
	relSys, relGold      int
	typeOK, valueOK      int // over relaxed matches (one-to-one)
	matched              int
}

// Merge adds o's counts.
func (s *Score) Merge(o Score) {
	s.gold += o.gold
	s.sys += o.sys
	s.strictSys += o.strictSys
	s.strictGld += o.strictGld
	s.relSys += o.relSys
	s.relGold += o.relGold
	s.typeOK += o.typeOK
	s.valueOK += o.valueOK
	s.matched += o.matched
}

// Add scores the system's expressions got on d. verbose prints every
// error, dumpAll every gold expression paired with the system's; name
// labels the lines.
func (s *Score) Add(d *Document, got []timex.Expression, verbose, dumpAll bool, name string) {
	s.gold += len(d.Timexs)
	s.sys += len(got)
	usedGold := make([]bool, len(d.Timexs))
	overlap := func(a, b, c, e int) bool { return a < e && c < b }
	for _, e := range got {
		strict, rel := false, -1
		for gi, g := range d.Timexs {
			if g.Start == e.Span.Start && g.End == e.Span.End {
				strict = true
			}
			if rel < 0 && !usedGold[gi] && overlap(e.Span.Start, e.Span.End, g.Start, g.End) {
				rel = gi
			}
		}
		if strict {
			s.strictSys++
		}
		if rel >= 0 {
			s.relSys++
			usedGold[rel] = true
			g := d.Timexs[rel]
			s.matched++
			if g.Type == e.Type {
				s.typeOK++
			}
			if g.Value == e.Value {
				s.valueOK++
			}
			if dumpAll {
				fmt.Printf("%s\tPAIR\t%q\t%s\t%s\t%q\t%s\t%s\t%s\t%s\n", name, d.Text[g.Start:g.End], g.Type, g.Value,
					d.Text[e.Span.Start:e.Span.End], e.Type, e.Value, d.DCT.Format("2006-01-02 Mon"), context(d.Text, g.Start, g.End))
			}
			if verbose && (g.Value != e.Value || g.Start != e.Span.Start || g.End != e.Span.End) {
				fmt.Printf("%s\tDIFF\t%q %s %s\tgold %q %s %s\tDCT %s\t%s\n", name, d.Text[e.Span.Start:e.Span.End], e.Type, e.Value,
					d.Text[g.Start:g.End], g.Type, g.Value, d.DCT.Format("2006-01-02 Mon"), context(d.Text, g.Start, g.End))
			}
		} else if verbose {
			fmt.Printf("%s\tFP\t%q %s %s\t%s\n", name, d.Text[e.Span.Start:e.Span.End], e.Type, e.Value, context(d.Text, e.Span.Start, e.Span.End))
		}
	}
	for gi, g := range d.Timexs {
		hit := false
		for _, e := range got {
			if e.Span.Start == g.Start && e.Span.End == g.End {
				s.strictGld++
			}
			if overlap(e.Span.Start, e.Span.End, g.Start, g.End) {
				hit = true
			}
		}
		if hit {
			s.relGold++
		} else if verbose && !usedGold[gi] {
			fmt.Printf("%s\tFN\t%q %s %s\t%s\n", name, d.Text[g.Start:g.End], g.Type, g.Value, context(d.Text, g.Start, g.End))
		}
	}
}

func context(s string, a, b int) string {
	l, r := max(0, a-50), min(len(s), b+50)
	return strings.ReplaceAll(s[l:a]+"[["+s[a:b]+"]]"+s[b:r], "\n", " ")
}

func prf(tpSys, tpGold, sys, gold int) (p, r, f float64) {
	if sys > 0 {
		p = float64(tpSys) / float64(sys)
	}
	if gold > 0 {
		r = float64(tpGold) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return 100 * p, 100 * r, 100 * f
}

// Print writes the figures under title to standard output.
func (s Score) Print(title string) {
	fmt.Printf("== %s: gold %d, system %d\n", title, s.gold, s.sys)
	p, r, f := prf(s.strictSys, s.strictGld, s.sys, s.gold)
	fmt.Printf("strict span   P %5.1f  R %5.1f  F1 %5.1f\n", p, r, f)
	p, r, f = prf(s.relSys, s.relGold, s.sys, s.gold)
	relF := f
	fmt.Printf("relaxed span  P %5.1f  R %5.1f  F1 %5.1f\n", p, r, f)
	ta, va := 0.0, 0.0
	if s.matched > 0 {
		ta = 100 * float64(s.typeOK) / float64(s.matched)
		va = 100 * float64(s.valueOK) / float64(s.matched)
	}
	vp, vr, vf := prf(s.valueOK, s.valueOK, s.sys, s.gold)
	_, _, tf := prf(s.typeOK, s.typeOK, s.sys, s.gold)
	// TempEval-3's scorer (evaluate_entities.py) reports attribute F1 as
	// relaxed F1 x attribute accuracy over the relaxed matches; the
	// figures in brackets count correct values over all system and gold
	// expressions instead (the two differ only when matches are not one
	// to one).
	fmt.Printf("type  accuracy %5.1f  type F1 (TE3) %5.1f [over all: %5.1f]\n", ta, relF*ta/100, tf)
	fmt.Printf("value accuracy %5.1f  value F1 (TE3) %5.1f [over all: P %5.1f R %5.1f F1 %5.1f]\n", va, relF*va/100, vp, vr, vf)
}

// Figures returns the F1 figures (x100) that Print reports: strict and
// relaxed span F1, and type and value F1 as TempEval-3's scorer computes
// them (relaxed F1 times the attribute's accuracy over the matches).
func (s Score) Figures() (strict, relaxed, typ, value float64) {
	_, _, strict = prf(s.strictSys, s.strictGld, s.sys, s.gold)
	_, _, relaxed = prf(s.relSys, s.relGold, s.sys, s.gold)
	if s.matched > 0 {
		typ = relaxed * float64(s.typeOK) / float64(s.matched)
		value = relaxed * float64(s.valueOK) / float64(s.matched)
	}
	return strict, relaxed, typ, value
}
