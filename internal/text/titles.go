package text

// honorifics are the courtesy titles written before a person's name,
// with the gender each gives ('m', 'f', or 0 for none); nameOnly marks
// those that come before nothing else (not "Dr Pepper", "Miss World",
// "Sir Galahad's", "Lord's", "Lady Chapel").
var honorifics = map[string]struct {
	gender   byte
	nameOnly bool
}{
	"mr": {'m', true}, "mr.": {'m', true}, "mrs": {'f', true}, "mrs.": {'f', true}, "ms": {'f', true}, "ms.": {'f', true},
	"miss": {'f', false}, "dr": {0, false}, "dr.": {0, false}, "sir": {'m', false}, "dame": {'f', false},
	"lord": {'m', false}, "lady": {'f', false},
}

// Honorific reports whether w, in any case, is a courtesy title written
// before a person's name (Mr, Mrs., Ms, Miss, Dr, Sir, Dame, Lord, Lady),
// and the gender it gives: 'm', 'f', or 0 (Dr). It is the one list of them
// that the recogniser, the entity resolver and quotation attribution share.
func Honorific(w string) (gender byte, ok bool) {
	var buf [8]byte
	h, ok := honorifics[string(foldASCII(buf[:], w))]
	return h.gender, ok
}

// NameOnlyHonorific reports whether w, in any case, is an honorific that
// comes only before a person's name: Mr, Mrs, Ms, with or without the
// period.
func NameOnlyHonorific(w string) bool {
	var buf [8]byte
	h, ok := honorifics[string(foldASCII(buf[:], w))]
	return ok && h.nameOnly
}

// foldASCII returns w with ASCII capitals lowered, written into buf, or
// nil when w is longer than buf (no word looked up with it is); the caller
// looks up string(b) in a map, which does not allocate.
func foldASCII(buf []byte, w string) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)]
}
