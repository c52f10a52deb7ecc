package pipeline

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/langid"
)

// langidPrefixBytes bounds the text handed to the detector. Detect itself
// reads at most its first 2,000 bytes and stops after a few hundred letters
// once one language is far ahead, so the stage needs no cancellation checks.
const langidPrefixBytes = 8 << 10

func init() {
	register(Stage{
		Name:     "language",
		Order:    20,
		Features: []Feature{FeatureLanguage},
		Parts:    []Part{PartLanguage},
		Model:    "langid-2026.11: character n-grams, 75 languages (compiled from lingua-go 1.4 frequencies)",
		Load: func() (RunFunc, error) {
			d, err := langid.Load()
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, st *State) error {
				if !st.Wants(FeatureLanguage) && !st.Wants(FeatureStatistics) && englishHint(st) {
					// run only for the English-only stages (Uses), which
					// the caller's English hint lets run whatever the
					// detector says: nothing reads the detection
					return nil
				}
				s := st.Analysis.Text
				if len(s) > langidPrefixBytes {
					s = s[:runeStart(s, langidPrefixBytes)]
				}
				code, conf := d.Detect(s)
				if code == "" {
					st.Notice(FeatureLanguage, "the language could not be identified")
					return nil
				}
				st.language = &Language{Code: code, Confidence: conf}
				if st.Wants(FeatureLanguage) {
					st.Analysis.Language = st.language
				}
				if !isEnglish(code) && readsEnglish(s, conf) {
					// no notice: a notice says that a requested feature
					// did not run (article.v1.Notice)
					st.Scratch[scratchReadsEnglish] = true
				}
				return nil
			}, nil
		},
	})
}

// runeStart returns the largest rune boundary of s at or before i.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && s[i]&0xC0 == 0x80 {
		i--
	}
	return i
}

// scratchReadsEnglish marks (true) an article the detector named another
// language but that reads as English (readsEnglish): the English-only
// stages still run on it.
const scratchReadsEnglish = "language.reads_english"

// readsEnglish reports whether s, which the detector named another
// language with confidence conf, should still be analysed as English. Its
// letters must be mostly Latin (at least latinShareNum/latinShareDen of
// them ASCII: a Chinese or Russian article quoting "The New York Times
// and the Washington Post" is no English text). Then either it is too
// short for the detector to be sure (fewer than minDetectLetters letters)
// and the detector is not sure either (conf below shortMaxConfidence:
// "Sixers 115, Nets 90" read as Tagalog 0.50, but "Le président a
// démissionné." is French 1.00), or English function words are at least
// one in englishShareDen of its words. News in English full of foreign
// names ("Sharapova", "Sihanouk", "Yudhoyono") is named Tagalog,
// Vietnamese or Indonesian with full confidence, and all its English-only
// analyses were dropped; the words below are rare in the other languages'
// running text.
func readsEnglish(s string, conf float64) bool {
	letters, ascii, words, fn := 0, 0, 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			_, n := utf8.DecodeRuneInString(s[i:])
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsLetter(r) {
				letters++
			}
			i += n
			continue
		}
		if !isASCIILetter(c) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		letters += j - i
		ascii += j - i
		words++
		if englishFunctionWords[strings.ToLower(s[i:j])] {
			fn++
		}
		i = j
	}
	if ascii*latinShareDen < letters*latinShareNum {
		return false
	}
	if letters < minDetectLetters {
		return conf < shortMaxConfidence
	}
	// A detector that is unsure (below unsureMaxConfidence) about Latin
	// text of any length: the English-only stages run. News headlines
	// full of names read as Tagalog, Yoruba or Latin at 0.3-0.4 ("Richard
	// Lugar, Longtime Indiana G.O.P. Senator, Dies at 87"), an English
	// sentence of names as Italian at 0.21; no sentence of 12 other
	// languages' UDHR (840, 20-300 bytes) was named below 0.5. With it,
	// NewsMTSC train items that lose their English analyses: 7 -> 4 of 7,758.
	if conf < unsureMaxConfidence {
		return true
	}
	return fn >= 2 && fn*englishShareDen >= words
}

const (
	minDetectLetters    = 40
	shortMaxConfidence  = 0.95
	unsureMaxConfidence = 0.5
	englishShareDen     = 12
	latinShareNum       = 3
	latinShareDen       = 4
)

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

var englishFunctionWords = map[string]bool{
	"the": true, "and": true, "that": true, "with": true, "from": true, "which": true, "said": true,
	"were": true, "has": true, "this": true, "its": true, "their": true, "after": true, "would": true, "been": true,
}
