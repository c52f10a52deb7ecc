package langid

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugeAlloc returns n zero bytes outside the Go heap, aligned to a 2 MB
// boundary and backed by transparent huge pages where the kernel allows
// them (madvise), or nil when the memory cannot be had. The memory is
// unmapped once owner is unreachable.
func hugeAlloc(owner *Detector, n int) []byte {
	const huge = 2 << 20
	size := (n + huge - 1) &^ (huge - 1)
	m, err := syscall.Mmap(-1, 0, size+huge, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil
	}
	off := int((huge - uintptr(unsafe.Pointer(&m[0]))%huge) % huge)
	_ = syscall.Madvise(m[off:off+size], syscall.MADV_HUGEPAGE)
	runtime.AddCleanup(owner, func(m []byte) { _ = syscall.Munmap(m) }, m)
	return m[off : off+n : off+n]
}
