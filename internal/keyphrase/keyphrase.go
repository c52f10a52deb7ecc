// Package keyphrase extracts ranked key phrases, mostly noun phrases, with
// every mention. Candidates are noun-phrase chunks found with the POS tags
// of the document (or stopword-delimited word runs when it carries none) and
// their sub-phrases (a day that names what happens on it is part of the
// phrase: "Sunday trading laws", "Boxing Day sales"); a gradient-boosted
// tree ranker trained on 500N-KPCrowd (news) and Inspec (abstracts)
// scores them from position, frequency, length,
// tf-idf against a background table of news document frequencies, a
// PositionRank graph score, capitalisation and the cosine of the phrase's
// GloVe vector (internal/wordvec) with the document's and the lead's.
// The best are taken as indexers write key phrases: a one-word name in
// full ("Robert Rubin" for "Rubin"; a first name, not a title: "Mr.
// Rubin" is dropped after it), a one-word part of a name over "of" as
// the whole name when it is mostly written inside it ("Bank of England",
// not "England"), and no phrase ending in a company's legal
// form ("ADT Ltd": "ADT" is its own candidate), a plural generic
// head of people ("industry experts"), an agency sign-off ("Paris
// newsroom") or holding an indefinite pronoun; a full name without the
// role before it ("Ana Ortega", not "Valencia striker Ana
// Ortega"), and no clause cut short: a phrase opening with a verb
// ("facing heavy fines", "has imposed ...") or a headline's verb
// read as a noun ("Acme buys ...", "Man 'suing council'", "Fares
// slide"); no description of a work with a title's first word ("comedy
// Dance" of "the comedy Dance with the Wardens"; a title of one word
// after its description is shown alone), and no clock time with
// its day ("a midnight Friday pay deadline" gives "pay deadline").
package keyphrase

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/keyphrase/gbdt"
	"github.com/lector-nlp/lector/internal/text"
	"github.com/lector-nlp/lector/internal/wordvec"
)

//go:embed model.json.gz df.txt.gz
var modelFS embed.FS

// Phrase is one key phrase of a document.
type Phrase struct {
	// Text is the most frequent surface form; of a one-word name, its
	// most frequent two-word form ("Robert Rubin" for "Rubin").
	Text  string
	Score float64 // the ranker's probability that it is a key phrase, in [0, 1]
	// Mentions are every occurrence, in text order; of a name written in
	// full, those of the full name and of the surname alone.
	Mentions []text.Span
}

// Extractor ranks key phrases. It is safe for concurrent use.
type Extractor struct {
	// Redundancy drops a phrase that is part of a better-ranked one.
	Redundancy bool
	// Vectors are the word vectors of the embedding features (nil, or a
	// table of other than wordvec.Dim dimensions: those features are 0).
	Vectors *wordvec.Table

	m     *Model
	df    map[string]int32
	ndocs float64
}

var (
	defaultOnce sync.Once
	defaultExt  *Extractor
	defaultErr  error
)

// Extract returns the n best key phrases of doc with the embedded model,
// best first. POS-tag doc first (pos.Tagger.Tag) for noun-phrase candidates.
func Extract(doc *text.Document, n int) []Phrase {
	defaultOnce.Do(func() { defaultExt, defaultErr = Load() })
	if defaultErr != nil {
		return nil
	}
	return defaultExt.Extract(doc, n)
}

// Load reads the embedded model and background document frequencies.
func Load() (*Extractor, error) {
	return LoadFS(modelFS)
}

// LoadFS reads model.json.gz and df.txt.gz from fsys.
func LoadFS(fsys fs.FS) (*Extractor, error) {
	f, err := fsys.Open("df.txt.gz")
	if err != nil {
		return nil, fmt.Errorf("keyphrase: %w", err)
	}
	defer f.Close()
	df, n, err := ReadDF(f)
	if err != nil {
		return nil, err
	}
	mf, err := fsys.Open("model.json.gz")
	if err != nil {
		return nil, fmt.Errorf("keyphrase: %w", err)
	}
	defer mf.Close()
	zr, err := gzip.NewReader(mf)
	if err != nil {
		return nil, fmt.Errorf("keyphrase: model: %w", err)
	}
	var m Model
	if err := json.NewDecoder(zr).Decode(&m); err != nil {
		return nil, fmt.Errorf("keyphrase: decoding model: %w", err)
	}
	if !m.check() {
		return nil, fmt.Errorf("keyphrase: model does not match the %d features of this version", numFeatures)
	}
	return New(&m, df, n), nil
}

