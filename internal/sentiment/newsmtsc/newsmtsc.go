// Package newsmtsc reads the NewsMTSC target-dependent sentiment data set
// (Hamborg & Donnay, EACL 2021) for training and evaluation. It holds no
// data itself: the files are read at run time from the shared data folder.
package newsmtsc

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/text"
)

// Polarity classes, in the order the sentiment model uses.
const (
	Negative = 0
	Neutral  = 1
	Positive = 2
)

// ClassNames names the classes by index.
var ClassNames = [3]string{"negative", "neutral", "positive"}

// Target is one labelled target mention in a sentence.
type Target struct {
	Span    text.Span // byte offsets into Sentence.Text
	Mention string
	Label   int
	Further []text.Span // automatic coreferent mentions (byte offsets), may be wrong
}

// Sentence is one sentence with its labelled targets.
type Sentence struct {
	Text    string
	Targets []Target
}

type rawTarget struct {
	From     int     `json:"from"`
	To       int     `json:"to"`
	Mention  string  `json:"mention"`
	Polarity float64 `json:"polarity"`
	Further  []struct {
		From int `json:"from"`
		To   int `json:"to"`
	} `json:"further_mentions"`
}

type rawSentence struct {
	Text    string      `json:"sentence_normalized"`
	Targets []rawTarget `json:"targets"`
}

// Read reads a NewsMTSC JSONL file. Character offsets (code points) are
// converted to byte offsets.
func Read(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Sentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var r rawSentence
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		byteOff := runeToByte(r.Text)
		s := Sentence{Text: r.Text}
		for _, t := range r.Targets {
			if t.From < 0 || t.To > len(byteOff)-1 || t.From >= t.To {
				return nil, fmt.Errorf("%s:%d: target %q out of range", path, line, t.Mention)
			}
			var label int
			switch t.Polarity {
			case 2:
				label = Negative
			case 4:
				label = Neutral
			case 6:
				label = Positive
			default:
				return nil, fmt.Errorf("%s:%d: polarity %v", path, line, t.Polarity)
			}
			tg := Target{
				Span:    text.Span{Start: byteOff[t.From], End: byteOff[t.To]},
				Mention: t.Mention,
				Label:   label,
			}
			for _, f := range t.Further {
				if f.From >= 0 && f.From < f.To && f.To < len(byteOff) {
					tg.Further = append(tg.Further, text.Span{Start: byteOff[f.From], End: byteOff[f.To]})
				}
			}
			s.Targets = append(s.Targets, tg)
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

// runeToByte maps each code-point index (and the end) to its byte offset.
func runeToByte(s string) []int {
	offs := make([]int, 0, utf8.RuneCountInString(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	return append(offs, len(s))
}

// Report holds 3-class figures.
type Report struct {
	N                     int
	Accuracy, MacroF1     float64
	Precision, Recall, F1 [3]float64
	Support               [3]int
	Confusion             [3][3]int // [gold][predicted]
}

// Evaluate compares predicted classes with gold classes.
func Evaluate(gold, pred []int) Report {
	var r Report
	r.N = len(gold)
	correct := 0
	for i := range gold {
		r.Confusion[gold[i]][pred[i]]++
		r.Support[gold[i]]++
		if gold[i] == pred[i] {
			correct++
		}
	}
	if r.N > 0 {
		r.Accuracy = float64(correct) / float64(r.N)
	}
	for c := 0; c < 3; c++ {
		tp := r.Confusion[c][c]
		var predN int
		for g := 0; g < 3; g++ {
			predN += r.Confusion[g][c]
		}
		if predN > 0 {
			r.Precision[c] = float64(tp) / float64(predN)
		}
		if r.Support[c] > 0 {
			r.Recall[c] = float64(tp) / float64(r.Support[c])
		}
		if r.Precision[c]+r.Recall[c] > 0 {
			r.F1[c] = 2 * r.Precision[c] * r.Recall[c] / (r.Precision[c] + r.Recall[c])
		}
		r.MacroF1 += r.F1[c] / 3
	}
	return r
}

// String formats the report as a small table.
func (r Report) String() string {
	s := fmt.Sprintf("targets %d  accuracy %.3f  macro-F1 %.3f\n", r.N, r.Accuracy, r.MacroF1)
	for c := 0; c < 3; c++ {
		s += fmt.Sprintf("  %-8s P %.3f  R %.3f  F1 %.3f  (n=%d)\n", ClassNames[c], r.Precision[c], r.Recall[c], r.F1[c], r.Support[c])
	}
	return s
}
