package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// The names listed after "games such as" or "the director behind" are
// titles; people named in full, makers before a possessive and the names
// after another plural noun keep their types.
func TestWorkLists(t *testing.T) {
	for _, c := range []struct {
		text, name string
		work       bool
	}{
		{"He is best known as the director behind Glass Harbour, Tin Crown and Pale River.", "Tin Crown", true},
		{"Sales of old games such as Stone Gardener and Marsh Runner are rising again.", "Stone Gardener", true},
		{"The show featured guests including Ann Lee and Tom Reid in its first year.", "Tom Reid", false},
		{"Shops sell music players such as Kestrel's Tunebox at lower prices.", "Kestrel", false},
	} {
		_, ms := analyse(t, c.text)
		got := typeOf(ms, c.name)
		if (got == ner.WorkOfArt) != c.work {
			t.Errorf("%q: %q is %q (%s)", c.text, c.name, got, dump(ms))
		}
	}
}
