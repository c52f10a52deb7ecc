package category

import "testing"

func TestLead(t *testing.T) {
	art := "Harbour town wins lighthouse grant\r\n\r\nA small harbour town has won money to repair its old lighthouse.\r\n\r\nThe council said work would start in spring. Volunteers will guide visitors.\r\n\r\nA third paragraph that the lead never reaches.\r\n"
	for _, c := range []struct {
		min  int
		want string
	}{
		{5, "Harbour town wins lighthouse grant\n\nA small harbour town has won money to repair its old lighthouse."},
		{15, "Harbour town wins lighthouse grant\n\nA small harbour town has won money to repair its old lighthouse. The council said work would start in spring. Volunteers will guide visitors."},
	} {
		if got := Lead(art, c.min); got != c.want {
			t.Errorf("Lead(%d) = %q, want %q", c.min, got, c.want)
		}
	}
	exs := []Example{{Source: "ag", Label: 0, Text: "a"}, {Source: "bbc", Label: 3, Text: art}}
	AddLeads(exs, 5)
	if len(exs[0].Extra) != 0 || len(exs[1].Extra) != 1 || exs[1].Extra[0].Source != "lead" || exs[1].Extra[0].Label != 3 {
		t.Fatalf("AddLeads: %+v", exs)
	}
	if all := expandExtra(exs); len(all) != 3 || all[2].Source != "lead" || len(exs) != 2 {
		t.Fatalf("expandExtra: %d items", len(all))
	}
}

// TestFitBag checks that Bag averages the models of its seeds.
func TestFitBag(t *testing.T) {
	var exs []Example
	for i := 0; i < 40; i++ {
		exs = append(exs, Example{Source: "ag", Label: i % 4, Feats: []Feature{{uint32(i % 4), 1}, {uint32(4 + i%7), 0.5}}})
	}
	o := TrainOptions{Bits: 4, Epochs: 3, Rate: 0.5, L2: 1e-4, Seed: 3, NBLR: true, NBAlpha: 0.1}
	b1, w1 := Fit(exs, o)
	o2 := o
	o2.Seed = 4
	b2, w2 := Fit(exs, o2)
	ob := o
	ob.Bag = 2
	b, w := Fit(exs, ob)
	near := func(x, y float32) bool { return x-y < 1e-5 && y-x < 1e-5 }
	differ := false
	for i := range w {
		if !near(w[i], (w1[i]+w2[i])/2) {
			t.Fatalf("weight %d: %v, want %v", i, w[i], (w1[i]+w2[i])/2)
		}
		differ = differ || !near(w1[i], w2[i])
	}
	for i := range b {
		if !near(b[i], (b1[i]+b2[i])/2) {
			t.Fatalf("bias %d: %v, want %v", i, b[i], (b1[i]+b2[i])/2)
		}
	}
	if !differ {
		t.Fatal("the two seeds' models are the same: the test cannot fail")
	}
}
