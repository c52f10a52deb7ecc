//go:build linux

package hugemem

import (
	"syscall"
	"unsafe"
)

// mapHuge maps size bytes (rounded up to whole huge pages) starting on a
// huge-page boundary and asks for huge pages; it returns the memory and
// the function that unmaps it, or nil.
func mapHuge(size int) ([]byte, func()) {
	n := (size + Size - 1) &^ (Size - 1)
	// one page more than needed, to start on a boundary
	m, err := syscall.Mmap(-1, 0, n+Size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil, nil
	}
	off := int((Size - uintptr(unsafe.Pointer(&m[0]))%Size) % Size)
	_ = syscall.Madvise(m[off:off+n], syscall.MADV_HUGEPAGE) // refused: small pages, slower only
	return m[off : off+size : off+size], func() { _ = syscall.Munmap(m) }
}
