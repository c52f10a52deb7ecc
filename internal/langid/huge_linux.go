package langid

import (
	"syscall"
	"unsafe"
)

// hugeSize is the size of a transparent huge page.
const hugeSize = 2 << 20

// hugeCopy returns a copy of b in memory outside the Go heap that the
// kernel is asked to back with transparent huge pages, and the mapping
// to unmap once the copy is no longer used; nil, nil when that fails.
//
// Detect looks n-grams up at random in 17 MB: out of the caches, as it is
// when other work ran in between, nearly every look-up on 4 KB pages also
// misses the TLB, and the page walks keep the loads from overlapping.
func hugeCopy(b []byte) (cp, mapping []byte) {
	size := (len(b) + hugeSize - 1) &^ (hugeSize - 1)
	// one page more than needed, to start on a huge-page boundary
	m, err := syscall.Mmap(-1, 0, size+hugeSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil, nil
	}
	off := int((hugeSize - uintptr(unsafe.Pointer(&m[0]))%hugeSize) % hugeSize)
	if err := syscall.Madvise(m[off:off+size], 14 /* MADV_HUGEPAGE */); err != nil {
		syscall.Munmap(m)
		return nil, nil
	}
	cp = m[off : off+len(b)]
	copy(cp, b)
	return cp, m
}

// unmap releases a mapping of hugeCopy.
func unmap(m []byte) { syscall.Munmap(m) }
