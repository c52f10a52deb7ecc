package perceptron

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// add12 (assembly on amd64) gives add12Go's wide sums for 0, 1, odd and
// many offsets and rows, offsets anywhere in d (not 16-byte aligned) and
// rows of a p that starts off 16 bytes, on words of any value.
func TestAdd12(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	counts := []int{0, 1, 2, 3, 7, 15, 16, 17, 40}
	for trial := 0; trial < 3000; trial++ {
		d := make([]uint64, 12+rng.IntN(200))
		buf := make([]uint64, 1+12*(1+rng.IntN(30)))
		p := buf[trial%2:] // (every other trial 8 bytes off the allocation's start)
		p = p[:len(p)/12*12]
		for i := range d {
			d[i] = rng.Uint64()
		}
		for i := range p {
			p[i] = rng.Uint64()
		}
		offs := make([]int, counts[rng.IntN(len(counts))])
		for i := range offs {
			offs[i] = rng.IntN(len(d) - 11) // (the last possible offset included)
		}
		if len(offs) > 0 && trial%3 == 0 {
			offs[0] = len(d) - 12
		}
		rs := make([]int32, counts[rng.IntN(len(counts))])
		for i := range rs {
			rs[i] = int32(rng.IntN(len(p) / 12))
		}
		if len(rs) > 0 && trial%3 == 1 {
			rs[0] = int32(len(p)/12 - 1)
		}
		want := make([]uint64, 2*maxWords)
		for i := range want {
			want[i] = rng.Uint64()
		}
		got := slices.Clone(want)
		add12Go(d, offs, p, rs, want)
		add12(d, offs, p, rs, got)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (%d offsets, %d rows): wide sums differ\n got %x\nwant %x", trial, len(offs), len(rs), got, want)
		}
	}
}

// add12 refuses an offset or a row out of range (the assembly reads
// what it is given).
func TestAdd12Range(t *testing.T) {
	d := make([]uint64, 30)
	p := make([]uint64, 36)
	wide := make([]uint64, 2*maxWords)
	for _, c := range []struct {
		offs []int
		rs   []int32
	}{
		{[]int{19}, nil}, {[]int{-1}, nil}, {nil, []int32{3}}, {nil, []int32{-1}}, {[]int{0, 18, 19}, []int32{0}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("offsets %v, rows %v: no panic", c.offs, c.rs)
				}
			}()
			add12(d, c.offs, p, c.rs, wide)
		}()
	}
}

// AddAll and AddAllTo of a table with no entries add the rows (the
// assembly path must not take the address of the table's empty data).
func TestSumTableEmptyAddAll(t *testing.T) {
	for _, n := range []int{3, 17, 34, 45} {
		m, keys := testModel(n, 100, func(i int) float32 { return float32(i%41) - 20 })
		tab := NewSumTable(m, 1, 2, 0)
		rows := m.Find(keys[:7], nil)
		var want, got, to, base Sums
		m.Add(&want, rows)
		tab.AddAll(&got, []int32{-1}, 0, rows)
		tab.AddAllTo(&to, &base, nil, 0, rows)
		if got != want || to != want {
			t.Errorf("%d labels: sums differ", n)
		}
	}
}
