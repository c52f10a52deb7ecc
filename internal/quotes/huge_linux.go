package quotes

import (
	"sync"
	"syscall"
	"unsafe"
)

// hugeArena is one 2 MB page of memory outside the Go heap, backed by a
// transparent huge page where the kernel allows it (madvise), from which
// the weight tables of the first models loaded take their slots: the three
// embedded models' tables (1.3 MB) then sit in one TLB entry instead of
// ~330 4 KB pages, nearly each of which missed the TLB once the tables
// were out of the caches. It is never freed (the embedded models live as
// long as the process); once it is full, tables go on the Go heap.
var hugeArena struct {
	sync.Mutex
	mem  []byte
	used int
	done bool
}

// hugeSlots returns n zero slots from hugeArena, or nil.
func hugeSlots(n int) []wslot {
	const huge = 2 << 20
	size := n * int(unsafe.Sizeof(wslot{}))
	a := &hugeArena
	a.Lock()
	defer a.Unlock()
	if !a.done {
		a.done = true
		m, err := syscall.Mmap(-1, 0, 2*huge, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
		if err == nil {
			off := int((huge - uintptr(unsafe.Pointer(&m[0]))%huge) % huge)
			a.mem = m[off : off+huge]
			_ = syscall.Madvise(a.mem, syscall.MADV_HUGEPAGE)
		}
	}
	if a.used+size > len(a.mem) {
		return nil
	}
	s := unsafe.Slice((*wslot)(unsafe.Pointer(&a.mem[a.used])), n)
	a.used += size
	return s
}
