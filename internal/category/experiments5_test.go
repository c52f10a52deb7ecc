//go:build catexp

// Experiments of session 5 (issue #5) towards AG 92. Run from this
// directory, e.g.
//
//	nice -n 5 go test -tags catexp -run TestCharGrams -v -timeout 0 .

package category

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/corpus"
	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/wordclusters"
)

var xSeeds = []int64{42, 7, 11, 13}

// xmulti reports fit on the tuning seed and the untuned ones.
func xmulti(t *testing.T, name string, exs []Example, fit func([]Example) scorer, seeds []int64) {
	var ags, bbcs []float64
	var parts []string
	for _, s := range seeds {
		acc, _, _ := xcv(exs, 5, s, fit)
		ags, bbcs = append(ags, acc["ag"]), append(bbcs, acc["bbc"])
		parts = append(parts, fmt.Sprintf("%d: %.2f/%.2f", s, acc["ag"], acc["bbc"]))
	}
	m := func(x []float64) float64 {
		s := 0.0
		for _, v := range x {
			s += v
		}
		return s / float64(len(x))
	}
	msg := fmt.Sprintf("%-44s AG mean %.2f BBC %.2f  [%s]", name, m(ags), m(bbcs), strings.Join(parts, ", "))
	t.Log(msg)
	fmt.Println(msg)
}

func xseeds() []int64 {
	if os.Getenv("XALLSEEDS") != "" {
		return xSeeds
	}
	return xSeeds[:1]
}

// addCharGrams appends, as a block of its own (1+log tf, L2-normalised,
// times wt), the hashed character n-grams (nmin..nmax, of "<word>") of
// each word.
func addCharGrams(exs []Example, bits uint, nmin, nmax int, wt float32) {
	for i := range exs {
		e := &exs[i]
		counts := map[uint32]float32{}
		var order []uint32
		for _, w := range Tokens(e.Text) {
			b := []byte("<" + w + ">")
			for n := nmin; n <= nmax; n++ {
				if n >= len(b) {
					break
				}
				for s := 0; s+n <= len(b); s++ {
					h := bucket(hashing.AddBytes(0xc4a5, b[s:s+n])^0x77, bits)
					if _, ok := counts[h]; !ok {
						order = append(order, h)
					}
					counts[h]++
				}
			}
		}
		nrm := 0.0
		for _, h := range order {
			x := logTF(counts[h])
			nrm += float64(x * x)
		}
		if nrm == 0 {
			continue
		}
		inv := wt / float32(math.Sqrt(nrm))
		var extra []Feature
		for _, h := range order {
			extra = append(extra, Feature{h, logTF(counts[h]) * inv})
		}
		// hashed features first, dense ones last
		nh := uint32(1) << bits
		var hashed, dense []Feature
		for _, f := range e.Feats {
			if f.Index >= nh {
				dense = append(dense, f)
			} else {
				hashed = append(hashed, f)
			}
		}
		e.Feats = append(append(hashed, extra...), dense...)
	}
}

func TestCharGrams(t *testing.T) {
	xs := xload(t)
	for _, v := range []struct {
		nmin, nmax int
		wt         float32
	}{{3, 5, 0.5}, {3, 5, 1}, {4, 6, 0.7}} {
		all, o := xs.featurized()
		addCharGrams(all, o.Bits, v.nmin, v.nmax, v.wt)
		xmulti(t, fmt.Sprintf("chargrams %d-%d wt %.1f", v.nmin, v.nmax, v.wt), all, nblrFit(o), xseeds())
	}
}

