package category

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/lector-nlp/lector/internal/corpus"
)

// LoadUnlabelled reads the unlabelled news we may train on: the
// CNN/DailyMail dev stories and the Reuters-21578 and Reuter_50_50
// bodies under dataDir. Text only; the labels, if any, are not read.
func LoadUnlabelled(dataDir string) ([]string, error) {
	var out []string
	b, err := corpus.ReadGzip(filepath.Join(dataDir, "cnn-dailymail", "dev.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	for {
		var rec struct {
			Article string `json:"article"`
		}
		if err := dec.Decode(&rec); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		out = append(out, rec.Article)
	}
	bodies, err := corpus.ReutersBodies(filepath.Join(dataDir, "unlabeled-news", "reuters21578"))
	if err != nil {
		return nil, err
	}
	for _, b := range bodies {
		out = append(out, html.UnescapeString(latin1(b)))
	}
	c50, _ := filepath.Glob(filepath.Join(dataDir, "unlabeled-news", "reuters-c50", "C50*", "*", "*.txt"))
	for _, fn := range c50 {
		b, err := os.ReadFile(fn)
		if err != nil {
			return nil, err
		}
		out = append(out, string(b))
	}
	return out, nil
}

// Tokens returns the normalised words of s, as the features see them.
func Tokens(s string) []string {
	var out []string
	var buf []byte
	words(s, func(tok string, gap bool) bool {
		w, ok := normalise(tok, buf[:0])
		buf = w
		if ok {
			out = append(out, string(w))
		}
		return true
	})
	return out
}

// VecOptions tune TrainVectors (skip-gram with negative sampling).
type VecOptions struct {
	Dim, Window, Negative, Epochs, MinCount int
	Rate, Sample                            float64
	Threads                                 int
	Seed                                    uint64
}

// DefaultVecOptions are the word2vec defaults, in smaller dimension.
var DefaultVecOptions = VecOptions{Dim: 100, Window: 5, Negative: 5, Epochs: 5, MinCount: 5, Rate: 0.025, Sample: 1e-4, Threads: 2, Seed: 1}

// TrainVectors learns word vectors with skip-gram and negative sampling
// (Mikolov et al. 2013) and returns the vocabulary (most frequent first)
// and the row-major vectors.
func TrainVectors(docs [][]string, o VecOptions) ([]string, []float32) {
	freq := make(map[string]int)
	total := 0
	for _, d := range docs {
		for _, w := range d {
			freq[w]++
			total++
		}
	}
	var vocab []string
	for w, c := range freq {
		if c >= o.MinCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i]] != freq[vocab[j]] {
			return freq[vocab[i]] > freq[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	id := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		id[w] = int32(i)
	}
	seqs := make([][]int32, len(docs))
	for i, d := range docs {
		s := make([]int32, 0, len(d))
		for _, w := range d {
			if j, ok := id[w]; ok {
				s = append(s, j)
			}
		}
		seqs[i] = s
	}
	keep := make([]float64, len(vocab))
	for i, w := range vocab {
		f := float64(freq[w]) / float64(total)
		keep[i] = min(1, (math.Sqrt(f/o.Sample)+1)*o.Sample/f)
	}
	// negative-sampling table, unigram^0.75
	table := make([]int32, 1e7)
	pw := 0.0
	for _, w := range vocab {
		pw += math.Pow(float64(freq[w]), 0.75)
	}
	i, cum := 0, math.Pow(float64(freq[vocab[0]]), 0.75)/pw
	for a := range table {
		table[a] = int32(i)
		if float64(a)/float64(len(table)) > cum && i < len(vocab)-1 {
			i++
			cum += math.Pow(float64(freq[vocab[i]]), 0.75) / pw
		}
	}
	D := o.Dim
	in := make([]float32, len(vocab)*D)
	outv := make([]float32, len(vocab)*D)
	rng := rand.New(rand.NewPCG(o.Seed, 7))
	for i := range in {
		in[i] = (rng.Float32() - 0.5) / float32(D)
	}
	nTok := 0
	for _, s := range seqs {
		nTok += len(s)
	}
	var done int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	for t := 0; t < o.Threads; t++ {
		wg.Add(1)
		go func(t int) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(o.Seed+uint64(t)+1, 11))
			grad := make([]float32, D)
			sent := make([]int32, 0, 1000)
			local := int64(0)
			for ep := 0; ep < o.Epochs; ep++ {
				for si := t; si < len(seqs); si += o.Threads {
					mu.Lock()
					done += local
					progress := float64(done) / float64(int64(nTok)*int64(o.Epochs))
					mu.Unlock()
					local = 0
					lr := float32(o.Rate * max(1e-4, 1-progress))
					sent = sent[:0]
					for _, w := range seqs[si] {
						if r.Float64() < keep[w] {
							sent = append(sent, w)
						}
					}
					local += int64(len(seqs[si]))
					for p, w := range sent {
						b := r.IntN(o.Window)
						for q := p - o.Window + b; q <= p+o.Window-b; q++ {
							if q < 0 || q >= len(sent) || q == p {
								continue
							}
							c := sent[q]
							vi := in[int(c)*D : int(c)*D+D]
							clear(grad)
							for k := 0; k <= o.Negative; k++ {
								tgt, label := w, float32(1)
								if k > 0 {
									tgt = table[r.IntN(len(table))]
									if tgt == w {
										continue
									}
									label = 0
								}
								vo := outv[int(tgt)*D : int(tgt)*D+D]
								dot := float32(0)
								for j := range vi {
									dot += vi[j] * vo[j]
								}
								var g float32
								switch {
								case dot > 6:
									g = (label - 1) * lr
								case dot < -6:
									g = label * lr
								default:
									g = (label - float32(1/(1+math.Exp(-float64(dot))))) * lr
								}
								for j := range vi {
									grad[j] += g * vo[j]
									vo[j] += g * vi[j]
								}
							}
							for j := range vi {
								vi[j] += grad[j]
							}
						}
					}
				}
			}
		}(t)
	}
	wg.Wait()
	return vocab, in
}

// latin1 decodes ISO 8859-1 bytes.
func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}
