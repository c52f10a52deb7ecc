package perceptron

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugeSize is the size of a transparent huge page.
const hugeSize = 2 << 20

// makeHuge returns n zero values of T (which must hold no pointers) in
// memory outside the Go heap that the kernel is asked to back with
// transparent huge pages, or nil for a table under a megabyte or when
// the memory cannot be had. The memory is unmapped once owner is
// unreachable; a method reading it ends with runtime.KeepAlive(owner).
//
// The tables are read at random: out of the caches, as they are when
// other stages ran in between, nearly every look-up of a table on 4 KB
// pages also misses the TLB, and the page walks keep the loads from
// overlapping. On 2 MB pages the tagger's 8 MB fit in a few TLB entries
// (the tagger on a 600-word article out of the caches: ~8 % less CPU).
func makeHuge[T any](owner *Model, n int) []T {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size < hugeSize/2 {
		return nil
	}
	size = (size + hugeSize - 1) &^ (hugeSize - 1)
	// one page more than needed, to start on a huge-page boundary
	m, err := syscall.Mmap(-1, 0, size+hugeSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil
	}
	off := int((hugeSize - uintptr(unsafe.Pointer(&m[0]))%hugeSize) % hugeSize)
	if err := syscall.Madvise(m[off:off+size], 14 /* MADV_HUGEPAGE */); err != nil {
		syscall.Munmap(m)
		return nil
	}
	runtime.AddCleanup(owner, func(m []byte) { syscall.Munmap(m) }, m)
	return unsafe.Slice((*T)(unsafe.Pointer(&m[off])), n)
}
