package category

import (
	"syscall"
	"unsafe"
)

// hugeCopy returns a copy of s in memory of its own, outside the Go heap,
// backed by transparent huge pages where the kernel allows them
// (madvise): a document's look-ups are spread over the whole model, and
// with 4 KB pages nearly each one is a TLB miss when the model is cold.
// It returns nil when the memory cannot be had.
func hugeCopy(s string) []byte {
	const huge = 2 << 20
	n := (len(s) + huge - 1) / huge * huge
	m, err := syscall.Mmap(-1, 0, n+huge, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil
	}
	off := 0
	if a := uintptr(unsafe.Pointer(&m[0])) % huge; a != 0 {
		off = int(huge - a)
	}
	b := m[off : off+n]
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE)
	copy(b, s)
	return b[:len(s)]
}
