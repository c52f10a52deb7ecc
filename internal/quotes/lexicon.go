package quotes

import (
	_ "embed"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/lector-nlp/lector/internal/hashing"
	"github.com/lector-nlp/lector/internal/hugemem"
)

// cues.tsv is learned by cmd/train/quotes from the PolNeAR train split:
// cue words, how often they were annotated as a cue, how often they occur.
//
//go:embed cues.tsv
var cuesTSV string

// coreCues are reporting verbs that always count as cues, in all their
// forms, whether or not the train split saw them often.
var coreCues = strings.Fields(`
say says said saying tell tells told telling add adds added adding
note notes noted noting stress stresses stressed stressing
emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising
warn warns warned warning voice voices voiced voicing hail hails hailed hailing
denounce denounces denounced denouncing state states stated stating
declare declares declared declaring announce announces announced announcing
claim claims claimed claiming insist insists insisted insisting argue argues argued arguing
explain explains explained explaining reiterate reiterates reiterated reiterating
underline underlines underlined underlining underscore underscores underscored underscoring
assert asserts asserted asserting affirm affirms affirmed affirming
acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting
deny denies denied denying confirm confirms confirmed confirming
urge urges urged urging condemn condemns condemned condemning
criticize criticizes criticized criticizing criticise criticises criticised criticising
praise praises praised praising welcome welcomes welcomed welcoming
predict predicts predicted predicting promise promises promised promising
vow vows vowed vowing pledge pledges pledged pledging accuse accuses accused accusing
complain complains complained complaining recall recalls recalled recalling
observe observes observed observing remark remarks remarked remarking
reply replies replied replying respond responds responded responding
write writes wrote writing tweet tweets tweeted tweeting
comment comments commented commenting report reports reported reporting
maintain maintains maintained maintaining contend contends contended contending
caution cautions cautioned cautioning concede concedes conceded conceding
`)

type cueInfo struct {
	words     []string
	n         int     // annotated as a cue in train
	ratio     float64 // share of occurrences annotated
	extracted int     // quotes the extractor made from it on train
	correct   int     // of which matched an annotated content
	core      bool
	learned   bool    // found by the cue model, not the lexicon
	score     float64 // the cue model's score of a learned cue
	noun      bool    // a learned noun cue ("his claim that")
}

// precision is the share of the cue's quotes on train that were right, or
// 1 when it made too few to tell.
func (c cueInfo) precision() float64 {
	if c.extracted < 3 {
		return 1
	}
	return float64(c.correct) / float64(c.extracted)
}

// Lexicon is a cue lexicon: cue words with their train statistics.
type Lexicon struct {
	byFirst map[string][]cueInfo // longest first
	first   [1 << 10]uint64      // a bit set by firstKey of each key of byFirst
	// slots finds byFirst's cues of first words of up to lexWordMax bytes
	// in one cache line (the word is in the slot): out of the caches, the
	// map's look-up was a chain of dependent misses (directory, group,
	// key bytes, value). The cues are in flat, byFirst's slices cut from it.
	slots []lexSlot
	mask  uint64
	flat  []cueInfo
	// heads has, beside each cue of flat, its number of words (top byte)
	// and the hash of its second word (secondKey): findCues tells most
	// cues of a common first word ("has": 63 of them, "is" 48, "to" 27)
	// from the next token without reading the cue (88 bytes, its words
	// and their bytes, out of the caches each).
	heads []uint64
}

// lexWordMax is the longest first word a lexSlot holds; longer ones are
// looked up in byFirst.
const lexWordMax = 23

// lexSlot is a first word (n bytes, 0: an empty slot) and its cues,
// flat[off : off+cnt].
type lexSlot struct {
	n        uint8
	w        [lexWordMax]byte
	off, cnt uint32
}

// firstKey is a 16-bit key of a word from its length and its first and
// last bytes, for Lexicon.first.
func firstKey(w string) uint32 {
	return uint32(len(w)&0x3f)<<10 | uint32(w[0]&0x1f)<<5 | uint32(w[len(w)-1]&0x1f)
}

// cues returns the cues that start with word w, longest first: most words
// that start none the bit set tells without a map look-up.
func (l *Lexicon) cues(w string) []cueInfo {
	cs, _ := l.cuesHeads(w)
	return cs
}

// cuesHeads is cues with the heads of the cues (nil when w is too long
// for a slot).
func (l *Lexicon) cuesHeads(w string) ([]cueInfo, []uint64) {
	if w == "" {
		return nil, nil
	}
	if k := firstKey(w); l.first[k>>6]&(1<<(k&63)) == 0 {
		return nil, nil
	}
	if len(w) > lexWordMax || l.slots == nil {
		return l.byFirst[w], nil
	}
	for i := lexHash(w) & l.mask; ; i = (i + 1) & l.mask {
		s := &l.slots[i]
		if s.n == 0 {
			return nil, nil
		}
		if int(s.n) == len(w) && string(s.w[:s.n]) == w {
			return l.flat[s.off : s.off+s.cnt : s.off+s.cnt], l.heads[s.off : s.off+s.cnt : s.off+s.cnt]
		}
	}
}