// reutersBusiness returns Reuters-21578 stories with a TOPICS tag (all
// economic) as weak Business examples, title plus the first sentences.
func reutersBusiness(t *testing.T, maxSent int) []Example {
	files, _ := filepath.Glob(filepath.Join(*xData, "unlabeled-news", "reuters21578", "*.sgm.gz"))
	reDoc := regexp.MustCompile(`(?s)<REUTERS[^>]*>(.*?)</REUTERS>`)
	reTop := regexp.MustCompile(`(?s)<TOPICS>(.*?)</TOPICS>`)
	reT := regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
	reB := regexp.MustCompile(`(?s)<BODY>(.*?)</BODY>`)
	var out []Example
	for _, fn := range files {
		b, err := corpus.ReadGzip(fn)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range reDoc.FindAllSubmatch(b, -1) {
			d := m[1]
			tp := reTop.FindSubmatch(d)
			if tp == nil || len(tp[1]) == 0 {
				continue
			}
			tm, bm := reT.FindSubmatch(d), reB.FindSubmatch(d)
			if tm == nil || bm == nil {
				continue
			}
			body := html.UnescapeString(latin1(bm[1]))
			body = strings.Join(strings.Fields(body), " ")
			ss := strings.SplitAfter(body, ". ")
			if len(ss) > maxSent {
				ss = ss[:maxSent]
			}
			title := html.UnescapeString(latin1(tm[1]))
			out = append(out, Example{Source: "pseudo", Label: labelIndex(Business), Text: title + "\n\n" + strings.Join(ss, "")})
		}
	}
	fmt.Printf("reuters: %d business items\n", len(out))
	return out
}

// withExtra trains on train plus extra (never tested on).
func withExtra(o TrainOptions, extra []Example) func([]Example) scorer {
	return func(train []Example) scorer {
		b, w := Fit(append(append([]Example(nil), train...), extra...), o)
		return linScorer(b, w)
	}
}

func TestReuters(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	for _, ms := range []int{2} {
		rb := reutersBusiness(t, ms)
		Featurize(rb, &xs.fz)
		for _, pw := range []float64{0.1, 0.3, 1} {
			for _, n := range []int{1000, 3000} {
				oo := o
				oo.PseudoWeight = pw
				ex := rb
				if len(ex) > n {
					ex = ex[:n]
				}
				xmulti(t, fmt.Sprintf("reuters sent %d weight %.1f n %d", ms, pw, n), all, withExtra(oo, ex), xseeds())
			}
		}
	}
}

func TestTune(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	type kv struct {
		name string
		f    func(*TrainOptions)
	}
	for _, v := range []kv{
		{"base", func(*TrainOptions) {}},
		{"l2 1e-4", func(o *TrainOptions) { o.L2 = 1e-4 }},
		{"l2 1e-3", func(o *TrainOptions) { o.L2 = 1e-3 }},
		{"alpha 0.5", func(o *TrainOptions) { o.NBAlpha = 0.5 }},
		{"alpha 0.02", func(o *TrainOptions) { o.NBAlpha = 0.02 }},
		{"epochs 15", func(o *TrainOptions) { o.Epochs = 15 }},
		{"nbmix 0.1", func(o *TrainOptions) { o.NBMix = 0.1 }},
		{"bbc 1", func(o *TrainOptions) { o.BBCWeight = 1 }},
		{"bbc 4", func(o *TrainOptions) { o.BBCWeight = 4 }},
	} {
		oo := o
		v.f(&oo)
		xmulti(t, v.name, all, nblrFit(oo), xseeds())
	}
}

// TestLRMix mixes the plain multinomial logistic regression (Train) into
// the NB-LR logits.
func TestLRMix(t *testing.T) {
	xs := xload(t)
	all, o := xs.featurized()
	base := xreport(t, "base", all, nblrFit(o))
	ol := o
	ol.NBLR = false
	ol.Temperature = 1
	lr := xreport(t, "multinomial LR", all, nblrFit(ol))
	for _, lam := range []float64{0.3, 0.5, 1} {
		xmix(t, fmt.Sprintf("  mix λ=%.2f", lam), all, base, lr, lam)
	}
}

var xOld = flag.String("xold", "", "a LECTORCAT2 model file to convert (TestConvert)")

