package wordvec

import (
	"encoding/binary"
	"testing"
	"time"
)

// handTable writes a one-word table by hand with the given number of
// index slots and the row its slot names: Encode never writes a full
// index or a row beyond the words, but Decode may be given such a file.
func handTable(slots int, row uint64) []byte {
	const dim = 2
	b := []byte("LWV1")
	b = binary.LittleEndian.AppendUint32(b, 1)
	b = binary.LittleEndian.AppendUint32(b, dim)
	b = binary.LittleEndian.AppendUint32(b, uint32(slots))
	k := key([]byte("word"))
	for i := 0; i < slots; i++ {
		s := uint64(0)
		if uint64(i) == k&uint64(slots-1) {
			s = k&^rowMask | row
		}
		b = binary.LittleEndian.AppendUint64(b, s)
	}
	b = binary.LittleEndian.AppendUint32(b, 0x3f800000) // scale 1
	b = append(b, 1, 2)
	b = binary.LittleEndian.AppendUint32(b, 4)
	return append(b, "word"...)
}

// TestDecodeBadIndex checks that a table whose index has no empty slot
// (a look-up of a missing word would probe for ever) or names a row it
// does not hold (a look-up would panic) is refused, or at worst answers
// "not found", in bounded time.
func TestDecodeBadIndex(t *testing.T) {
	if tb, err := Decode(handTable(2, 0)); err != nil || tb.Index("word") != 0 || tb.Index("other") != -1 {
		t.Fatalf("good hand-made table: err %v", err)
	}
	for _, c := range []struct {
		name  string
		slots int
		row   uint64
	}{{"full index", 1, 0}, {"row out of range", 2, 5}} {
		tb, err := Decode(handTable(c.slots, c.row))
		if err != nil {
			continue
		}
		done := make(chan int, 1)
		go func() {
			defer func() {
				if recover() != nil {
					done <- -2
				}
			}()
			i := tb.Index("other")
			tb.Row("word")
			done <- i
		}()
		select {
		case i := <-done:
			if i == -2 {
				t.Errorf("%s: a look-up panics", c.name)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("%s: a look-up never returns", c.name)
		}
	}
}
