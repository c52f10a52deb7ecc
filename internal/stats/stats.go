// Package stats counts the words, sentences and paragraphs of a text and
// rates how easy it is to read.
package stats

import (
	"strings"
	"unicode"

	"github.com/lector-nlp/lector/internal/text"
)

// WordsPerMinute is the silent reading rate of an adult reading English
// non-fiction (Brysbaert, 2019), used for the reading time.
const WordsPerMinute = 238

// Statistics describes the size and readability of a text.
type Statistics struct {
	Words      int // tokens that hold a letter or a digit
	Sentences  int
	Paragraphs int
	// ReadingTimeSeconds is Words at WordsPerMinute, in seconds.
	ReadingTimeSeconds float64
	// Readability is the Flesch reading ease of the text, computed with the
	// English formula; callers drop it for other languages. Higher is
	// easier: 60-70 is plain English, below 30 is hard. Zero for a text
	// without words.
	Readability float64
}

// cancelEvery is how many tokens Compute counts between two looks at
// doc.Err: about a hundred microseconds of work.
const cancelEvery = 4096

// Compute returns the statistics of doc. Once doc.Err is not nil (the
// request was cancelled) it stops early; the caller drops the result.
func Compute(doc *text.Document) Statistics {
	st := Statistics{Sentences: len(doc.Sentences), Paragraphs: len(doc.Paragraphs)}
	syllables := 0
	for i, t := range doc.Tokens {
		if i%cancelEvery == cancelEvery-1 && doc.Err() != nil {
			return st
		}
		if !isWord(t.Text) {
			continue
		}
		st.Words++
		syllables += Syllables(t.Text)
	}
	if st.Words == 0 {
		return st
	}
	st.ReadingTimeSeconds = float64(st.Words) * 60 / WordsPerMinute
	sentences := max(st.Sentences, 1)
	st.Readability = Flesch(st.Words, sentences, syllables)
	return st
}

// Flesch returns the Flesch reading ease of a text with the given counts:
// 206.835 - 1.015 words/sentences - 84.6 syllables/words.
func Flesch(words, sentences, syllables int) float64 {
	if words == 0 || sentences == 0 {
		return 0
	}
	return 206.835 - 1.015*float64(words)/float64(sentences) - 84.6*float64(syllables)/float64(words)
}

func isWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return isWordRunes(s[i:])
		}
		if 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

func isWordRunes(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Syllables estimates the number of syllables of an English word by
// counting groups of vowels, with the usual corrections for a silent final
// "e", "-le" endings and "-ed" endings. A word has at least one syllable;
// a number counts one syllable per digit group.
func Syllables(word string) int {
	// keep the letters a-z of the lower-cased word; possessives and
	// hyphens split nothing here
	var buf [32]byte
	b := buf[:0]
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 0x80 {
			return syllablesOf(lettersOf(strings.ToLower(word), buf[:0]))
		}
		// in ASCII, c|0x20 is a-z exactly for the letters (A-Z lower-cased)
		if c |= 0x20; c-'a' < 26 {
			b = append(b, c)
		}
	}
	return syllablesOf(b)
}

// lettersOf appends the bytes a-z of w to b.
func lettersOf(w string, b []byte) []byte {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			b = append(b, c)
		}
	}
	return b
}

// vowels has bit c-'a' set for the vowels a e i o u, and vowelsY for y too.
const (
	vowels  = 1<<('a'-'a') | 1<<('e'-'a') | 1<<('i'-'a') | 1<<('o'-'a') | 1<<('u'-'a')
	vowelsY = vowels | 1<<('y'-'a')
)

// syllablesOf counts the syllables of the lower-case letters b.
func syllablesOf(b []byte) int {
	if len(b) <= 3 {
		return 1
	}
	// vowel groups; y is a vowel except as the first letter
	n := 0
	prev := vowels>>(b[0]-'a')&1 != 0
	if prev {
		n++
	}
	for _, c := range b[1:] {
		v := vowelsY>>(c-'a')&1 != 0
		if v && !prev {
			n++
		}
		prev = v
	}
	last := len(b) - 1
	switch {
	case b[last] == 'e' && !(b[last-1] == 'l' && !isVowel(b[last-2])) && !isVowel(b[last-1]):
		// silent final e ("make", "hope"), but not "-le" after a consonant ("table")
		n--
	case hasSuffix(b, "ed") && !hasSuffix(b, "ted") && !hasSuffix(b, "ded"):
		// "-ed" is silent except after t or d ("walked" but "wanted")
		if !isVowel(b[last-2]) {
			n--
		}
	case hasSuffix(b, "es") && !isVowel(b[last-2]) && !strings.ContainsRune("sxzhc", rune(b[last-2])):
		// "makes", "hopes": silent e before s
		n--
	}
	return max(n, 1)
}

func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}
