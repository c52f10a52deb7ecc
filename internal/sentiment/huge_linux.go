//go:build linux

package sentiment

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page (x86-64, arm64 with 4 kB
// base pages).
const hugePage = 2 << 20

// madvHugepage is MADV_HUGEPAGE.
const madvHugepage = 14

// hugeRegion maps n zeroed bytes (n of half a huge page or more; else it
// returns nil) aligned to a huge page and asks for transparent huge pages,
// which the kernel grants under THP "madvise" and "always". The model's
// tables and word rows are read at random: on a cold article (other
// stages ran in between, as in a busy server) nearly every look-up also
// missed the TLB with 4 kB pages. free unmaps the region. It returns nil
// when the mapping fails (the caller then allocates on the Go heap).
func hugeRegion(n int) (b []byte, free func()) {
	if n < hugePage/2 {
		return nil, nil
	}
	size := (n + hugePage - 1) &^ (hugePage - 1)
	m, err := syscall.Mmap(-1, 0, size+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil, nil
	}
	off := (hugePage - int(uintptr(unsafe.Pointer(unsafe.SliceData(m))))%hugePage) % hugePage
	b = m[off : off+size : off+size]
	_ = syscall.Madvise(b, madvHugepage) // advice: without it the pages are 4 kB, and all works
	return b[:n:n], func() { _ = syscall.Munmap(m) }
}