// New returns an Extractor with model m (nil: Candidates only) and background
// document frequencies df over ndocs documents, with Redundancy set and the
// shared word vectors (wordvec.Default).
func New(m *Model, df map[string]int32, ndocs int) *Extractor {
	if m != nil && m.Boost != nil && m.flat == nil {
		m.flat = m.Boost.Compile()
	}
	return &Extractor{Redundancy: true, Vectors: wordvec.Default(), m: m, df: df, ndocs: float64(ndocs)}
}

// ReadDF reads a gzipped background table: a first line "docs N", then
// "stem<TAB>df" lines.
func ReadDF(r io.Reader) (map[string]int32, int, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, 0, fmt.Errorf("keyphrase: df table: %w", err)
	}
	sc := bufio.NewScanner(zr)
	df := make(map[string]int32)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		w, v, ok := strings.Cut(line, "\t")
		if !ok {
			if d, ok := strings.CutPrefix(line, "docs "); ok {
				n, _ = strconv.Atoi(d)
			}
			continue
		}
		k, err := strconv.Atoi(v)
		if err != nil {
			return nil, 0, fmt.Errorf("keyphrase: df table: %q: %w", line, err)
		}
		df[w] = int32(k)
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("keyphrase: df table: %w", err)
	}
	if n == 0 {
		return nil, 0, fmt.Errorf("keyphrase: df table has no document count")
	}
	return df, n, nil
}

// WriteModel writes m gzipped, for LoadFS.
func WriteModel(w io.Writer, m *Model) error {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err := json.NewEncoder(zw).Encode(m); err != nil {
		return err
	}
	return zw.Close()
}

