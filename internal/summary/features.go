package summary

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/lector-nlp/lector/internal/strindex"
	"github.com/lector-nlp/lector/internal/text"
)

// featureNames names the columns returned by Features, in order.
var featureNames = []string{
	"pos0", "pos1", "pos2", "pos3", "pos4", "pos5-9", "pos10+",
	"relpos", "cpos0", "cpos1", "cpos2",
	"loglen", "short<6", "short<10", "long>40",
	"centrality", "centralityRank", "overlapFirst", "overlapPrev",
	"termDensity", "topTermShare", "quote", "startsQuote", "digits",
	"said", "question", "colon", "logSentences", "pos0xlogM", "relposxloglen",
	"novelty", "pos0xcentral", "bias1",
}

// NumFeatures is the length of each feature vector.
var NumFeatures = len(featureNames)

var stopwords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a an the and or but if of at by for with about against between into through
		during before after above below to from up down in out on off over under again further then once here there
		when where why how all any both each few more most other some such no nor not only own same so than too very
		s t can will just don should now i me my myself we our ours ourselves you your yours yourself yourselves he him
		his himself she her hers herself it its itself they them their theirs themselves what which who whom this that
		these those am is are was were be been being have has had having do does did doing would could ought 's 're 've
		'd 'll n't also said says say told one two new last first year years time just like get got made make may might
		mr mrs ms us`) {
		m[w] = true
	}
	return m
}()

// isWord reports whether a token holds a letter or a digit.
func isWord(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 0x80 {
			return true
		}
	}
	return false
}

func isContent(t string) bool {
	return len(t) > 1 && isWord(t) && !isStopword(t)
}

// stopKey is a 14-bit key of a text of two bytes or more from its length
// and its first and last bytes, for stopKeys.
func stopKey(t string) uint32 {
	return uint32(len(t)&15)<<10 | uint32(t[0]&31)<<5 | uint32(t[len(t)-1]&31)
}

// stopKeys has the bit of stopKey set for every stopword: most other
// words are told apart without a look-up.
var stopKeys = func() (b [1 << 8]uint64) {
	for w := range stopwords {
		if len(w) > 1 {
			k := stopKey(w)
			b[k>>6] |= 1 << (k & 63)
		}
	}
	return
}()

// stopIdx[stopKey(w)] is one plus the index in stopLists of the
// stopwords of two bytes or more with that key (a few share one: "than"
// and "then"), 0 for none: a word whose key bit is set is compared with
// them instead of being hashed for the map.
var stopIdx, stopLists = func() (*[1 << 14]uint8, [][]string) {
	byKey := make(map[uint32][]string)
	for w := range stopwords {
		if len(w) > 1 {
			byKey[stopKey(w)] = append(byKey[stopKey(w)], w)
		}
	}
	keys := make([]uint32, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if len(keys) > 255 {
		panic("summary: too many stopword keys for stopIdx")
	}
	idx := new([1 << 14]uint8)
	var lists [][]string
	for _, k := range keys {
		lists = append(lists, byKey[k])
		idx[k] = uint8(len(lists))
	}
	return idx, lists
}()

// isStopword is stopwords[t] for a text of two bytes or more.
func isStopword(t string) bool {
	k := stopKey(t)
	if stopKeys[k>>6]&(1<<(k&63)) == 0 {
		return false
	}
	for _, w := range stopLists[stopIdx[k]-1] {
		if w == t {
			return true
		}
	}
	return false
}

func hasDigit(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] >= '0' && t[i] <= '9' {
			return true
		}
	}
	return false
}

// Features computes one feature vector per sentence (the rows lie one
// after the other in one array). Sentences are given as
// lower-cased token texts (punctuation tokens included).
func Features(sents [][]string) [][]float64 { return features(sents, nil, nil) }

// wc is a word id and a count.
type wc struct{ id, n int32 }

// tc is a term, its id and its count.
type tc struct {
	t  string
	id int32
	n  int32
}

// scratch holds the buffers of features (and of Summarize), reused from
// one document to the next through scratchPool: a steady stream of
// articles then allocates almost nothing here.
type scratch struct {
	ids                       strindex.Index // content word -> id (index in vocab)
	vocab                     []string
	docTF, sentDF, last, slot []int32
	all                       []wc
	tf                        [][]wc
	words                     []int
	cent, sorted, flat        []float64
	inLead, top               []bool
	quoted                    []uint8 // features: quoteOdd or quoteBare (penalise)
	tops                      []tc
	out                       [][]float64
	low                       []string
	sents                     [][]string
	order                     []int
	scores                    []float64
	tri                       triSet // selectStop's trigrams
	triWords                  []string
	triBuf                    []trigram
}

var scratchPool sync.Pool

// maxPooledSentences is the longest document whose scratch is pooled.
const maxPooledSentences = 2000

// maxPooledTrigrams bounds the trigram buffers a pooled scratch keeps
// (words, trigrams and trigram set: the longest sentences of news are a
// few hundred words).
const maxPooledTrigrams = 1 << 12

func getScratch() *scratch {
	if sc, ok := scratchPool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

// putScratch clears the strings sc holds (they point into a document) and
// pools it; nothing from sc may be used afterwards.
func putScratch(sc *scratch) {
	if len(sc.sents) > maxPooledSentences || len(sc.out) > maxPooledSentences {
		return
	}
	clear(sc.vocab[:cap(sc.vocab)])
	clear(sc.tops[:cap(sc.tops)])
	clear(sc.low)
	clear(sc.sents)
	clear(sc.tri.list)
	clear(sc.triWords) // (their lengths are their longest use: see trigrams)
	clear(sc.triBuf)
	sc.triWords, sc.triBuf = sc.triWords[:0], sc.triBuf[:0]
	// the trigram buffers are as large as the longest sentence looked at
	// (a text with no sentence breaks is one sentence of every word: tens
	// of megabytes for a 1 MB article): left to the collector past that
	if cap(sc.triWords) > maxPooledTrigrams || cap(sc.triBuf) > maxPooledTrigrams {
		sc.triWords, sc.triBuf = nil, nil
	}
	if cap(sc.tri.list) > maxPooledTrigrams {
		sc.tri = triSet{}
	}
	scratchPool.Put(sc)
}

// zeroed returns s resized to n zero elements, reusing its array.
func zeroed[T any](s []T, n int) []T {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

// features is Features that gives up, returning nil, once stop (when not
// nil) reports true; it asks every cancelEvery sentences of each pass.
// The rows it returns are in sc's buffers when sc is not nil.
func features(sents [][]string, stop func() bool, sc *scratch) [][]float64 {
	if sc == nil {
		sc = &scratch{}
	}
	M := len(sents)
	out := zeroed(sc.out, M)
	sc.out = out
	if M == 0 {
		return out
	}
	stopped := func(i int) bool { return stop != nil && i%cancelEvery == cancelEvery-1 && stop() }
	// content-word term frequencies per sentence and document, on word
	// ids: tf[i] lists the distinct content words of sentence i with their
	// counts, in order of first occurrence
	ids := &sc.ids
	ids.Reset(min(16*M, 1<<12))
	vocab := sc.vocab[:0]
	// by id; last: the last sentence holding it
	docTF, sentDF, last, slot := sc.docTF[:0], sc.sentDF[:0], sc.last[:0], sc.slot[:0]
	all := sc.all[:0]
	if cap(all) < 8*M {
		all = make([]wc, 0, 8*M)
	}
	tf := zeroed(sc.tf, M)
	words := zeroed(sc.words, M)
	quoted := zeroed(sc.quoted, M)
	sc.quoted = quoted
	defer func() {
		sc.vocab, sc.docTF, sc.sentDF, sc.last, sc.slot = vocab, docTF, sentDF, last, slot
		sc.all, sc.tf, sc.words = all, tf, words
	}()
	for i, s := range sents {
		if stopped(i) {
			return nil
		}
		first := len(all)
		for _, t := range s {
			if isWord(t) {
				words[i]++
			}
			if !isContent(t) {
				continue
			}
			h := strindex.Hash(t)
			id, at := ids.Find(vocab, t, h)
			if id < 0 {
				id = int32(len(vocab))
				vocab = append(vocab, t)
				ids.Add(vocab, at, h)
				docTF = append(docTF, 0)
				sentDF = append(sentDF, 0)
				last = append(last, -1)
				slot = append(slot, 0)
			}
			if last[id] != int32(i) {
				last[id] = int32(i)
				slot[id] = int32(len(all))
				all = append(all, wc{id: id})
				sentDF[id]++
			}
			all[slot[id]].n++
			docTF[id]++
		}
		tf[i] = all[first:len(all):len(all)]
	}
	// top terms of the document (appearing in 2+ sentences, most frequent)
	tops := sc.tops[:0]
	defer func() { sc.tops = tops }()
	for id, n := range docTF {
		if sentDF[id] >= 2 {
			tops = append(tops, tc{vocab[id], int32(id), n})
		}
	}
	top := zeroed(sc.top, len(vocab))
	sc.top = top
	for k := 0; k < 10 && len(tops) > 0; k++ {
		best := 0
		for j := range tops {
			if tops[j].n > tops[best].n || tops[j].n == tops[best].n && tops[j].t < tops[best].t {
				best = j
			}
		}
		top[tops[best].id] = true
		tops[best] = tops[len(tops)-1]
		tops = tops[:len(tops)-1]
	}
	var docNorm float64
	for _, n := range docTF {
		docNorm += float64(int64(n) * int64(n))
	}
	docNorm = math.Sqrt(docNorm)
	cent := zeroed(sc.cent, M)
	sc.cent = cent
	for i := range sents {
		if stopped(i) {
			return nil
		}
		var dot, norm float64
		for _, w := range tf[i] {
			// leave the sentence out of the centroid
			n := w.n
			dot += float64(n) * float64(docTF[w.id]-n)
			norm += float64(int64(n) * int64(n))
		}
		if norm > 0 && docNorm > 0 {
			cent[i] = dot / (math.Sqrt(norm) * docNorm)
		}
	}
	// first sentence with at least 6 words: the lead of the story
	lead := 0
	for i := range sents {
		if words[i] >= 6 {
			lead = i
			break
		}
	}
	// centrality rank: the number of sentences more central, read off a
	// sorted copy (a pairwise count is quadratic: 130 M comparisons for
	// the 11,500 sentences of a 1 MB article)
	sorted := append(sc.sorted[:0], cent...)
	sc.sorted = sorted
	slices.Sort(sorted)
	cpos := 0
	logM := math.Log(float64(M))
	inLead := zeroed(sc.inLead, len(vocab))
	sc.inLead = inLead
	for _, w := range tf[lead] {
		inLead[w.id] = true
	}
	// seenIn[id]: the last sentence before the current one holding the
	// word, -1 if none
	seenIn := last
	for id := range seenIn {
		seenIn[id] = -1
	}
	flat := zeroed(sc.flat, M*NumFeatures)
	sc.flat = flat
	for i, s := range sents {
		if stopped(i) {
			return nil
		}
		f := flat[i*NumFeatures : (i+1)*NumFeatures : (i+1)*NumFeatures]
		L := words[i]
		switch {
		case i < 5:
			f[i] = 1
		case i < 10:
			f[5] = 1
		default:
			f[6] = 1
		}
		f[7] = float64(i) / float64(M)
		if L >= 6 {
			if cpos < 3 {
				f[8+cpos] = 1
			}
			cpos++
		}
		f[11] = math.Log1p(float64(L))
		if L < 6 {
			f[12] = 1
		}
		if L < 10 {
			f[13] = 1
		}
		if L > 40 {
			f[14] = 1
		}
		f[15] = cent[i]
		rank := M - sort.Search(M, func(k int) bool { return sorted[k] > cent[i] })
		f[16] = float64(rank) / float64(M)
		nc := 0
		var ov, ovPrev float64
		dens := 0 // integer sums keep the features independent of map order
		novel := 0
		for _, w := range tf[i] {
			n := int(w.n)
			nc += n
			if i != lead && inLead[w.id] {
				ov += float64(n)
			}
			if i > 0 && seenIn[w.id] == int32(i-1) {
				ovPrev += float64(n)
			}
			dens += n * int(sentDF[w.id]-1)
			if top[w.id] {
				f[20] += float64(n)
			}
			if seenIn[w.id] < 0 {
				novel++
			}
		}
		if nc > 0 {
			f[17] = ov / float64(nc)
			f[18] = ovPrev / float64(nc)
			f[19] = float64(dens) / float64(M) / float64(nc)
			f[20] /= float64(nc)
			f[30] = float64(novel) / float64(nc)
		}
		if i == lead {
			f[17] = 1
		}
		digits, quotes := 0, 0
		for k, t := range s {
			if text.IsDoubleQuote(t) {
				quotes++
				f[21] = 1
				if k == 0 {
					f[22] = 1
				}
			}
			if hasDigit(t) {
				digits++
			}
			if t == "said" || t == "says" || t == "told" {
				f[24] = 1
			}
			if t == ":" {
				f[26] = 1
			}
		}
		if L > 0 {
			f[23] = float64(digits) / float64(L)
		}
		switch {
		case quotes%2 == 1:
			quoted[i] = quoteOdd
		case f[22] == 1 && f[24] == 0 && len(s) > 0 && text.IsDoubleQuote(s[len(s)-1]):
			quoted[i] = quoteBare
		}
		if len(s) > 0 && s[len(s)-1] == "?" {
			f[25] = 1
		}
		f[27] = logM
		f[28] = f[0] * logM
		f[29] = f[7] * f[11]
		f[31] = f[0] * cent[i]
		f[32] = 1
		for _, w := range tf[i] {
			seenIn[w.id] = int32(i)
		}
		out[i] = f
	}
	return out
}
