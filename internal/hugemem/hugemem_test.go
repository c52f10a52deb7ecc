package hugemem

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"
)

func TestMake(t *testing.T) {
	type row struct {
		a int32
		b [3]uint16
	}
	owner := new(int)
	rows := Make[row](owner, 300_000)
	if runtime.GOOS != "linux" {
		if rows != nil {
			t.Fatal("huge pages outside Linux")
		}
		return
	}
	if len(rows) != 300_000 || cap(rows) != 300_000 {
		t.Fatalf("len %d cap %d, want 300000", len(rows), cap(rows))
	}
	if p := uintptr(unsafe.Pointer(&rows[0])); p%Size != 0 {
		t.Errorf("start %#x is not on a huge-page boundary", p)
	}
	for i := range rows {
		if rows[i] != (row{}) {
			t.Fatalf("row %d not zero", i)
		}
		rows[i] = row{int32(i), [3]uint16{uint16(i), 1, 2}}
	}
	for i := range rows {
		if rows[i].a != int32(i) || rows[i].b[0] != uint16(i) {
			t.Fatalf("row %d reads back %v", i, rows[i])
		}
	}
	t.Logf("huge pages of this process: %s", anonHuge())
	runtime.KeepAlive(owner)
	if Make[row](owner, 0) != nil || Make[row](owner, -1) != nil {
		t.Error("a table of no rows")
	}
	if Make[row](owner, 1000) != nil {
		t.Error("a table of 12 KB has a huge page of its own")
	}
	w := make([]byte, 3<<20)
	w[0], w[len(w)-1] = 'w', 's'
	if c := Copy(w); len(c) != len(w) || c[0] != 'w' || c[len(c)-1] != 's' {
		t.Errorf("Copy: %d bytes", len(c))
	}
}

func TestArena(t *testing.T) {
	var a Arena
	x := Alloc[byte](&a, 3)
	y := Alloc[uint64](&a, 1000)
	if runtime.GOOS != "linux" {
		if x != nil || y != nil {
			t.Fatal("huge pages outside Linux")
		}
		return
	}
	if len(x) != 3 || len(y) != 1000 {
		t.Fatalf("lengths %d %d", len(x), len(y))
	}
	if p := uintptr(unsafe.Pointer(&y[0])); p%8 != 0 {
		t.Errorf("uint64 table at %#x, not aligned", p)
	}
	for i := range y {
		y[i] = ^uint64(0)
	}
	x[0], x[1], x[2] = 1, 2, 3
	if y[0] != ^uint64(0) || x[2] != 3 {
		t.Error("tables overlap")
	}
	if Alloc[byte](&a, Size) != nil {
		t.Error("more than the arena holds")
	}
	rest := Alloc[byte](&a, Size-8-8000)
	if rest == nil {
		t.Error("the arena's last bytes were refused")
	}
	if Alloc[byte](&a, 1) != nil {
		t.Error("a full arena gave more")
	}
}

// anonHuge returns the AnonHugePages line of the process (how much of its
// memory the kernel backs with huge pages), for the log: a kernel may
// refuse them (transparent_hugepage "never"), which costs speed only.
func anonHuge() string {
	b, err := os.ReadFile("/proc/self/smaps_rollup")
	if err != nil {
		return "unknown"
	}
	for l := range strings.Lines(string(b)) {
		if strings.HasPrefix(l, "AnonHugePages:") {
			return strings.TrimSpace(strings.TrimPrefix(l, "AnonHugePages:"))
		}
	}
	return "unknown"
}

// TestMakeRelease: the memory of a table is unmapped once its owner is
// unreachable.
func TestMakeRelease(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("huge pages on Linux only")
	}
	owner := new([16]byte)
	tab := Make[uint32](owner, 1<<20)
	p := uintptr(unsafe.Pointer(&tab[0]))
	if !mapped(t, p) {
		t.Fatalf("%#x is not mapped", p)
	}
	tab, owner = nil, nil
	for deadline := time.Now().Add(5 * time.Second); mapped(t, p); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the memory of an unreachable owner is still mapped")
		}
		runtime.GC()
	}
}

// mapped reports whether address p is in a mapping of the process.
func mapped(t *testing.T, p uintptr) bool {
	b, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Skip(err)
	}
	for l := range strings.Lines(string(b)) {
		var lo, hi uintptr
		if _, err := fmt.Sscanf(l, "%x-%x", &lo, &hi); err == nil && lo <= p && p < hi {
			return true
		}
	}
	return false
}
