// Package wordclusters maps words to clusters learnt from unlabelled news
// text (Reuters), at several granularities. The recogniser uses them as
// features for words it did not see in training.
package wordclusters

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/perceptron"
)

//go:embed clusters.txt.gz
var embedded []byte

// Levels is the number of granularities stored per word.
const Levels = 3

// Clusters is a read-only word → cluster table keyed by word hash.
type Clusters struct {
	keys []uint64
	ids  [][Levels]uint16
	mask uint64
}

// Key returns the lookup key of word w.
func Key(w string) uint64 { return perceptron.Mix(perceptron.AddString(perceptron.Seed(977), w)) }

// Lookup returns the cluster ids of the word with key k (see Key).
func (c *Clusters) Lookup(k uint64) ([Levels]uint16, bool) {
	if c == nil || len(c.keys) == 0 {
		return [Levels]uint16{}, false
	}
	j := k & c.mask
	for {
		kk := c.keys[j]
		if kk == k {
			return c.ids[j], true
		}
		if kk == 0 {
			return [Levels]uint16{}, false
		}
		j = (j + 1) & c.mask
	}
}

// Len returns the number of words.
func (c *Clusters) Len() int {
	n := 0
	for _, k := range c.keys {
		if k != 0 {
			n++
		}
	}
	return n
}

// Load reads the embedded clusters.
func Load() (*Clusters, error) { return Read(bytes.NewReader(embedded)) }

// Read reads clusters written by Write.
func Read(r io.Reader) (*Clusters, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	var words []string
	var ids [][Levels]uint16
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != Levels+1 {
			return nil, fmt.Errorf("wordclusters: bad line %q", sc.Text())
		}
		var id [Levels]uint16
		for i := range id {
			v, err := strconv.Atoi(f[i+1])
			if err != nil {
				return nil, err
			}
			id[i] = uint16(v)
		}
		words = append(words, f[0])
		ids = append(ids, id)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	size := 1
	for size < 2*len(words)+1 {
		size <<= 1
	}
	c := &Clusters{keys: make([]uint64, size), ids: make([][Levels]uint16, size), mask: uint64(size - 1)}
	for i, w := range words {
		k := Key(w)
		j := k & c.mask
		for c.keys[j] != 0 && c.keys[j] != k {
			j = (j + 1) & c.mask
		}
		c.keys[j] = k
		c.ids[j] = ids[i]
	}
	return c, nil
}

// Write writes a word → ids table (as from Build), gzipped, sorted by word.
func Write(w io.Writer, m map[string][]uint16) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	words := make([]string, 0, len(m))
	for k := range m {
		words = append(words, k)
	}
	sort.Strings(words)
	bw := bufio.NewWriter(zw)
	for _, wd := range words {
		bw.WriteString(wd)
		for _, id := range m[wd] {
			bw.WriteByte('\t')
			bw.WriteString(strconv.Itoa(int(id)))
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// KeyOf returns Key(Norm(w)) without allocating; with title set, the word
// is first rewritten in title case (Paris for PARIS or paris).
func KeyOf(w string, title bool) uint64 {
	h := perceptron.Seed(977)
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			c = '0'
		case title && i == 0 && c >= 'a' && c <= 'z':
			c -= 32
		case title && i > 0 && c >= 'A' && c <= 'Z':
			c += 32
		}
		h = hashing.AddByte(h, c)
	}
	return perceptron.Mix(h)
}

var (
	defaultOnce sync.Once
	defaultVal  *Clusters
	defaultErr  error
)

// Default returns the embedded clusters, loaded once and shared.
func Default() (*Clusters, error) {
	defaultOnce.Do(func() { defaultVal, defaultErr = Load() })
	return defaultVal, defaultErr
}

// Words returns the words of the embedded clusters (digits written as
// 0), the vocabulary of common news words, in file order.
func Words() ([]string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		return nil, err
	}
	var words []string
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		w, _, _ := strings.Cut(sc.Text(), "\t")
		words = append(words, w)
	}
	return words, sc.Err()
}
