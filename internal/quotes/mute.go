package quotes

import (
	"slices"
	"strings"

	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// muteSpeaker reports whether the speaker candidate of tokens [a, b)
// names something that cannot speak: a time ("last week", "of course"),
// a figure ("the 0.4%", "a jump", "2015"), a market ("Slovenian
// shares", "the economy"), with MuteMachines a machine ("the oil rig"). The head is the last word of the first noun
// phrase (before a comma, a parenthesis or a preposition). A candidate
// with a proper noun, a pronoun other than "it", or a noun of people
// ("spokesman", "officials", "residents") anywhere can speak, and so can
// documents, polls and pictures, which PolNeAR marks as sources ("A poll
// found", "Footage from the game shows", "Figures reported on Sunday
// suggest"); a lone "it" stays too (PolNeAR marks it: blanking the "it"
// no entity links cost dev speaker accuracy 0.922 -> 0.912).
func (x *extractor) muteSpeaker(a, b int) bool {
	if a >= b {
		return false
	}
	for k := a; k < b; k++ {
		if p := x.pos(k); (p == "NNP" || p == "NNPS") && (!inTemporal(x.ltok(k)) || x.namedTime(k)) || p == "PRP" && x.ltok(k) != "it" || isAgentNoun(x.ltok(k)) || inHumanNouns(x.ltok(k)) {
			// "Last week, Mr Comey", "he this morning", "officials",
			// "a share of voters" (a day or a month tagged as a name,
			// "On Tuesday, ADM pleaded guilty and agreed to ...", is
			// none, unless it names a person or a body: "Frank March
			// ... March said")
			return false
		}
		if t := x.tok(k); isCapital(t) && k > x.sentence(k).First && !inTemporal(x.ltok(k)) {
			// "Bond", "Sanders" tagged as common nouns
			return false
		}
	}
	h := a
	for k := a; k < b; k++ {
		t, p := x.tok(k), x.pos(k)
		if t == "," || t == "(" || t == "—" || t == "–" || p == "IN" || p == "TO" || p == "WDT" || p == "WP" || p == "CC" {
			break
		}
		if p != "POS" {
			h = k
		}
	}
	for k := a; k < h; k++ {
		if n := x.ltok(k + 1); strings.HasPrefix(x.pos(k), "NN") && (n == "this" || n == "last" || n == "next" || n == "that" || n == "earlier") {
			// "scientists this week": the time follows the speaker
			return false
		}
	}
	w := x.ltok(h)
	if x.pos(h) == "CD" {
		// "the 0.4", "2015": a figure (a bare "two" or "21,000" may count
		// people)
		return strings.ContainsAny(w, ".%") || len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20"))
	}
	if w == "%" || w == "percent" || strings.HasSuffix(w, "%") {
		// "the 0.4%", not "The top 1 percent" (people)
		return h == b-1 && b-a <= 3 && (h == a || x.ltok(a) == "the" || x.ltok(a) == "a")
	}
	return inTemporal(w) || inMuteNouns(w) || x.o.MuteMachines && inMachineNouns(w)
}

// inMuteNouns reports (lower-cased) nouns of times, figures and things
// that say nothing.
//
//go:noinline
func inMuteNouns(w string) bool {
	switch w {
	// times
	case "course", "time", "times", "day", "days", "weeks", "months", "years", "hour", "hours",
		"decade", "decades", "moment", "past", "season", "period", "weekday", "minute", "minutes":
		return true
	// movements of figures
	case "jump", "rise", "fall", "drop", "increase", "decrease", "decline", "gain", "gains", "loss", "losses",
		"surge", "slump", "indicator", "indicators", "rate", "rates", "price", "prices", "growth", "inflation",
		"output", "sales", "profit", "profits", "earnings", "revenue", "billion", "million", "trillion":
		return true
	// markets
	case "share", "shares", "stock", "stocks", "bond", "bonds", "currency", "index", "indices", "market",
		"markets", "economy", "weather":
		return true
	}
	return false
}

// inMachineNouns reports (lower-cased) nouns of machines, which cannot
// speak ("the oil rig said"; Options.MuteMachines).
//
//go:noinline
func inMachineNouns(w string) bool {
	switch w {
	case "rig", "rigs", "machine", "machines", "device", "devices", "vehicle", "vehicles", "car", "cars",
		"truck", "trucks", "ship", "ships", "vessel", "vessels", "tanker", "tankers", "plane", "planes",
		"aircraft", "engine", "engines", "pipeline", "pipelines", "turbine", "turbines", "reactor", "reactors":
		return true
	}
	return false
}

// inHumanNouns reports (lower-cased) nouns of people beside isAgentNoun's.
//
//go:noinline
func inHumanNouns(w string) bool {
	switch w {
	case "people", "voters", "residents", "citizens", "students", "workers", "delegates", "superdelegates",
		"respondents", "members", "officials", "spokesman", "spokeswoman", "analysts", "experts", "critics",
		"investors", "traders", "economists", "locals", "witnesses", "protesters", "police", "who", "one",
		"man", "woman", "men", "women", "someone", "anyone", "everyone", "nobody", "others", "many", "some":
		return true
	}
	return false
}

// speakerBefore returns the speaker that a mute candidate starting at
// token a stands after in its sentence (from token first on), past a
// participle or an adverbial phrase: the noun phrase in "A poll conducted
// last week found", "emails that night showing", "Priebus, the GOP
// chairman, this past week announced", or the noun phrase before "who"
// in "Beck, who has in the past described" (who is then that "who"'s
// token, else -1); none (an empty range) when there is none or it cannot
// speak either.
func (x *extractor) speakerBefore(a, first int) (sp [2]int, who int) {
	k := a
	for k > first && a-k < 8 {
		if x.ltok(k-1) == "who" {
			st := x.leftNP(k-1, first)
			e := k - 1
			if x.tok(k-2) == "," {
				st, e = x.leftNP(k-2, first), k-2
			}
			if st < e && !x.muteSpeaker(st, e) {
				return [2]int{st, e}, k - 1
			}
			break
		}
		if x.tok(k-1) == "," {
			if st, ok := x.appositiveSubject(k-1, first); ok && !x.muteSpeaker(st, k-1) {
				return [2]int{st, k - 1}, -1
			}
			break
		}
		if x.tok(k-1) == ")" {
			j := k - 2
			for j > first && k-j < 8 && x.tok(j) != "(" {
				j--
			}
			if x.tok(j) == "(" && j > first {
				if st := x.leftNP(j, first); st < j && !x.muteSpeaker(st, j) {
					return [2]int{st, j}, -1
				}
			}
			break
		}
		if st := x.leftNP(k, first); st < k {
			if p := x.pos(k - 1); (strings.HasPrefix(p, "NN") || p == "PRP") && !x.muteSpeaker(st, k) {
				return [2]int{st, k}, -1
			}
		}
		p := x.pos(k - 1)
		if p == "VBD" && k-1 == a-1 && strings.HasPrefix(x.pos(k-2), "NN") {
			// "A report released last year found": a participle tagged
			// as a past tense
			p = "VBN"
		}
		if p != "VBN" && p != "RP" && p != "RB" && p != "IN" && p != "JJR" && p != "MD" && !inSkipBeforeCue(x.ltok(k-1)) {
			break
		}
		k--
	}
	return [2]int{}, -1
}

// namedTime reports whether the day or month at token k names a person
// or a body: an entity mention of a person or an organisation holds it,
// or the text writes it as a surname (timeSurname).
func (x *extractor) namedTime(k int) bool {
	if t := x.entTypeAt(k); t == ner.Person || t == ner.Org {
		return true
	}
	return x.timeSurname(x.ltok(k))
}

// timeSurname reports whether the text writes the (lower-cased) day or
// month w somewhere after a first name or an honorific ("Frank March",
// "Mr August"): there it is a surname.
func (x *extractor) timeSurname(w string) bool {
	if !x.timeNamesDone {
		// once per document: the days and months written as surnames
		x.timeNamesDone = true
		for i := 1; i < len(x.toks); i++ {
			if w := x.ltok(i); inTemporal(w) && isCapital(x.tok(i)) && !slices.Contains(x.timeNames, w) && x.tokSent[i-1] == x.tokSent[i] {
				if p := x.tok(i - 1); ner.IsFirstName(p) && !inTemporal(x.ltok(i-1)) || inHonorifics(x.ltok(i-1)) {
					// not "April June": two months
					x.timeNames = append(x.timeNames, w)
				}
			}
		}
	}
	return slices.Contains(x.timeNames, w)
}

// inHonorifics reports (lower-cased) titles written before a surname
// (text.Honorific).
func inHonorifics(w string) bool {
	_, ok := text.Honorific(w)
	return ok
}
