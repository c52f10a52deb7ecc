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

	"github.com/lector-nlp/lector/internal/hashing"
)

//go:embed case.txt.gz
var embeddedCase []byte

// CaseBuckets is the number of case-ratio buckets (1..CaseBuckets; 0 =
// unknown word).
const CaseBuckets = 8

// CaseRatios counts, for each lower-cased word seen at least minCount
// times inside sentences (not first, not in an all-caps line), how often
// it is capitalised, and returns a bucket 1..CaseBuckets of that ratio.
func CaseRatios(sents [][]string, minCount int) map[string]uint8 {
	type cnt struct{ cap, all int }
	m := map[string]*cnt{}
	for _, s := range sents {
		lowerSeen := false
		for _, w := range s {
			if strings.ToUpper(w) != w {
				lowerSeen = true
				break
			}
		}
		if !lowerSeen {
			continue // headline
		}
		for i, w := range s {
			if i == 0 || w == "" {
				continue
			}
			c0 := w[0]
			if !(c0 >= 'a' && c0 <= 'z' || c0 >= 'A' && c0 <= 'Z') {
				continue
			}
			if p := s[i-1]; p == "." || p == "\"" || p == ":" || p == "``" || p == "-" || p == "(" {
				continue // likely a sentence or quote start
			}
			l := strings.ToLower(w)
			c := m[l]
			if c == nil {
				c = &cnt{}
				m[l] = c
			}
			c.all++
			if c0 >= 'A' && c0 <= 'Z' {
				c.cap++
			}
		}
	}
	out := map[string]uint8{}
	for w, c := range m {
		if c.all < minCount {
			continue
		}
		r := float64(c.cap) / float64(c.all)
		b := 1 + int(r*float64(CaseBuckets-1)+0.5)
		out[w] = uint8(b)
	}
	return out
}

// WriteCase writes case-ratio buckets, gzipped, sorted by word.
func WriteCase(w io.Writer, m map[string]uint8) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	words := make([]string, 0, len(m))
	for k := range m {
		words = append(words, k)
	}
	sort.Strings(words)
	bw := bufio.NewWriter(zw)
	for _, wd := range words {
		fmt.Fprintf(bw, "%s\t%d\n", wd, m[wd])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Case is a read-only lower-cased word → case-ratio bucket table.
type Case struct {
	keys []uint64
	vals []uint8
	mask uint64
}

// LoadCase reads the embedded case ratios.
func LoadCase() (*Case, error) {
	zr, err := gzip.NewReader(bytes.NewReader(embeddedCase))
	if err != nil {
		return nil, err
	}
	var keys []uint64
	var vals []uint8
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		w, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("wordclusters: bad case line %q", sc.Text())
		}
		b, err := strconv.Atoi(v)
		if err != nil {
			return nil, err
		}
		keys = append(keys, LowerKey(w))
		vals = append(vals, uint8(b))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	c := &Case{keys: make([]uint64, size), vals: make([]uint8, size), mask: uint64(size - 1)}
	for i, k := range keys {
		j := k & c.mask
		for c.keys[j] != 0 && c.keys[j] != k {
			j = (j + 1) & c.mask
		}
		c.keys[j], c.vals[j] = k, vals[i]
	}
	return c, nil
}

// LowerKey returns the key of the lower-cased form of w.
func LowerKey(w string) uint64 {
	h := uint64(hashing.Offset) ^ 31
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		h = hashing.AddByte(h, c)
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h | 1
}

// Bucket returns the case-ratio bucket of the word with LowerKey k (0 unknown).
func (c *Case) Bucket(k uint64) uint8 {
	if c == nil {
		return 0
	}
	j := k & c.mask
	for {
		kk := c.keys[j]
		if kk == k {
			return c.vals[j]
		}
		if kk == 0 {
			return 0
		}
		j = (j + 1) & c.mask
	}
}
