package ner

import (
	"strings"
	"sync"

	p "github.com/lector-nlp/lector/internal/perceptron"
)

// Gazetteer kinds (bits).
const (
	gCountry = 1 << iota
	gCity
	gRegion
	gDemonym
	gOrg
	gFirstName
	gPersonTitle
	gOrgSuffix
	gEventWord
	gPrefix // a proper prefix of a longer entry

	gKnown = 1 << 15 // tok.gk holds the kinds of the word alone
)

const maxGazLen = 5

// gazetteer matches token sequences (lower-cased) against name lists.
type gazetteer struct {
	keys  []uint64
	kinds []uint16
	mask  uint64
}

func gazKey(h uint64) uint64 { return p.Mix(h) }

// get returns the kinds of phrase key k.
func (g *gazetteer) get(k uint64) uint16 {
	j := k & g.mask
	for {
		kk := g.keys[j]
		if kk == k {
			return g.kinds[j]
		}
		if kk == 0 {
			return 0
		}
		j = (j + 1) & g.mask
	}
}

func newGazetteer() *gazetteer {
	m := map[uint64]uint16{}
	add := func(list string, kind uint16) {
		for _, line := range strings.Split(list, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			for _, name := range strings.Split(line, "|") {
				name = strings.TrimSpace(name)
				if name == "" {
					continue
				}
				h := p.Seed(5)
				ws := strings.Fields(name)
				for j, w := range ws {
					if j > 0 {
						h = p.AddUint(h, ' ')
					}
					h = hashLower(h, w)
					if j < len(ws)-1 {
						m[gazKey(h)] |= gPrefix
					}
				}
				m[gazKey(h)] |= kind
			}
		}
	}
	add(countries, gCountry)
	add(cities, gCity)
	add(regions, gRegion)
	add(demonyms, gDemonym)
	add(orgs, gOrg)
	add(firstNames, gFirstName)
	add(personTitles, gPersonTitle)
	add(orgSuffixes, gOrgSuffix)
	add(eventWords, gEventWord)
	size := 1
	for size < 2*len(m)+1 {
		size <<= 1
	}
	g := &gazetteer{keys: make([]uint64, size), kinds: make([]uint16, size), mask: uint64(size - 1)}
	for k, v := range m {
		j := k & g.mask
		for g.keys[j] != 0 {
			j = (j + 1) & g.mask
		}
		g.keys[j], g.kinds[j] = k, v
	}
	return g
}

// single returns the kinds of word w alone.
func (g *gazetteer) single(w string) uint16 { return g.get(gazKey(hashLower(p.Seed(5), w))) }

// mark sets tok.gaz (longest match, with the token's position in it) and
// tok.gaz2 (the token's own single-word match when the longest is longer).
// A token's tok.gk, when known, saves looking its word up alone.
func (g *gazetteer) mark(ts []tok) {
	for i := range ts {
		ts[i].gaz, ts[i].gaz2 = 0, 0
	}
	for i := 0; i < len(ts); {
		end := ts[i].sentEnd
		best, bk := 0, uint16(0)
		var h uint64
		for j := i; j < end && j-i < maxGazLen; j++ {
			var k uint16
			if j == i && ts[j].gk&gKnown != 0 {
				if k = ts[j].gk &^ gKnown; k&gPrefix != 0 {
					h = hashLower(p.Seed(5), ts[j].word) // to go on
				}
			} else {
				if j > i {
					h = p.AddUint(h, ' ')
				} else {
					h = p.Seed(5)
				}
				h = hashLower(h, ts[j].word)
				k = g.get(gazKey(h))
			}
			if k&^gPrefix != 0 {
				best, bk = j+1-i, k&^gPrefix
			}
			if k&gPrefix == 0 {
				break
			}
		}
		if best == 0 {
			i++
			continue
		}
		for j := i; j < i+best; j++ {
			var pos uint64
			switch {
			case best == 1:
				pos = 3
			case j == i:
				pos = 0
			case j == i+best-1:
				pos = 2
			default:
				pos = 1
			}
			ts[j].gaz = p.AddUint(p.AddUint(p.Seed(6), uint64(bk)), pos)
			if best > 1 {
				k := ts[j].gk &^ gKnown
				if ts[j].gk&gKnown == 0 {
					k = g.single(ts[j].word)
				}
				if k &^= gPrefix; k != 0 {
					ts[j].gaz2 = p.AddUint(p.AddUint(p.Seed(6), uint64(k)), 4)
				}
			}
		}
		i += best
	}
}

var (
	firstNameOnce sync.Once
	firstNameSet  map[string]bool
)

// IsFirstName reports whether w is one of the recogniser's first names
// ("John", "Maria"; as written, capitalised).
func IsFirstName(w string) bool {
	firstNameOnce.Do(func() {
		firstNameSet = map[string]bool{}
		for _, n := range strings.Split(strings.TrimSpace(firstNames), "|") {
			firstNameSet[strings.TrimSpace(n)] = true
		}
	})
	return firstNameSet[w]
}
