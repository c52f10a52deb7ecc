package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/keyphrase"
	"github.com/lector-nlp/lector/internal/keyphrase/kpdata"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/text"
)

func TestCoverage(t *testing.T) {
	d, err := kpdata.Load("../../../../shared/data")
	if err != nil {
		t.Skipf("no key-phrase data: %v", err)
	}
	ext, err := keyphrase.Load()
	if err != nil {
		t.Fatal(err)
	}
	tagger, err := pos.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range [][]kpdata.Doc{d.KPCrowdDev, d.InspecTest} {
		gold, inText, inCand := 0, 0, 0
		ncand := 0
		missed := map[string]int{}
		for _, doc := range set {
			td := text.Analyze(doc.Text)
			tagger.Tag(td)
			_, texts, _ := ext.Candidates(td)
			ncand += len(texts)
			cs := map[string]bool{}
			for _, x := range texts {
				cs[kpdata.Stem(x)] = true
			}
			low := " " + strings.ToLower(kpdata.Clean(doc.Text)) + " "
			for _, g := range doc.Gold {
				gold++
				if strings.Contains(low, " "+strings.ToLower(g)+" ") {
					inText++
					if cs[kpdata.Stem(g)] {
						inCand++
					} else if len(missed) < 400 {
						missed[g]++
					}
				}
			}
		}
		fmt.Println(gold, inText, inCand, ncand/len(set))
		k := 0
		for m := range missed {
			if k < 60 {
				fmt.Print(m, " | ")
			}
			k++
		}
		fmt.Println()
	}
}
