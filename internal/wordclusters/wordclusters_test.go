package wordclusters

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	cases := map[string]string{
		"Russia's army didn't move.": "Russia 's army did n't move .",
		"(U.S. officials) said":      "( U.S. officials ) said",
		"\"Yes,\" he said.":          "\" Yes , \" he said .",
	}
	for in, want := range cases {
		if got := strings.Join(Tokenize(in, nil), " "); got != want {
			t.Errorf("Tokenize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEmbedded(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() < 10000 {
		t.Fatalf("only %d words", c.Len())
	}
	// countries share a cluster more often than a country and a verb
	g, ok1 := c.Lookup(KeyOf("Germany", false))
	f, ok2 := c.Lookup(KeyOf("France", false))
	if !ok1 || !ok2 {
		t.Fatal("Germany or France missing")
	}
	if g[2] != f[2] {
		t.Errorf("Germany %v and France %v in different coarse clusters", g, f)
	}
	if KeyOf("PARIS", true) != Key("Paris") || KeyOf("1996", false) != Key("0000") {
		t.Error("KeyOf does not match Key of the normalised form")
	}
	cs, err := LoadCase()
	if err != nil {
		t.Fatal(err)
	}
	if cs.Bucket(LowerKey("Germany")) <= cs.Bucket(LowerKey("the")) {
		t.Error("Germany is not capitalised more often than the")
	}
}
