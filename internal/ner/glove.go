package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"sync"

	"github.com/lector-nlp/lector/internal/wordvec"
)

// GloVe clusters (FGlove): k-means ids of the rows of the shared GloVe
// table (internal/wordvec) at three granularities, computed at training
// time (gloveKMeans) and stored with the model (glove.bin.gz: one id per
// level per row). A word takes the ids of its lower-cased GloVe row.

// gloveK is the number of clusters of each level, finest first: the
// finest by k-means of the rows, each coarser one by k-means of the
// finer level's centroids (weighted by their sizes).
var gloveK = [gloveLevels]int{1024, 256, 64}

const gloveLevels = 3

// gloveTable is the GloVe clusters of one model: each Recognizer keeps
// its own (Recognizer.gv, nil without FGlove), read from its glove.bin.gz
// or made by its training, and passes it down to prepare and clusterOf
// as it does its word clusters.
type gloveTable struct {
	ids []uint16 // row r's ids at ids[r*gloveLevels:]
}

// gloveOf sets t's GloVe cluster ids from g (if g is not nil and holds
// the word).
func gloveOf(t *tok, g *gloveTable) {
	if g == nil {
		return
	}
	i := wordvec.Default().Index(t.word)
	if i < 0 || (i+1)*gloveLevels > len(g.ids) {
		return
	}
	copy(t.gv[:], g.ids[i*gloveLevels:])
	t.hasGv = true
}

var (
	gloveOnce  sync.Once
	gloveBuilt *gloveTable
)

// builtGlove runs gloveKMeans once per process.
func builtGlove() *gloveTable {
	gloveOnce.Do(func() { gloveBuilt = gloveKMeans(wordvec.Default(), 10) })
	return gloveBuilt
}

// cachedGlove reads the table from file cache if it exists, else builds
// it (and writes it there if cache is set).
func cachedGlove(cache string) (*gloveTable, error) {
	if cache == "" {
		return builtGlove(), nil
	}
	if b, err := os.ReadFile(cache); err == nil {
		return readGlove(b, wordvec.Default().Len())
	}
	g := builtGlove()
	f, err := os.Create(cache)
	if err != nil {
		return nil, err
	}
	if err := writeGlove(f, g); err != nil {
		f.Close()
		return nil, err
	}
	return g, f.Close()
}

// gloveKMeans clusters the unit-length rows of tab (spherical k-means,
// deterministic: the initial centroids are evenly spaced rows of the
// frequency-ordered table).
func gloveKMeans(tab *wordvec.Table, iters int) *gloveTable {
	n, d := tab.Len(), tab.Dim()
	x := make([]float32, n*d)
	for i := range n {
		row, sc := tab.RowAt(i)
		v := x[i*d : (i+1)*d]
		var s float64
		for j, c := range row {
			v[j] = float32(c) * sc
			s += float64(v[j]) * float64(v[j])
		}
		if s > 0 {
			inv := float32(1 / math.Sqrt(s))
			for j := range v {
				v[j] *= inv
			}
		}
	}
	w := make([]float32, n)
	for i := range w {
		w[i] = 1
	}
	g := &gloveTable{ids: make([]uint16, n*gloveLevels)}
	assign := make([]int, n)
	for lev := range gloveLevels {
		k := gloveK[lev]
		cent := kmeans(x, w, d, k, iters, assign)
		if lev == 0 {
			for i := range n {
				g.ids[i*gloveLevels] = uint16(assign[i])
			}
		} else {
			for i := range n {
				g.ids[i*gloveLevels+lev] = uint16(assign[g.ids[i*gloveLevels+lev-1]])
			}
		}
		// the next level clusters this level's centroids, weighted by size
		size := make([]float32, k)
		for i, a := range assign {
			size[a] += w[i]
		}
		x, w = cent, size
		assign = make([]int, k)
	}
	return g
}

// kmeans clusters the m = len(w) points of x (d values each, weights w)
// into k by spherical k-means and returns the centroids; assign gets
// each point's cluster.
func kmeans(x, w []float32, d, k, iters int, assign []int) []float32 {
	m := len(w)
	cent := make([]float32, k*d)
	for c := range k {
		copy(cent[c*d:(c+1)*d], x[(c*m/k)*d:])
	}
	const workers = 2
	for it := 0; it <= iters; it++ {
		var wg sync.WaitGroup
		for p := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := p * m / workers; i < (p+1)*m/workers; i++ {
					v := x[i*d : (i+1)*d]
					best, bs := 0, float32(-2)
					for c := range k {
						cv := cent[c*d : (c+1)*d]
						var s float32
						for j := range v {
							s += v[j] * cv[j]
						}
						if s > bs {
							best, bs = c, s
						}
					}
					assign[i] = best
				}
			}()
		}
		wg.Wait()
		if it == iters {
			break
		}
		sum := make([]float64, k*d)
		cnt := make([]float32, k)
		for i, a := range assign {
			cnt[a] += w[i]
			for j := range d {
				sum[a*d+j] += float64(w[i] * x[i*d+j])
			}
		}
		for c := range k {
			if cnt[c] == 0 {
				continue // (keeps its old centroid)
			}
			var s float64
			for j := range d {
				s += sum[c*d+j] * sum[c*d+j]
			}
			inv := 1 / math.Sqrt(s)
			for j := range d {
				cent[c*d+j] = float32(sum[c*d+j] * inv)
			}
		}
	}
	return cent
}

func writeGlove(wr io.Writer, g *gloveTable) error {
	zw := gzip.NewWriter(wr)
	if err := binary.Write(zw, binary.LittleEndian, uint32(len(g.ids))); err != nil {
		return err
	}
	if err := binary.Write(zw, binary.LittleEndian, g.ids); err != nil {
		return err
	}
	return zw.Close()
}

// readGlove reads a table written by writeGlove, which must have the ids
// of rows words (the rows of the word-vector table it was made from). It
// reads to the end of the stream, so that gzip checks the data's CRC: a
// damaged or truncated file is refused, not read as other clusters.
func readGlove(b []byte, rows int) (*gloveTable, error) {
	bad := errors.New("ner: bad glove.bin.gz")
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	var n uint32
	if err := binary.Read(zr, binary.LittleEndian, &n); err != nil {
		return nil, err
	}
	if n%gloveLevels != 0 || n > 1<<24 || int(n) != rows*gloveLevels {
		return nil, bad
	}
	g := &gloveTable{ids: make([]uint16, n)}
	if err := binary.Read(zr, binary.LittleEndian, g.ids); err != nil {
		return nil, err
	}
	if k, err := zr.Read(make([]byte, 1)); k != 0 || err != io.EOF {
		if err == nil || err == io.EOF {
			err = bad // data after the ids
		}
		return nil, err
	}
	for i, id := range g.ids {
		if int(id) >= gloveK[i%gloveLevels] {
			return nil, bad
		}
	}
	return g, nil
}
