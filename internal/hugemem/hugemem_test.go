package hugemem

import (
	"os"
	"runtime"
	"strings"
	"testing"
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
	c := Copy([]byte("weights"))
	if string(c) != "weights" {
		t.Errorf("Copy: %q", c)
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