// WriteDF writes a table for ReadDF.
func WriteDF(w io.Writer, df map[string]int32, ndocs int) error {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "docs %d\n", ndocs)
	keys := make([]string, 0, len(df))
	for k := range df {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if df[keys[a]] != df[keys[b]] {
			return df[keys[a]] > df[keys[b]]
		}
		return keys[a] < keys[b]
	})
	for _, k := range keys {
		fmt.Fprintf(&buf, "%s\t%d\n", k, df[k])
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// idf returns the smoothed inverse document frequency of a stem and whether
// the background table knows it.
func (e *Extractor) idf(stem string) (float64, bool) {
	d, ok := e.df[stem]
	return math.Log((e.ndocs + 1) / (float64(d) + 1)), ok
}

// Candidates returns the candidate phrases of doc: their stemmed keys, their
// surface forms and their feature vectors (for training).
func (e *Extractor) Candidates(doc *text.Document) (keys, texts []string, X [][]float64) {
	dw := newDocWords(doc, e)
	if dw == nil {
		return nil, nil, nil
	}
	defer dw.release()
	cands, ments := candidates(doc, dw)
	flat := e.features(doc, dw, cands)
	if flat == nil {
		return nil, nil, nil
	}
	for i := range cands {
		X = append(X, flat[i*numFeatures:(i+1)*numFeatures:(i+1)*numFeatures])
		keys = append(keys, dw.key(cands[i].words))
		texts = append(texts, surface(doc.Text, spans(ments, &cands[i])))
	}
	return keys, texts, X
}

// Extract returns the n best key phrases of doc, best first. Once doc.Err
// is set it stops early and returns nil.
func (e *Extractor) Extract(doc *text.Document, n int) []Phrase {
	if n <= 0 || len(doc.Tokens) == 0 || doc.Err() != nil {
		return nil
	}
	dw := newDocWords(doc, e)
	if dw == nil {
		return nil
	}
	defer dw.release()
	cands, ments := candidates(doc, dw)
	if len(cands) == 0 || doc.Err() != nil {
		return nil
	}
	X := e.features(doc, dw, cands)
	if X == nil {
		return nil
	}
	defer putFloats(X)
	// the rows become the trees' keys in place: no second array of them
	K := gbdt.KeyRows(X)
	score, all := e.m.rank(doc, K, len(cands), n)
	if score == nil {
		return nil
	}
	ps, ok := e.choose(doc, dw, cands, ments, score, n)
	if !ok && !all {
		// The cascade left too few candidates: score every one fully.
		if score = e.m.scoreAll(doc, K, len(cands)); score == nil {
			return nil
		}
		ps, _ = e.choose(doc, dw, cands, ments, score, n)
	}
	return ps
}

// choose takes the n best candidates by score (best first; a negative
// score marks one not scored), skipping redundant ones. It reports false
// when it reached a candidate not scored before it had n phrases.
func (e *Extractor) choose(doc *text.Document, dw *docWords, cands []candidate, ments []mention, score []float64, n int) ([]Phrase, bool) {
	var ps []Phrase
	var chosen []string // keys of the phrases taken
	var chosenLen []int
	var names []int32 // the one-word names taken (their stem ids)
	hlEnd := headlineEnd(doc)
	var lf lineFlags // (lines in capitals and bylines, read as needed)
	for _, i := range dw.scr.byValue(score) {
		if len(ps) == n {
			break
		}
		if score[i] < 0 {
			return ps, false
		}
		c := &cands[i]
		if !keyShaped(c) || verbal(doc, ments, c) || headlineVerb(doc, ments, c, hlEnd) || reportingEvent(dw, c) || signOff(doc, dw, ments, c) || clauseEnd(doc, ments, c) || headlineBodyVerb(doc, dw, ments, c, hlEnd) || gerundName(doc, ments, c) || headlineClause(doc, ments, c, hlEnd) || participleObject(doc, ments, c) || numberCut(doc, dw, ments, c) || weekdayTime(doc, ments, c) || headlineSubjectVerb(doc, ments, c, hlEnd) || titleCut(doc, ments, c) || headlineWhole(doc, ments, c, hlEnd) || titleHeadlineVerb(doc, dw, ments, c, hlEnd) || columns(doc, ments, c) || offLine(doc, ments, c, &lf) {
			continue
		}
		sc := score[i]
		if j := clockDay(doc, c); j > 0 {
			// the phrase after a clock time, at this phrase's rank
			s := int32(-1)
			if j < len(c.words) {
				s, _ = dw.byKey.find(cands, c.words[j:])
			}
			if s < 0 {
				continue // "midnight Friday"
			}
			i, c = int(s), &cands[s]
		} else if titleTail(doc, ments, c) > 0 {
			// a title after its description ("the thriller Fogbound"),
			// at this phrase's rank
			if s, _ := dw.byKey.find(cands, c.words[1:]); s >= 0 {
				i, c = int(s), &cands[s]
			}
		}
		for j := nameTail(doc, ments, c); j > 0; j = nameTail(doc, ments, c) {
			// the name alone, at this phrase's rank; again for a role
			// after a description ("manager Sir Alex Ferguson" ->
			// "Sir Alex Ferguson" -> "Alex Ferguson")
			s, _ := dw.byKey.find(cands, c.words[j:])
			if s < 0 {
				break
			}
			i, c = int(s), &cands[s]
		}
		if roleCut(doc, ments, c) {
			// a role or a first name cut from the name it opens, here
			// or left by nameTail ("chairman Sir Ned" -> "Sir Ned")
			continue
		}
		key := dw.key(c.words)
		nw := len(c.words)
		// a part of a name over "of" ("England" of "Bank of England"):
		// the whole name
		ofText, ofSpans, ofKey := ofName(doc, dw, ments, c)
		if ofText != "" {
			key, nw = ofKey, strings.Count(ofKey, " ")+1
		}
		if e.Redundancy && redundant(key, nw, chosen, chosenLen) {
			continue
		}
		if slices.Contains(chosen, key) {
			continue // the full name of a name taken before
		}
		if len(c.words) == 2 && slices.Contains(names, c.words[1]) && titled(doc, dw, c.first) {
			continue // "Ms. Halvorsen" after "Halvorsen" (in full or not)
		}
		ms := spans(ments, c)
		var best string
		if ofText != "" {
			best, ms = ofText, ofSpans
		}
		if best == "" && nw == 2 && c.proper == int(c.mentions) {
			// a full name ranked above its surname ("Marit Halvorsen"
			// before "Halvorsen"): it holds the surname's occurrences,
			// and the surname is a name taken (no "Ms. Halvorsen")
			if s, _ := dw.byKey.find(cands, c.words[1:]); s >= 0 && 2*cands[s].proper > int(cands[s].mentions) &&
				fullName(doc, dw, cands, ments, int(s)) == int(i) {
				names = append(names, c.words[1])
				dw.full = append(dw.full[:0], ms...)
				best = surface(doc.Text, dw.full)
				ms = withFull(spans(ments, &cands[s]), dw.full)
			}
		}
		if best == "" && nw == 1 && 2*c.proper > int(c.mentions) {
			names = append(names, c.words[0])
			if f := fullName(doc, dw, cands, ments, int(i)); f >= 0 {
				// a name (most occurrences tagged NNP: not a common noun
				// of a title-case headline) in full ("Robert Rubin", not
				// "Rubin"): its occurrences and those of the surname alone
				key = dw.key(cands[f].words)
				if slices.Contains(chosen, key) {
					continue // the full name was taken before
				}
				full := dw.full[:0]
				for m := cands[f].head; m >= 0; m = ments[m].next {
					full = append(full, ments[m].span)
				}
				dw.full = full
				best = surface(doc.Text, full)
				ms = withFull(ms, full)
				nw = 2
			}
		}
		if best == "" {
			best = surface(doc.Text, ms)
			if !hasLower(best) {
				// a heading's capitals ("KINGSPORT") where the text also
				// writes the phrase in prose ("Kingsport")
				best = surface(doc.Text, proseSpans(doc, ms, &lf))
			}
		}
		if strings.ContainsAny(best, "\t\n\r") {
			continue // a full name's columns ("Period	Calls")
		}
		chosen = append(chosen, key)
		chosenLen = append(chosenLen, nw)
		slices.SortFunc(ms, func(a, b text.Span) int { return a.Start - b.Start })
		ps = append(ps, Phrase{Text: best, Score: sc, Mentions: ms})
	}
	return ps, true
}

// keyShaped reports whether c can be a key phrase as indexers write them:
// it holds no indefinite pronoun, and ends in no company's legal form
// ("ADT Ltd": "ADT" is the candidate; nor "Ltd" alone), plural generic head of people
// ("industry experts") or agency sign-off ("Paris newsroom").
func keyShaped(c *candidate) bool {
	switch {
	case c.indef:
		return false
	case c.end == roleSuffix:
		return false // "ADT Ltd", and "Ltd" alone
	case c.end == roleGeneric:
		return c.plural == 0
	case c.end == roleDesk:
		return false
	}
	return true
}

// withFull returns the occurrences of a surname (ms) with those inside an
// occurrence of the full name (full, two-word spans: sorted here) replaced
// by it; the caller sorts the result.
func withFull(ms, full []text.Span) []text.Span {
	slices.SortFunc(full, func(a, b text.Span) int { return a.Start - b.Start })
	out := ms[:0]
	for _, m := range ms {
		// the last occurrence starting at or before m: the spans have
		// two tokens each, so their ends are in order too, and m is
		// inside one of them only if it is inside this one
		j, _ := slices.BinarySearchFunc(full, m.Start, func(f text.Span, s int) int {
			if f.Start <= s {
				return -1
			}
			return 1
		})
		if j > 0 && m.End <= full[j-1].End {
			continue
		}
		out = append(out, m)
	}
	return append(out, full...)
}

// fullName returns the two-word proper name ending in the one word of
// candidate s with the most occurrences (the first found on ties)
// starting with a capital ("Robert Rubin" for "Rubin"; found only at
// the start of sentences, when its first word is tagged NNP), or -1. A form
// starting with a title or an initial ("Ms. Halvorsen", "E. Rubin"), or
// found in headlines only ("Confirms Halvorsen"), is none. Every such form
// has an occurrence ending at one of s's (its last word is a candidate
// there), so the forms are looked up from the words before s's
// occurrences rather than among all the candidates.
func fullName(doc *text.Document, dw *docWords, cands []candidate, ments []mention, s int) int {
	w := cands[s].words[0]
	best := -1
	// each full name is judged once: a surname written thousands of times
	// after the same word ("... Acme Acme Acme ...") had judged it, and
	// read its every occurrence (inProse), once per occurrence
	if dw.tried == nil {
		dw.tried = map[int32]struct{}{}
	}
	clear(dw.tried)
	for m := cands[s].head; m >= 0; m = ments[m].next {
		t, _ := tokenStarting(doc, ments[m].span.Start)
		if t == 0 {
			continue
		}
		pair := [2]int32{dw.ids[t-1], w}
		i, _ := dw.byKey.find(cands, pair[:])
		if i < 0 {
			continue
		}
		if _, seen := dw.tried[i]; seen {
			continue
		}
		dw.tried[i] = struct{}{}
		f := &cands[i]
		if f.proper == int(f.mentions) && (f.capital > 0 || doc.Tokens[f.first].POS == "NNP") && (best < 0 || f.mentions > cands[best].mentions || f.mentions == cands[best].mentions && int(i) < best) &&
			!titled(doc, dw, f.first) && inProse(doc, ments, f) {
			best = int(i)
		}
	}
	return best
}

// inProse reports whether an occurrence of c is in a sentence of prose,
// not only in title-case or capitals lines, where a verb or a common noun
// before a surname is capitalised too ("Parliament Confirms Halvorsen").
func inProse(doc *text.Document, ments []mention, c *candidate) bool {
	last := -1
	for m := c.head; m >= 0; m = ments[m].next {
		start := ments[m].span.Start
		si := sentenceOf(doc, start)
		if si == last || si >= len(doc.Sentences) {
			continue
		}
		last = si
		if prose(doc, &doc.Sentences[si]) {
			return true
		}
	}
	return false
}

// prose reports whether sentence s reads as prose: it ends in a full stop
// (or "!", "?") or holds a word of four letters or more starting in lower
// case. A headline in title case or capitals does neither.
func prose(doc *text.Document, s *text.Sentence) bool {
	if s.Last <= s.First {
		return false
	}
	switch doc.Tokens[s.Last-1].Text {
	case ".", "!", "?":
		return true
	}
	for i := s.First; i < s.Last; i++ {
		w := doc.Tokens[i].Text
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && utf8.RuneCountInString(w) >= 4 {
			return true
		}
	}
	return false
}

// titled reports whether token t (the first of a two-word name) is a
// title ("Mr.", "Gen.") or an initial ("E."), not a first name.
func titled(doc *text.Document, dw *docWords, t int) bool {
	if dw.info[dw.tok[t]].role == roleTitle {
		return true
	}
	w := doc.Tokens[t].Text
	r, size := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) && w[size:] == "."
}

