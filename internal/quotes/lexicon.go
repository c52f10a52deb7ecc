package quotes

import (
	_ "embed"
	"sort"
	"strconv"
	"strings"
	"sync"
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
}

// firstKey is a 16-bit key of a word from its length and its first and
// last bytes, for Lexicon.first.
func firstKey(w string) uint32 {
	return uint32(len(w)&0x3f)<<10 | uint32(w[0]&0x1f)<<5 | uint32(w[len(w)-1]&0x1f)
}

// cues returns the cues that start with word w, longest first: most words
// that start none the bit set tells without a map look-up.
func (l *Lexicon) cues(w string) []cueInfo {
	if w == "" {
		return nil
	}
	if k := firstKey(w); l.first[k>>6]&(1<<(k&63)) == 0 {
		return nil
	}
	return l.byFirst[w]
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
	return l
}
