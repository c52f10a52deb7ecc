package sentiment

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
)

// TestWriteLoaded checks that the loaded model's in-memory layout (joint,
// padded weights: joinTables; word records) keeps every weight: writing
// it gives the embedded file's bytes back.
func TestWriteLoaded(t *testing.T) {
	m := mustLoad(t)
	var got bytes.Buffer
	if err := m.writeTo(&got); err != nil {
		t.Fatal(err)
	}
	f, err := modelFS.Open("model/sentiment.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	want, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Fatalf("written model differs from the file (%d vs %d bytes)", got.Len(), len(want))
	}
}
