//go:build !linux

package hugemem

// mapHuge returns nil: huge pages are asked for on Linux only.
func mapHuge(int) ([]byte, func()) { return nil, nil }
