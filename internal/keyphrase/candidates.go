package keyphrase

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/keyphrase/porter"
	"github.com/lector-nlp/lector/internal/text"
)

// maxWords is the longest candidate phrase, in tokens.
const maxWords = 5

// candidate is one distinct phrase of a document (by stemmed key) with its
// occurrences.
type candidate struct {
	key      string
	words    []string // stems
	mentions []text.Span
	surfaces map[string]int
	first    int // token index of the first occurrence
	last     int
	firstSen int
	maximal  int // occurrences that are a whole noun-phrase chunk
	capital  int // occurrences starting with a capital letter not at sentence start
	proper   int // occurrences whose head is tagged NNP/NNPS
	plural   int
	adj      bool
	digit    bool
	acronym  bool
}

var stopwords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a about above after again against all am an and any are aren't as at be because been
		before being below between both but by can cannot could couldn't did didn't do does doesn't doing don't down during
		each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
		him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
		myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll
		she's should shouldn't so some such than that that's the their theirs them themselves then there there's these they
		they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've
		were weren't what what's when when's where where's which while who who's whom why why's with won't would wouldn't
		you you'd you'll you're you've your yours yourself yourselves also said says say told will just may might must shall
		one two three many much several another every new mr mrs ms dr 's n't 're 've 'd 'll 'm however although though yet
		would like get got make made use used using based first last year years time times today yesterday monday tuesday
		wednesday thursday friday saturday sunday week weeks month months day days per via among within without upon`) {
		m[w] = true
	}
	return m
}()

func isWordToken(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isNoun(tag string) bool { return strings.HasPrefix(tag, "NN") }

func isModifier(tag string) bool {
	return tag == "JJ" || tag == "JJR" || tag == "JJS" || tag == "VBN" || tag == "VBG" || tag == "CD"
}

// chunkable reports whether token i can be part of a noun phrase and
// whether it can end one.
func chunkable(t *text.Token, tagged bool) (in, head bool) {
	lw := strings.ToLower(t.Text)
	if !isWordToken(t.Text) || stopwords[lw] {
		return false, false
	}
	if !tagged {
		return true, true
	}
	if isNoun(t.POS) {
		return true, true
	}
	if t.POS == "VBG" {
		// "machine learning", "quantum computing"
		return true, true
	}
	if isModifier(t.POS) {
		return true, false
	}
	if t.POS == "FW" || t.POS == "SYM" {
		return true, true
	}
	return false, false
}

// stemmer caches stems within one document.
type stemmer map[string]string

func (s stemmer) stem(w string) string {
	if v, ok := s[w]; ok {
		return v
	}
	v := porter.Stem(strings.ToLower(w))
	s[w] = v
	return v
}

// candidates returns the document's candidate phrases: every maximal chunk of
// adjectives, participles, numbers and nouns ending in a noun (or, when the
// document carries no POS tags, every run of non-stopword words), and every
// sub-span of such a chunk that ends in a noun, at most maxWords long.
func candidates(doc *text.Document, st stemmer) ([]*candidate, []string) {
	tagged := false
	for i := range doc.Tokens {
		if doc.Tokens[i].POS != "" {
			tagged = true
			break
		}
	}
	stems := make([]string, len(doc.Tokens))
	for i := range doc.Tokens {
		stems[i] = st.stem(doc.Tokens[i].Text)
	}
	byKey := make(map[string]*candidate)
	var order []*candidate
	add := func(a, b, si int, maximal bool) { // tokens [a, b)
		key := strings.Join(stems[a:b], " ")
		c := byKey[key]
		if c == nil {
			c = &candidate{key: key, words: stems[a:b], first: a, firstSen: si, surfaces: make(map[string]int)}
			byKey[key] = c
			order = append(order, c)
		}
		toks := doc.Tokens[a:b]
		sp := text.Span{Start: toks[0].Start, End: toks[len(toks)-1].End}
		c.mentions = append(c.mentions, sp)
		c.surfaces[doc.Text[sp.Start:sp.End]]++
		c.last = a
		if maximal {
			c.maximal++
		}
		r, _ := utf8.DecodeRuneInString(toks[0].Text)
		if unicode.IsUpper(r) && a != doc.Sentences[si].First {
			c.capital++
		}
		head := toks[len(toks)-1]
		if head.POS == "NNP" || head.POS == "NNPS" {
			c.proper++
		}
		if head.POS == "NNS" || head.POS == "NNPS" {
			c.plural++
		}
		for _, t := range toks {
			if isModifier(t.POS) && t.POS != "CD" {
				c.adj = true
			}
			for i := 0; i < len(t.Text); i++ {
				if t.Text[i] >= '0' && t.Text[i] <= '9' {
					c.digit = true
				}
			}
		}
		if len(toks) == 1 && len(head.Text) >= 2 && strings.ToUpper(head.Text) == head.Text && isWordToken(head.Text) {
			c.acronym = true
		}
	}
	for si, s := range doc.Sentences {
		i := s.First
		for i < s.Last {
			in, _ := chunkable(&doc.Tokens[i], tagged)
			if !in {
				i++
				continue
			}
			j := i
			heads := make([]bool, 0, 8)
			for j < s.Last {
				in, head := chunkable(&doc.Tokens[j], tagged)
				if !in {
					break
				}
				heads = append(heads, head)
				j++
			}
			// trim trailing non-heads
			end := j
			for end > i && !heads[end-1-i] {
				end--
			}
			for e := end; e > i; e-- {
				if !heads[e-1-i] {
					continue
				}
				for b := e - 1; b >= i && e-b <= maxWords; b-- {
					if b == e-1 && doc.Tokens[b].POS == "VBG" {
						continue
					}
					add(b, e, si, b == i && e == end)
				}
			}
			i = j
		}
	}
	return order, stems
}
