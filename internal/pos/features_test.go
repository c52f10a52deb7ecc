package pos

import (
	"slices"
	"strings"
	"testing"
)

// The tagger scores staticFeatures and tagFeatures separately; together
// they must be exactly the features the model was trained on.
func TestFeatureSplit(t *testing.T) {
	if err := loadClusters(); err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(`The ship's captain , Anna Berg , said on Monday that 1,200 containers were lost off Norway in 2019 .`)
	ws := make([]word, len(words))
	prepare(words, ws)
	for i := range words {
		for _, prev := range [][2]int{{-1, -2}, {3, -1}, {7, 12}} {
			want := features(words, ws, i, prev[0], prev[1], nil)
			got := tagFeatures(ws, i, prev[0], prev[1], staticFeatures(words, ws, i, nil))
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("token %d (%s), tags %v: split features differ", i, words[i], prev)
			}
		}
	}
}