// redundant reports whether the words of key (nw of them) are a contiguous
// part of a phrase already chosen.
func redundant(key string, nw int, chosen []string, chosenLen []int) bool {
	for j, o := range chosen {
		if chosenLen[j] > nw && strings.Contains(" "+o+" ", " "+key+" ") {
			return true
		}
	}
	return false
}

// surface returns the most frequent text of the mentions, preferring a
// lower-case one on ties (sentence-initial capitals): the greatest string;
// HTML character references in feed text are decoded, so that "AT&amp;T"
// reads as its tokens do ("AT&T").
func surface(doc string, mentions []text.Span) string {
	return text.Unescape(rawSurface(doc, mentions))
}

// rawSurface is surface without the decoding.
func rawSurface(doc string, mentions []text.Span) string {
	best, bn := "", -1
	if len(mentions) > 16 {
		count := make(map[string]int, len(mentions))
		for _, m := range mentions {
			count[doc[m.Start:m.End]]++
		}
		for s, n := range count {
			if n > bn || n == bn && s > best {
				best, bn = s, n
			}
		}
		return best
	}
	for i, m := range mentions {
		s := doc[m.Start:m.End]
		n, seen := 0, false
		for j, o := range mentions {
			if doc[o.Start:o.End] == s {
				if j < i {
					seen = true
					break
				}
				n++
			}
		}
		if !seen && (n > bn || n == bn && s > best) {
			best, bn = s, n
		}
	}
	return best
}
