//go:build !linux

package langid

// hugeAlloc returns nil: the table goes on the Go heap.
func hugeAlloc(owner *Detector, n int) []byte { return nil }
