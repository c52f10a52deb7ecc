// Command timex evaluates the time-expression recogniser on the TempEval-3
// training corpora (TimeBank and AQUAINT, TimeML), anchoring each document
// at its creation time, and prints span, type and value scores.
//
//	go run ./cmd/eval/timex [-data ../shared/data] [-v]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/timex"
)

func main() {
	data := flag.String("data", "../shared/data", "directory holding tempeval3/")
	verbose := flag.Bool("v", false, "print every error")
	flag.BoolVar(&dumpAll, "all", false, "print every gold expression with the system's (tab-separated; for error listings)")
	only := flag.String("set", "", "evaluate only this set (TimeBank or AQUAINT)")
	flag.Parse()
	var total score
	for _, set := range []string{"TimeBank", "AQUAINT"} {
		if *only != "" && !strings.EqualFold(*only, set) {
			continue
		}
		dir := filepath.Join(*data, "tempeval3", "TBAQ-cleaned", set)
		files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
		if err != nil || len(files) == 0 {
			fmt.Fprintf(os.Stderr, "timex: no .tml files in %s\n", dir)
			os.Exit(1)
		}
		sort.Strings(files)
		var s score
		var chars int
		var elapsed time.Duration
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				fmt.Fprintln(os.Stderr, "timex:", err)
				os.Exit(1)
			}
			d, err := parseTimeML(string(raw))
			if err != nil {
				fmt.Fprintf(os.Stderr, "timex: %s: %v\n", f, err)
				os.Exit(1)
			}
			doc := text.Analyze(d.text)
			t0 := time.Now()
			got := timex.Extract(doc, d.dct)
			elapsed += time.Since(t0)
			chars += len(d.text)
			s.add(d, got, *verbose, filepath.Base(f))
		}
		s.print(fmt.Sprintf("%s (%d docs, %.1f MB/s)", set, len(files), float64(chars)/elapsed.Seconds()/1e6))
		total.merge(s)
	}
	if *only == "" {
		total.print("Total")
	}
}

var dumpAll bool

type gold struct {
	start, end int
	typ, value string
}

type document struct {
	text   string
	dct    time.Time
	timexs []gold
}

// parseTimeML returns the text inside <TEXT> with the tags removed and the
// XML entities decoded, the TIMEX3 spans over that text and the DCT.
func parseTimeML(s string) (*document, error) {
	d := &document{}
	if i := strings.Index(s, "<DCT>"); i >= 0 {
		v := attr(s[i:], "value")
		if len(v) >= 10 {
			t, err := time.Parse("2006-01-02", v[:10])
			if err != nil {
				return nil, fmt.Errorf("DCT %q: %v", v, err)
			}
			d.dct = t
		}
	}
	a := strings.Index(s, "<TEXT>")
	b := strings.Index(s, "</TEXT>")
	if a < 0 || b < a {
		return nil, fmt.Errorf("no <TEXT>")
	}
	body := s[a+len("<TEXT>") : b]
	var out strings.Builder
	var open *gold
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
				open = &gold{start: out.Len(), typ: attr(tag, "type"), value: attr(tag, "value")}
			case strings.HasPrefix(tag, "</TIMEX3"):
				if open != nil {
					open.end = out.Len()
					d.timexs = append(d.timexs, *open)
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
	d.text = out.String()
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

type score struct {
	gold, sys            int
	strictSys, strictGld int
	relSys, relGold      int
	typeOK, valueOK      int // over relaxed matches (one-to-one)
	matched              int
}

func (s *score) merge(o score) {
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

func (s *score) add(d *document, got []timex.Expression, verbose bool, name string) {
	s.gold += len(d.timexs)
	s.sys += len(got)
	usedGold := make([]bool, len(d.timexs))
	overlap := func(a, b, c, e int) bool { return a < e && c < b }
	for _, e := range got {
		strict, rel := false, -1
		for gi, g := range d.timexs {
			if g.start == e.Span.Start && g.end == e.Span.End {
				strict = true
			}
			if rel < 0 && !usedGold[gi] && overlap(e.Span.Start, e.Span.End, g.start, g.end) {
				rel = gi
			}
		}
		if strict {
			s.strictSys++
		}
		if rel >= 0 {
			s.relSys++
			usedGold[rel] = true
			g := d.timexs[rel]
			s.matched++
			if g.typ == e.Type {
				s.typeOK++
			}
			if g.value == e.Value {
				s.valueOK++
			}
			if dumpAll {
				fmt.Printf("%s\tPAIR\t%q\t%s\t%s\t%q\t%s\t%s\t%s\t%s\n", name, d.text[g.start:g.end], g.typ, g.value,
					d.text[e.Span.Start:e.Span.End], e.Type, e.Value, d.dct.Format("2006-01-02 Mon"), context(d.text, g.start, g.end))
			}
			if verbose && (g.value != e.Value || g.start != e.Span.Start || g.end != e.Span.End) {
				fmt.Printf("%s\tDIFF\t%q %s %s\tgold %q %s %s\tDCT %s\t%s\n", name, d.text[e.Span.Start:e.Span.End], e.Type, e.Value,
					d.text[g.start:g.end], g.typ, g.value, d.dct.Format("2006-01-02 Mon"), context(d.text, g.start, g.end))
			}
		} else if verbose {
			fmt.Printf("%s\tFP\t%q %s %s\t%s\n", name, d.text[e.Span.Start:e.Span.End], e.Type, e.Value, context(d.text, e.Span.Start, e.Span.End))
		}
	}
	for gi, g := range d.timexs {
		hit := false
		for _, e := range got {
			if e.Span.Start == g.start && e.Span.End == g.end {
				s.strictGld++
			}
			if overlap(e.Span.Start, e.Span.End, g.start, g.end) {
				hit = true
			}
		}
		if hit {
			s.relGold++
		} else if verbose && !usedGold[gi] {
			fmt.Printf("%s\tFN\t%q %s %s\t%s\n", name, d.text[g.start:g.end], g.typ, g.value, context(d.text, g.start, g.end))
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

func (s score) print(title string) {
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
