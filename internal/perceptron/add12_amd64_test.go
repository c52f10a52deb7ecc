package perceptron

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"
)

// addEnts12 gives dst = src plus add12Go's sum of the entries' words and
// the rows, with the entries' row counts, for 0, 1, odd and up to packMax
// rows in all; with more it changes nothing and reports false, and an
// entry or a row out of range (a negative offset included: base less
// than zero) gives -1 without reading it.
func TestAddEnts12(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const stride = 40
	nd := 50 * stride
	pbuf := make([]uint64, 12*64+2)
	p := pbuf
	if uintptr(unsafe.Pointer(&p[0]))%16 != 0 {
		p = p[1:]
	}
	p = p[:12*64]
	guard := make([]uint64, nd+24) // d with words of their own either side
	d := guard[12 : 12+nd]
	for i := range guard {
		guard[i] = rng.Uint64() &^ (0xffff << 48)
	}
	for i := range p {
		p[i] = rng.Uint64()
	}
	for trial := 0; trial < 20000; trial++ {
		base := 1 + rng.IntN(stride-12-1)
		ents := make([]int32, rng.IntN(4))
		for k := range ents {
			ents[k] = int32(rng.IntN(50)) - 5 // (some -1 .. -5: none)
		}
		want := 0
		var offs []int
		for k, e := range ents {
			if e < 0 {
				continue
			}
			o := int(e)*stride + base + 12*k
			if o+12 > nd {
				ents[k] = -1
				continue
			}
			r := rng.IntN(6)
			d[o+11] = d[o+11]&^(0xffff<<48) | uint64(r)<<48
			offs = append(offs, o)
			want += r
		}
		rs := make([]int32, rng.IntN(18))
		for i := range rs {
			rs[i] = int32(rng.IntN(64))
		}
		var src, dst [24]uint64
		for i := range src {
			src[i], dst[i] = rng.Uint64(), rng.Uint64()
		}
		before := dst
		exp := make([]uint64, 2*maxWords)
		copy(exp, src[:])
		add12Go(d, offs, p, rs, exp)
		var ep, rp *int32
		if len(ents) > 0 {
			ep = &ents[0]
		}
		if len(rs) > 0 {
			rp = &rs[0]
		}
		total, ok := addEnts12(&d[0], ep, len(ents), stride, base, nd, &p[0], rp, len(rs), 64, &src, &dst)
		if want+len(rs) > packMax {
			if ok || dst != before {
				t.Fatalf("trial %d: %d rows in all: ok %v, dst changed %v", trial, want+len(rs), ok, dst != before)
			}
			continue
		}
		if !ok || total != want || !slices.Equal(dst[:], exp[:24]) {
			t.Fatalf("trial %d (ents %v, %d rows): total %d ok %v, want %d; sums equal %v", trial, ents, len(rs), total, ok, want, slices.Equal(dst[:], exp[:24]))
		}
	}
	var src, dst [24]uint64
	one := []int32{0}
	for _, c := range []struct {
		name       string
		ents       []int32
		base, nd   int
		rs         []int32
		stride, np int
	}{
		{"entry past the end", []int32{49}, stride - 11, nd, nil, stride, 64},
		{"negative offset", one, -11, nd, nil, 12, 64},
		{"negative offset, second entry", []int32{-1, 0}, -23, nd, nil, 12, 64},
		{"row past the end", nil, 1, nd, []int32{64}, stride, 64},
		{"negative row", nil, 1, nd, []int32{-1}, stride, 64},
	} {
		d[11] = 1 << 48 // (entry 0 at offset 0 holds one row)
		guard[11] = 0   // (the word before d)
		var ep, rp *int32
		if len(c.ents) > 0 {
			ep = &c.ents[0]
		}
		if len(c.rs) > 0 {
			rp = &c.rs[0]
		}
		if total, ok := addEnts12(&d[0], ep, len(c.ents), c.stride, c.base, c.nd, &p[0], rp, len(c.rs), c.np, &src, &dst); total != -1 || ok {
			t.Errorf("%s: total %d, ok %v; want -1, false", c.name, total, ok)
		}
	}
}
