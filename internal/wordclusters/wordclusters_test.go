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

// The keys are those of the shipped tables (written with FNV-1a by hand
// before internal/hashing): they must not change.
func TestKeysPinned(t *testing.T) {
	fnv := func(h uint64, b []byte) uint64 {
		for _, c := range b {
			h ^= uint64(c)
			h *= 1099511628211
		}
		return h
	}
	fmix := func(h uint64) uint64 {
		h ^= h >> 33
		h *= 0xff51afd7ed558ccd
		h ^= h >> 33
		h *= 0xc4ceb9fe1a85ec53
		h ^= h >> 33
		if h == 0 {
			h = 1
		}
		return h
	}
	offset := uint64(14695981039346656037)
	seed977 := (offset ^ 977) * 1099511628211
	cases := []struct{ w, norm, title, lower string }{
		{"Paris", "Paris", "Paris", "paris"},
		{"PARIS", "PARIS", "Paris", "paris"},
		{"1996-08-22", "0000-00-00", "0000-00-00", "1996-08-22"},
		{"naïve", "naïve", "Naïve", "naïve"},
	}
	for _, c := range cases {
		if got, want := KeyOf(c.w, false), fmix(fnv(seed977, []byte(c.norm))); got != want {
			t.Errorf("KeyOf(%q, false) = %#x, want %#x", c.w, got, want)
		}
		if got, want := KeyOf(c.w, true), fmix(fnv(seed977, []byte(c.title))); got != want {
			t.Errorf("KeyOf(%q, true) = %#x, want %#x", c.w, got, want)
		}
		h := fnv(offset^31, []byte(c.lower))
		h ^= h >> 33
		h *= 0xff51afd7ed558ccd
		h ^= h >> 33
		if got, want := LowerKey(c.w), h|1; got != want {
			t.Errorf("LowerKey(%q) = %#x, want %#x", c.w, got, want)
		}
	}
}