// secondKey is the part of a head that hashes a cue's second word, from
// the word ("" for none): two words with different keys differ.
func secondKey(w string) uint64 {
	if w == "" {
		return 0
	}
	return lexHash(w) & (1<<56 - 1)
}

// head is the head of a cue of words ws: the number of words (at most
// 255: more read as 255, which findCues does not filter) and secondKey of
// the second.
func head(ws []string) uint64 {
	n := uint64(min(len(ws), 255))
	if len(ws) < 2 {
		return n << 56
	}
	return n<<56 | secondKey(ws[1])
}

// lexHash hashes a non-empty word from its length and five of its bytes
// (a few instructions whatever its length; words that share them only
// probe further).
func lexHash(w string) uint64 {
	n := len(w)
	return hashing.Mix(uint64(n) | uint64(w[0])<<8 | uint64(w[n-1])<<16 | uint64(w[n/2])<<24 |
		uint64(w[(n-1)/3])<<32 | uint64(w[(2*n)/3])<<40)
}

// index lays byFirst's cues out in flat, in the order of their first
// words, and fills slots (at most half full).
func (l *Lexicon) index() {
	keys := make([]string, 0, len(l.byFirst))
	total := 0
	for k, cs := range l.byFirst {
		keys = append(keys, k)
		total += len(cs)
	}
	sort.Strings(keys)
	size := 16
	for size < 2*len(keys) {
		size <<= 1
	}
	l.slots = hugemem.Alloc[lexSlot](&hugeArena, size)
	if l.slots == nil {
		l.slots = make([]lexSlot, size)
	}
	l.mask = uint64(size - 1)
	l.flat = make([]cueInfo, 0, total)
	l.heads = make([]uint64, 0, total)
	nw := 0
	for _, k := range keys {
		for _, c := range l.byFirst[k] {
			nw += len(c.words)
		}
	}
	words := make([]string, 0, nw) // the cues' words side by side too
	for _, k := range keys {
		off := len(l.flat)
		l.flat = append(l.flat, l.byFirst[k]...)
		cs := l.flat[off:len(l.flat):len(l.flat)]
		for j := range cs {
			w := len(words)
			words = append(words, cs[j].words...)
			cs[j].words = words[w:len(words):len(words)]
		}
		l.byFirst[k] = cs
		for j := range cs {
			l.heads = append(l.heads, head(cs[j].words))
		}
		if len(k) == 0 || len(k) > lexWordMax {
			continue
		}
		i := lexHash(k) & l.mask
		for l.slots[i].n != 0 {
			i = (i + 1) & l.mask
		}
		s := &l.slots[i]
		s.n = uint8(len(k))
		copy(s.w[:], k)
		s.off, s.cnt = uint32(off), uint32(len(cs))
	}
}

var (
	lexOnce sync.Once
	lex     *Lexicon
)

func getLexicon() *Lexicon {
	lexOnce.Do(func() { lex = ParseLexicon(cuesTSV) })
	return lex
}

// ParseLexicon reads a lexicon in the format of cues.tsv: cue words, times
// annotated, occurrences, and optionally quotes extracted and correct. The
// core reporting verbs are always added.
func ParseLexicon(tsv string) *Lexicon {
	l := &Lexicon{byFirst: map[string][]cueInfo{}}
	core := map[string]bool{}
	for _, w := range coreCues {
		core[w] = true
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(tsv, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			continue
		}
		n, _ := strconv.Atoi(f[1])
		t, _ := strconv.Atoi(f[2])
		if t == 0 {
			continue
		}
		ws := strings.Fields(f[0])
		ci := cueInfo{words: ws, n: n, ratio: float64(n) / float64(t), core: len(ws) == 1 && core[ws[0]]}
		if len(f) >= 5 {
			ci.extracted, _ = strconv.Atoi(f[3])
			ci.correct, _ = strconv.Atoi(f[4])
		}
		l.byFirst[ws[0]] = append(l.byFirst[ws[0]], ci)
		seen[f[0]] = true
	}
	for w := range core {
		if !seen[w] {
			l.byFirst[w] = append(l.byFirst[w], cueInfo{words: []string{w}, core: true})
		}
	}
	for k, cs := range l.byFirst {
		sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].words) > len(cs[j].words) })
		l.byFirst[k] = cs
		key := firstKey(k)
		l.first[key>>6] |= 1 << (key & 63)
	}
	l.index()
	return l
}
