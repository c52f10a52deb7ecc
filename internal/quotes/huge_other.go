//go:build !linux

package quotes

// hugeSlots returns nil: weight tables go on the Go heap.
func hugeSlots(n int) []wslot { return nil }
