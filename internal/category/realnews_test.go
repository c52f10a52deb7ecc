package category

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestRealNewsCV prints the held-out (5-fold CV, fold seed 42, the
// shipped training options) open predictions of the BBC articles listed
// in $LECTOR_BBC_LIST (paths relative to the data directory, one a line)
// and the open confusions over all of BBC, to read the errors users would
// see on articles the model was not trained on. Set LECTOR_BBC_LIST to run
// it (about a minute).
func TestRealNewsCV(t *testing.T) {
	list := os.Getenv("LECTOR_BBC_LIST")
	if list == "" {
		t.Skip("set LECTOR_BBC_LIST")
	}
	data := "../../../shared/data"
	b, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // text -> file
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if !strings.Contains(l, "bbc-news") {
			continue
		}
		tb, err := os.ReadFile(filepath.Join(data, l))
		if err != nil {
			t.Fatal(err)
		}
		want[string(tb)] = l
	}
	o := DefaultTrainOptions
	ag, err := LoadAG(filepath.Join(data, "ag-news", "train-part.csv"))
	if err != nil {
		t.Fatal(err)
	}
	bbc, err := LoadBBC(filepath.Join(data, "bbc-news", "bbc"))
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	fz := shipped.Featurizer()
	o.Dense = fz.DenseDim()
	Featurize(ag, &fz)
	Featurize(bbc, &fz)
	all := append(append([]Example(nil), ag...), bbc...)
	fold := Folds(all, 5, 42)
	conf := map[string]int{}
	var lines []string
	var bins [10][2]int
	for f := 0; f < 5; f++ {
		var train []Example
		for i, e := range all {
			if fold[i] != f {
				train = append(train, e)
			}
		}
		bias, w := Fit(train, o)
		for i, e := range all {
			if fold[i] != f || e.Source != "bbc" {
				continue
			}
			p := Softmax(Logits(bias, w, e.Feats))
			top := 0
			for c := range p {
				if p[c] > p[top] {
					top = c
				}
			}
			bn := min(int(p[top]*10), 9)
			bins[bn][0]++
			if top == e.Label {
				bins[bn][1]++
			} else {
				conf[Names[e.Label]+" -> "+Names[top]]++
			}
			if fn, ok := want[e.Text]; ok {
				mark := "ok "
				if top != e.Label {
					mark = "ERR"
				}
				lines = append(lines, fmt.Sprintf("%s %s gold %s: %s %.3f", mark, fn, Names[e.Label], Names[top], p[top]))
			}
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	fmt.Println("open confusions over all BBC (gold -> predicted):", conf)
	for bn, x := range bins {
		if x[0] > 0 {
			fmt.Printf("top confidence %.1f-%.1f: %d items, %.1f %% right\n", float64(bn)/10, float64(bn+1)/10, x[0], 100*float64(x[1])/float64(x[0]))
		}
	}
}
