//go:build !linux

package langid

// hugeCopy returns nil, nil: huge pages are asked for on Linux only.
func hugeCopy(b []byte) (cp, mapping []byte) { return nil, nil }

func unmap(m []byte) {}
