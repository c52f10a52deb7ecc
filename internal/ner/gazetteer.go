package ner

import (
	"strings"

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
)

const maxGazLen = 5

// gazetteer matches token sequences (lower-cased) against name lists.
type gazetteer struct {
	m map[uint64]uint16
}

func gazKey(h uint64) uint64 { return p.Mix(h) }

func newGazetteer() *gazetteer {
	g := &gazetteer{m: map[uint64]uint16{}}
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
				for j, w := range strings.Fields(name) {
					if j > 0 {
						h = p.AddUint(h, ' ')
					}
					h = hashLower(h, w)
				}
				g.m[gazKey(h)] |= kind
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
	return g
}

// lookup returns the kinds of the phrase words[i:j].
func (g *gazetteer) phrase(ts []tok, i, j int) uint16 {
	h := p.Seed(5)
	for k := i; k < j; k++ {
		if k > i {
			h = p.AddUint(h, ' ')
		}
		h = hashLower(h, ts[k].word)
	}
	return g.m[gazKey(h)]
}

// mark sets tok.gaz (longest match, with the token's position in it) and
// tok.gaz2 (the token's own single-word match when the longest is longer).
func (g *gazetteer) mark(ts []tok) {
	for i := range ts {
		ts[i].gaz, ts[i].gaz2 = 0, 0
	}
	for i := 0; i < len(ts); {
		end := ts[i].sentEnd
		best, bk := 0, uint16(0)
		h := p.Seed(5)
		for j := i; j < end && j-i < maxGazLen; j++ {
			if j > i {
				h = p.AddUint(h, ' ')
			}
			h = hashLower(h, ts[j].word)
			if k := g.m[gazKey(h)]; k != 0 {
				best, bk = j+1-i, k
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
				if k := g.m[gazKey(hashLower(p.Seed(5), ts[j].word))]; k != 0 {
					ts[j].gaz2 = p.AddUint(p.AddUint(p.Seed(6), uint64(k)), 4)
				}
			}
		}
		i += best
	}
}
