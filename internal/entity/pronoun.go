package entity

import (
	"sort"
	"strings"

	"github.com/lector-nlp/lector/internal/ner"
)

// subjectVerbs stand in for POS tags when the document is not tagged.
var subjectVerbs = set("said", "says", "say", "told", "tells", "added", "adds", "noted", "notes",
	"stressed", "stresses", "warned", "warns", "hailed", "hails", "voiced", "voices",
	"denounced", "denounces", "is", "was", "has", "had", "will", "would", "held", "holds",
	"announced", "announces", "argued", "argues", "believes", "believed", "called", "calls",
	"wrote", "writes", "asked", "asks", "claimed", "claims", "insisted", "insists", "explained",
	"emphasized", "emphasised", "underlined", "expressed", "urged", "urges", "described",
	"described", "acknowledged", "admitted", "declared", "stated", "replied", "responded",
	"suggested", "tweeted", "met", "visited", "can", "could", "may", "might", "should", "did",
	"does", "went", "also", "too", "then", "later")

// isSubject reports whether the tokens [first, last) stand as the subject
// of a clause: a verb follows them (after an optional apposition).
func (r *resolver) isSubject(first, last int) bool {
	if first >= len(r.doc.Tokens) {
		return false
	}
	sent := r.doc.Sentences[r.tokSent[first]]
	j := last
	if r.tok(j) == "," {
		// skip an apposition or ", too,"
		k := j + 1
		for k < sent.Last && k-j < 12 && r.tok(k) != "," {
			k++
		}
		if r.tok(k) == "," {
			j = k + 1
		}
	}
	if j >= sent.Last {
		return false
	}
	t := r.doc.Tokens[j]
	if strings.HasPrefix(t.POS, "VB") || t.POS == "MD" || (t.POS == "RB" && j+1 < sent.Last && strings.HasPrefix(r.doc.Tokens[j+1].POS, "VB")) {
		return true
	}
	return t.POS == "" && subjectVerbs[lower(t.Text)]
}

// pronouns links he/his/she/her to a person: agreeing in gender, mentioned
// in the same sentence before the pronoun or in the three sentences before
// it, preferring subjects and then the most recent mention.
func (r *resolver) pronouns() {
	var added []*ment
	ms := r.ments // sorted by position
	mi := 0
	var seen []*ment
	for i, tk := range r.doc.Tokens {
		for mi < len(ms) && ms[mi].first < i {
			seen = append(seen, ms[mi])
			mi++
		}
		g, ok := pronouns[lower(tk.Text)]
		if !ok || r.inMent[i] {
			continue
		}
		sent := r.tokSent[i]
		var best *ment
		bestScore := 0.0
		// "For his part, Shoigu ...": the pronoun points forward
		if lower(r.tok(i-1)) == "for" && lower(r.tok(i+1)) == "part" {
			for _, m := range ms[mi:] {
				if m.sent != sent {
					break
				}
				if m.c.typ == ner.Person && (m.c.gender == 0 || m.c.gender == g) {
					best = m
					break
				}
			}
		}
		forward := best != nil
		for k := len(seen) - 1; k >= 0 && !forward; k-- {
			m := seen[k]
			d := sent - m.sent
			if d > 3 {
				break
			}
			c := m.c
			if c.typ != ner.Person || (c.gender != 0 && c.gender != g) {
				continue
			}
			score := 4.0 - float64(d)
			if m.subject {
				score += 1.5
			}
			if m.kind == Proper {
				score += 0.3
			}
			// "Shoigu hailed ... his" in the same clause: the nearest
			// subject of the same sentence is very likely
			if d == 0 && m.subject {
				score += 0.5
			}
			// a mention right before ("said Ashtiani, who ... he")
			score -= float64(i-m.last) * 0.001
			if best == nil || score > bestScore {
				best, bestScore = m, score
			}
		}
		if best == nil {
			continue
		}
		c := best.c
		if c.gender == 0 {
			c.gender = g
		}
		m := &ment{span: r.span(i, i+1), kind: Pronoun, first: i, last: i + 1, sent: sent, c: c}
		m.subject = r.isSubject(i, i+1)
		c.ments = append(c.ments, *m)
		added = append(added, m)
		seen = append(seen, m)
	}
	r.ments = append(r.ments, added...)
	sort.SliceStable(r.ments, func(i, j int) bool { return r.ments[i].first < r.ments[j].first })
}
