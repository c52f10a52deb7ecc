// Package hashing holds the feature hashes shared by the trained models:
// 64-bit FNV-1a over bytes and the splitmix64 finaliser.
//
// Committed models were trained on these exact values. Any change here
// changes every model's features: a test pins known values.
package hashing

// FNV-1a 64-bit constants.
const (
	Offset = 14695981039346656037
	Prime  = 1099511628211
)

// AddString hashes the bytes of s into h.
func AddString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= Prime
	}
	return h
}

// AddBytes hashes b into h.
func AddBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= Prime
	}
	return h
}

// AddByte hashes one byte into h.
func AddByte(h uint64, c byte) uint64 {
	return (h ^ uint64(c)) * Prime
}

// String is the FNV-1a hash of s.
func String(s string) uint64 { return AddString(Offset, s) }

// Mix is the splitmix64 finaliser: it spreads the bits of h so that its
// top and bottom bits can be used as independent bucket and check values.
func Mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}
