// Command langid builds the compact language-identification model of
// internal/langid from the n-gram frequency models that ship inside the
// github.com/pemistahl/lingua-go module (Apache-2.0), read from the Go
// module cache at training time.
//
// For every language it loads the conditional n-gram probabilities of
// orders 1-5 (P(last letter | preceding letters)), computes each n-gram's
// joint frequency by chaining the lower orders, keeps all unigrams and
// bigrams and the -k3/-k4/-k5 most frequent longer n-grams, quantises
// -log p to one byte and writes one open-addressing hash table.
//
//	go run ./cmd/train/langid            # writes internal/langid/model/langid.bin
//
// With the defaults: 1.28 M n-grams, 3.26 M (language, log-probability)
// postings, 17.1 MB, about 1 minute. -k3 30000 -k4 80000 -k5 100000 gives
// 58 MB for +0.1 point on the UDHR dev set; -k3 8000 -k4 12000 -k5 12000
// gives 12.7 MB for -0.3.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"

	"github.com/lector-nlp/lector/internal/langid"
)

// Languages are the 75 languages of the Lingua test sets.
var Languages = strings.Fields(`af ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fr ga gu he hi
hr hu hy id is it ja ka kk ko la lg lt lv mi mk mn mr ms nb nl nn pa pl pt ro ru sk sl sn so sq sr st sv
sw ta te th tl tn tr ts uk ur vi xh yo zh zu`)

var orderFile = []string{"", "unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"}

func main() {
	var (
		dir     = flag.String("lingua", "", "lingua-go module directory (default: from `go list -m`)")
		out     = flag.String("out", "internal/langid/model/langid.bin", "output model")
		k1      = flag.Int("k1", 100000, "unigrams kept per language")
		k2      = flag.Int("k2", 100000, "bigrams kept per language")
		k3      = flag.Int("k3", 12000, "trigrams kept per language")
		k4      = flag.Int("k4", 20000, "4-grams kept per language")
		k5      = flag.Int("k5", 20000, "5-grams kept per language")
		step    = flag.Float64("step", 0.07, "quantisation step (nats)")
		backoff = flag.Float64("backoff", 1.5, "back-off penalty per order (nats)")
		unknown = flag.Float64("unknown", -11, "log-probability of an unknown letter")
	)
	flag.Parse()
	if *dir == "" {
		b, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/pemistahl/lingua-go").Output()
		if err != nil {
			log.Fatalf("locate lingua-go: %v", err)
		}
		*dir = strings.TrimSpace(string(b))
	}
	keep := []int{0, *k1, *k2, *k3, *k4, *k5}

	type posting struct{ lang, q byte }
	post := make(map[string][]posting)
	for li, code := range Languages {
		models := make([]map[string]float64, 6)
		for o := 1; o <= 5; o++ {
			m, err := readModel(filepath.Join(*dir, "language-models", code, orderFile[o]+".pb.bin.zip"))
			if err != nil {
				if os.IsNotExist(err) {
					continue
				}
				log.Fatal(err)
			}
			models[o] = m
		}
		total := 0
		for o := 1; o <= 5; o++ {
			if models[o] == nil {
				continue
			}
			type cand struct {
				ng    string
				joint float64
				cond  float64
			}
			cands := make([]cand, 0, len(models[o]))
			for ng, p := range models[o] {
				cands = append(cands, cand{ng, joint(models, ng), p})
			}
			sort.Slice(cands, func(i, j int) bool {
				if cands[i].joint != cands[j].joint {
					return cands[i].joint > cands[j].joint
				}
				return cands[i].ng < cands[j].ng
			})
			if len(cands) > keep[o] {
				cands = cands[:keep[o]]
			}
			for _, c := range cands {
				q := math.Round(-math.Log(c.cond) / *step)
				q = math.Max(0, math.Min(255, q))
				post[c.ng] = append(post[c.ng], posting{byte(li), byte(q)})
			}
			total += len(cands)
		}
		log.Printf("%s: %d n-grams kept", code, total)
	}

	// Table: entries sorted by (bucket, check), 2-3 entries per bucket on average.
	type entry struct {
		h  uint64
		ng string
	}
	entries := make([]entry, 0, len(post))
	for ng := range post {
		entries = append(entries, entry{langid.Mix(langid.Hash(ng)), ng})
	}
	n := len(entries)
	bits := uint(1)
	for 3*(1<<bits) < n {
		bits++
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].h < entries[j].h })
	nb := 1 << bits
	buckets := make([]uint32, nb+1)
	bpost := make([]uint32, nb+1)
	fps := make([]uint32, n)
	var pb []byte
	npost := 0
	next := 0 // next bucket whose start is unset
	for i, e := range entries {
		b := int(langid.Bucket(e.h, bits))
		for ; next <= b; next++ {
			buckets[next] = uint32(i)
			bpost[next] = uint32(len(pb))
		}
		if i > 0 && entries[i-1].h>>(64-bits) == e.h>>(64-bits) && uint32(entries[i-1].h) == uint32(e.h) {
			log.Fatalf("hash collision: %q %q", entries[i-1].ng, e.ng)
		}
		fps[i] = uint32(e.h)
		ps := post[e.ng]
		if len(ps) > 255 {
			log.Fatalf("too many languages for %q", e.ng)
		}
		pb = append(pb, byte(len(ps)))
		for _, p := range ps {
			pb = append(pb, p.lang, p.q)
		}
		npost += len(ps)
	}
	for ; next <= nb; next++ {
		buckets[next] = uint32(n)
		bpost[next] = uint32(len(pb))
	}

	var buf bytes.Buffer
	buf.WriteString(langid.Magic)
	hdr := langid.Header{
		NLang:    uint32(len(Languages)),
		Params:   langid.Params{Step: float32(*step), Backoff: float32(*backoff), Unknown: float32(*unknown)},
		Bits:     uint32(bits),
		Entries:  uint32(n),
		PostSize: uint32(len(pb)),
	}
	binary.Write(&buf, binary.LittleEndian, hdr)
	for _, c := range Languages {
		buf.WriteString(c)
	}
	binary.Write(&buf, binary.LittleEndian, buckets)
	binary.Write(&buf, binary.LittleEndian, bpost)
	binary.Write(&buf, binary.LittleEndian, fps)
	buf.Write(pb)

	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d n-grams, %d postings, 2^%d buckets, %.1f MB -> %s\n",
		n, npost, bits, float64(buf.Len())/1e6, *out)
}

// joint returns the frequency of ng in its language by chaining the
// conditional probabilities of its prefixes.
func joint(models []map[string]float64, ng string) float64 {
	p := 1.0
	runes := []rune(ng)
	for o := 1; o <= len(runes); o++ {
		m := models[o]
		if m == nil {
			return p * 1e-9
		}
		c, ok := m[string(runes[:o])]
		if !ok {
			c = 1e-6
		}
		p *= c
	}
	return p
}

func readModel(path string) (map[string]float64, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	if len(zr.File) != 1 {
		return nil, fmt.Errorf("%s: %d files", path, len(zr.File))
	}
	f, err := zr.File[0].Open()
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	var m serialization.SerializableLanguageModel
	if err := proto.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[string]float64, m.TotalNgrams)
	for _, s := range m.NgramSets {
		for _, ng := range s.Ngrams {
			out[ng] = s.Probability
		}
	}
	return out, nil
}
