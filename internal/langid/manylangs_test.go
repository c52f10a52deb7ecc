package langid

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/lector-nlp/lector/internal/hashing"
)

// TestManyLanguagesModel decodes a model of 130 languages (the format
// allows 255) whose one n-gram, "a", all of them share: a posting list of
// 130 pairs, whose length byte has its top bit set. Posting lists are kept
// as sets only for models of at most 128 languages, so the byte must be
// read as a length here, not refused or taken for a set's.
func TestManyLanguagesModel(t *testing.T) {
	const nlang = 130
	step := float32(0.25)
	m := Mix(hashing.AddBytes(hashing.Offset, []byte("a")))
	bucket := m >> 63 // Bits 1: two buckets
	post := []byte{nlang}
	for l := 0; l < nlang; l++ {
		post = append(post, byte(l), byte(l%7))
	}
	var buf bytes.Buffer
	buf.WriteString(Magic)
	hdr := Header{NLang: nlang, Params: Params{Step: step, Backoff: 1, Unknown: -10}, Bits: 1, Entries: 1, PostSize: uint32(len(post))}
	binary.Write(&buf, binary.LittleEndian, hdr)
	for l := 0; l < nlang; l++ {
		fmt.Fprintf(&buf, "%c%c", 'a'+l/26, 'a'+l%26)
	}
	buckets, bpost := []uint32{0, 1, 1}, []uint32{0, uint32(len(post)), uint32(len(post))}
	if bucket == 1 {
		buckets, bpost = []uint32{0, 0, 1}, []uint32{0, 0, uint32(len(post))}
	}
	binary.Write(&buf, binary.LittleEndian, buckets)
	binary.Write(&buf, binary.LittleEndian, bpost)
	binary.Write(&buf, binary.LittleEndian, uint32(m))
	buf.Write(post)

	d, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatalf("a model of %d languages: %v", nlang, err)
	}
	var st state
	d.scoreWord([]byte("a"), nil, &st, 0)
	for l := 0; l < nlang; l++ {
		if want := -float32(l%7) * step; st.found[l] != 1 || st.scores[l] != want {
			t.Fatalf("language %d: found %d, score %v; want 1, %v", l, st.found[l], st.scores[l], want)
		}
	}
}