// TestConvert rewrites a LECTORCAT2 model (separate vector and cluster
// tables) as LECTORCAT3 (one record per word with vector and clusters)
// with the same weights, checks that both give the same features on AG,
// BBC and unlabelled news, and writes model/category.bin.
func TestConvert(t *testing.T) {
	b, err := os.ReadFile(*xOld)
	if err != nil {
		t.Fatal(err)
	}
	const magic2 = "LECTORCAT2\n"
	if !strings.HasPrefix(string(b), magic2) {
		t.Fatal("not CAT2")
	}
	r := bytes.NewReader(b[len(magic2):])
	var hdr header
	binary.Read(r, binary.LittleEndian, &hdr)
	var names []string
	for i := 0; i < int(hdr.NClass); i++ {
		var l uint8
		binary.Read(r, binary.LittleEndian, &l)
		nm := make([]byte, l)
		r.Read(nm)
		names = append(names, string(nm))
	}
	bias := make([]float32, hdr.NClass)
	binary.Read(r, binary.LittleEndian, bias)
	rest := b[len(b)-r.Len():]
	nc := int(hdr.NClass)
	nh := 1 << hdr.Bits
	qw := rest[:2*nh*nc]
	rest = rest[2*nh*nc:]
	dim := int(binary.LittleEndian.Uint32(rest))
	n := int(binary.LittleEndian.Uint32(rest[4:]))
	size := int(binary.LittleEndian.Uint32(rest[8:]))
	scale := math.Float32frombits(binary.LittleEndian.Uint32(rest[12:]))
	rest = rest[16:]
	keys, rows, vecs := rest[:8*size], rest[8*size:12*size], rest[12*size:12*size+n*dim]
	rest = rest[12*size+n*dim:]
	if len(rest) != 4*dim*nc {
		t.Fatalf("dense: %d bytes", len(rest))
	}
	es := make([]lexEntry, n)
	for j := 0; j < size; j++ {
		k := binary.LittleEndian.Uint64(keys[8*j:])
		if k == 0 {
			continue
		}
		row := int(binary.LittleEndian.Uint32(rows[4*j:]))
		es[row] = lexEntry{key: k, vec: vecs[row*dim : row*dim+dim]}
	}
	plain := buildVectors(dim, scale, es, false)
	f, err := os.Open("../wordclusters/clusters.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	cw, cid, err := ReadClusterWords(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	lex := plain.WithClusters(cw, cid)
	t.Logf("%d vector words, %d cluster words -> %d records (%d with vectors)", plain.n, len(cw), lex.n, lex.Len())

	cl, err := wordclusters.Default()
	if err != nil {
		t.Fatal(err)
	}
	old := Featurizer{Bits: uint(hdr.Bits), Title: hdr.Title, Cluster: hdr.Cluster, Dense: hdr.Dense, Vectors: plain, Clusters: cl}
	neu := old
	neu.Vectors, neu.Clusters = lex, nil
	ag, err := LoadAG(filepath.Join(*xData, "ag-news", "train-part.csv"))
	if err != nil {
		t.Fatal(err)
	}
	bbc, err := LoadBBC(filepath.Join(*xData, "bbc-news", "bbc"))
	if err != nil {
		t.Fatal(err)
	}
	texts, err := LoadUnlabelled(*xData)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range append(ag, bbc...) {
		texts = append(texts, e.Text)
	}
	diff := 0
	for _, s := range texts {
		a := old.features(s, nil)
		c := neu.features(s, nil)
		if !slices.Equal(a, c) {
			diff++
		}
	}
	t.Logf("%d texts, %d with different features", len(texts), diff)
	if diff != 0 {
		t.Fatal("features differ")
	}

	w := make([]float32, nh*nc+dim*nc)
	for i := 0; i < nh*nc; i++ {
		w[i] = float32(int16(binary.LittleEndian.Uint16(qw[2*i:]))) * hdr.Scale
	}
	for i := 0; i < dim*nc; i++ {
		w[nh*nc+i] = math.Float32frombits(binary.LittleEndian.Uint32(rest[4*i:]))
	}
	var buf bytes.Buffer
	if err := Encode(&buf, names, neu, bias, w); err != nil {
		t.Fatal(err)
	}
	c, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(c.w, qw) {
		t.Fatal("hashed weights changed in re-quantisation")
	}
	if err := os.WriteFile(ModelPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s: %d bytes (was %d)", ModelPath, buf.Len(), len(b))
}
