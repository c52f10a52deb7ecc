//go:build linux

package sentiment

import (
	"runtime"
	"testing"
	"unsafe"
)

// TestHugeRegion checks that a huge-page region is zeroed, of the asked
// length, aligned to a huge page, writable and unmapped by free; and that
// small requests are left to the Go heap.
func TestHugeRegion(t *testing.T) {
	if b, free := hugeRegion(4096); b != nil || free != nil {
		t.Fatal("a 4 kB request was mapped")
	}
	n := 3<<20 + 5
	b, free := hugeRegion(n)
	if b == nil {
		t.Skip("mmap refused")
	}
	defer free()
	if len(b) != n || uintptr(unsafe.Pointer(unsafe.SliceData(b)))%hugePage != 0 {
		t.Fatalf("len %d, address %p", len(b), unsafe.SliceData(b))
	}
	for i := 0; i < n; i += 4093 {
		if b[i] != 0 {
			t.Fatalf("byte %d is %d", i, b[i])
		}
		b[i] = 1
	}
}

// TestLoadRelease loads models and drops them: their regions are unmapped
// by the cleanup, and the models score as before meanwhile.
func TestLoadRelease(t *testing.T) {
	mustLoad(t) // loads the tagger too
	var first [3]float64
	for k := 0; k < 3; k++ {
		m, err := Load()
		if err != nil {
			t.Fatal(err)
		}
		d := analyze("Critics attacked Mara Holt over the failed plan.")
		p := m.TargetProbs(d, spansOf(d.Text, "Mara Holt"))
		if k == 0 {
			first = p
		} else if p != first {
			t.Fatalf("load %d scores %v, first %v", k, p, first)
		}
		runtime.GC()
	}
}
