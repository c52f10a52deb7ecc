package ner

import (
	"strings"

	"github.com/lector-nlp/lector/internal/text"
)

// bodyNouns name a kind of organisation; right before a name they make it
// an organisation's ("UK think-tank Demos", "the charity Shelter",
// "mortgage lender Halifax"), which the model, knowing few such names,
// reads as a person or a place.
// ("broadcaster" and "publisher" are people too: "comedian and
// broadcaster Cyril Fletcher", "publisher Xu Shimin").
var bodyNouns = set("think-tank", "thinktank", "charity", "retailer", "watchdog", "regulator", "insurer", "lender",
	"supermarket", "airline", "carrier", "firm", "carmaker", "brewer", "housebuilder", "conglomerate", "bank",
	"charities", "supermarkets", "retailers", "firms", "banks", "airlines", "insurers", "lenders", "carmakers",
	"group", "union", "operator", "broker", "brokers", "brokerage", "stockbroker", "stockbrokers", "accountants",
	"bookmaker")

// makerKinds name a company by what it makes or sells when a noun of
// its goods stands before them ("parts maker X", "steel producer X",
// "Internet service provider X"); alone, or after a craft, they name
// people ("producer X", "film maker X", "executive producer X").
var makerKinds = set("maker", "makers", "manufacturer", "manufacturers", "producer", "producers", "supplier",
	"suppliers", "provider", "providers", "distributor", "distributors", "processor", "processors", "exporter",
	"importer", "refiner", "miner")

// craftGoods are the nouns of what people make or produce as a craft or
// an office ("film", "record", "executive", "policy"), which make
// makerKinds a person's.
var craftGoods = set("film", "films", "movie", "movies", "documentary", "documentaries", "record", "records",
	"music", "executive", "fellow", "co", "associate", "tv", "television", "programme", "programmes", "program",
	"show", "shows", "series", "theatre", "theater", "comedy", "drama", "radio", "line", "decision", "policy",
	"law", "peace", "trouble", "mischief", "news", "hit", "pop", "dance", "album", "albums", "opera", "stage",
	"animation", "cartoon", "video", "videos", "cheese", "furniture", "violin", "guitar", "jewellery", "jewelry",
	"hat", "shoe", "cake", "bread", "pottery", "instrument", "model", "money", "market", "match", "deal", "image",
	"rule", "rules", "taste", "king", "spirit", "home", "art", "game", "games", "content", "sound", "noise", "wine")

// makerCompanies are the compound nouns of companies by their goods
// ("chipmaker X", "drugmaker X"): a name after one is the company's, a
// full name too (a founder's: "toymaker Harold Penwick").
var makerCompanies = set("chipmaker", "chipmakers", "automaker", "automakers", "toymaker", "toymakers",
	"truckmaker", "truckmakers", "drugmaker", "drugmakers", "steelmaker", "steelmakers", "planemaker",
	"planemakers", "shipbuilder", "shipbuilders", "carmakers")

// goodsMaker reports whether the maker noun at token k (of makerKinds)
// has a noun of goods before it: a lower-case noun, or a capitalised one
// opening the sentence ("Fertiliser maker X"), that is no craft ("parts
// maker X", "steel producer X"; not "film maker X", "executive producer X",
// "lawmaker"). founder is true when the noun is plural or a second noun
// stands before it ("car parts maker X", "writing goods maker X"): a full
// name after it is a company named after its founder, not a craftsman.
func goodsMaker(toks []text.Token, sent text.Sentence, k int) (ok, founder bool) {
	j := k - 1
	if j < sent.First {
		return false, false
	}
	w := toks[j].Text
	if p := toks[j].POS; p != "NN" && p != "NNS" && !(j == sent.First && p == "NNP") {
		return false, false
	}
	if isTitleCase(w) && j != sent.First || craftGoods[lower(w)] || strings.ContainsAny(w, "0123456789") {
		return false, false
	}
	founder = toks[j].POS == "NNS" || j-1 >= sent.First && toks[j-1].POS == "NN" && !isTitleCase(toks[j-1].Text)
	return true, founder
}

// founderKinds are the kinds of company often named after their founders
// ("investment bank Arthur Penrose", "mortgage firm Hattie Lane",
// "brokers Cole Dexter", "accountants Penrose Marsh", "bookmaker
// Harold Penwick"): a full name right after one is the company's, unless
// the kind has a determiner before it and a verb follows the name, a
// clause that leaves out its "that" ("the firm John Smith founded"), or
// "who" follows it ("retailer Gordon Ashcroft, who owns 400 shops";
// but not after a person's name: "said Ann Lee at brokers Hale Marsh,
// who expects ...").
// A fund manager, a games or film maker, a union's head ("fund manager
// Nicola Penrose", "dockers union Tomas Breyer") are people; after
// "group" a full name is a company's on BBC, Reuters and CoNLL news
// ("leisure group Harold Penwick", "Leeds group Amber Finch", a band,
// which "who" may follow), so only the clause's guard keeps a person
// there ("a group Smith won").
var founderKinds = set("bank", "banks", "firm", "firms", "broker", "brokers", "brokerage", "stockbroker",
	"stockbrokers", "accountants", "bookmaker", "insurer", "lender", "retailer", "supermarket", "brewer",
	"housebuilder", "carmaker", "conglomerate", "group")

// corpTails end a company's name after the name of its founder: legal
// forms and kinds of financial company ("Arthur Penrose & Co", "Hamish
// Tarrant Investment Management Ltd").
var corpTails = set("corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.", "limited", "plc", "co", "co.",
	"&", "holdings", "holding", "group", "securities", "bancshares", "llc", "ag", "sa", "nv", "gmbh", "asset",
	"investment", "investments", "management")

// personKinds are the founderKinds that a person is too: a full name
// that speaks ("said broker Ali Khan", "Broker Ali Khan said") is a
// person's, unless the kind is a workplace ("analysts at broker Arthur
// Penrose said").
var personKinds = set("broker", "stockbroker", "bookmaker")

// speaks reports whether a verb of speech stands right before token k
// (the kind) or right after token last (the name).
func speaks(toks []text.Token, sent text.Sentence, k, last int) bool {
	return k > sent.First && text.SpeechVerb(toks[k-1].Text) || last < sent.Last && text.SpeechVerb(toks[last].Text)
}

// appositionHeads are the nouns of kinds of company that an apposition
// after a name may end in ("X, its Scottish arm", "X, a joint venture with
// Y", "X, the British investment bank"); not "maker", "manufacturer" or
// "operator", which people are too ("a games maker", "an Illinois
// shipping-supplies manufacturer", "a camera operator").
var appositionHeads = set("venture", "subsidiary", "unit", "arm", "affiliate", "company", "firm", "bank",
	"brokerage", "insurer", "lender", "retailer", "conglomerate", "chain", "airline", "supermarket", "carmaker",
	"housebuilder")

// companyApposition reports whether a comma at token k opens an
// apposition whose head noun is a kind of company: a determiner or a
// possessive pronoun, then adjectives and nouns up to the head, which no
// possessive follows ("X, the company's chief" names a person).
func companyApposition(toks []text.Token, sent text.Sentence, k int) bool {
	if k+2 >= sent.Last || toks[k].Text != "," || !in(appositionDeterminers, toks[k+1].Text) {
		return false
	}
	j := k + 2
	for j < sent.Last && j < k+7 {
		p := toks[j].POS
		if p != "JJ" && p != "NN" && p != "NNP" && p != "NNS" && p != "VBN" && p != "JJS" && p != "CD" {
			break
		}
		j++
	}
	if j == k+2 || j < sent.Last && (toks[j].POS == "POS" || toks[j].Text == "'s" || toks[j].Text == "\u2019s" ||
		verbAt(toks, sent, j)) {
		// (a possessive, or a clause: "X, the company says")
		return false
	}
	if j == k+7 && j < sent.Last && strings.HasPrefix(toks[j].POS, "NN") {
		// the head is further on: "X, a former senior US investment
		// bank manager"
		return false
	}
	// a lower-case head: a capitalised one is a name's word ("X, a Bank
	// of England economist")
	h := toks[j-1].Text
	return !isTitleCase(h) && in(appositionHeads, h)
}

// appositionDeterminers open an apposition that describes what a name
// names.
var appositionDeterminers = set("a", "an", "the", "its", "their")

// workPreps before a kind of company make it where someone works
// ("analysts at broker X said").
var workPreps = set("at", "from", "of", "with", "for")

// workplace reports whether a preposition of workPreps stands before the
// kind of company at token k, or before up to three words that qualify
// it ("an analyst at London broker Arthur Penrose said": the firm, whose
// analyst speaks).
func workplace(toks []text.Token, sent text.Sentence, k int) bool {
	j := k - 1
	for j >= sent.First && j >= k-3 {
		if p := toks[j].POS; p != "JJ" && p != "NN" && p != "NNP" && p != "NNS" && p != "NNPS" {
			break
		}
		j--
	}
	return j >= sent.First && in(workPreps, toks[j].Text)
}

// whoAfter reports whether "who", or a comma and "who", follows token
// last-1: a person's relative pronoun ("retailer Gordon Ashcroft, who
// owns 400 shops, said"), where a company takes "which".
func whoAfter(toks []text.Token, sent text.Sentence, last int) bool {
	if last < sent.Last && toks[last].Text == "," {
		last++
	}
	return last < sent.Last && strings.EqualFold(toks[last].Text, "who")
}

// personBefore reports whether a person's mention of out comes before
// out[i] in sentence sent, from token from on: "who" after the company
// may be theirs ("said Ann Lee at brokers Hale Marsh, who expects ...").
func personBefore(out []Mention, i int, sent text.Sentence, from int) bool {
	for k := i - 1; k >= 0 && out[k].First >= sent.First && out[k].First >= from; k-- {
		if out[k].Type == Person {
			return true
		}
	}
	return false
}

// kindClause reports whether the name after the kind of company at token
// k, which ends at token last, is the subject of a clause that leaves out
// its "that": a determiner before the kind and a verb after the name
// ("the firm John Smith founded"), or a determiner before up to two
// words that qualify the kind and a verb other than one of speech ("the
// investment bank Kevin Ashford founded"; but "the investment bank
// Arthur Penrose said" is the bank speaking).
func kindClause(toks []text.Token, sent text.Sentence, k, last int) bool {
	if !verbAt(toks, sent, last) {
		return false
	}
	if k-1 >= sent.First && in(kindDeterminers, toks[k-1].Text) {
		return true
	}
	for j := k - 1; j >= sent.First && j >= k-2; j-- {
		if p := toks[j].POS; p != "JJ" && p != "NN" && p != "NNS" {
			return false
		}
		if j-1 >= sent.First && in(kindDeterminers, toks[j-1].Text) {
			return !text.SpeechVerb(toks[last].Text)
		}
	}
	return false
}

// kindDeterminers before a kind of company make a name after it a
// clause's subject when a verb follows ("the firm John Smith founded").
var kindDeterminers = set("the", "a", "an", "this", "that", "his", "her", "its", "their", "my", "our", "your")

// headedBodies are the kinds of bodies whose head the text may name
// right after them, with a word left out ("dockers union Tomas
// Breyer"): a full name the model reads as a person stays one (but not
// after "group", a founderKinds word).
var headedBodies = set("group", "union", "operator", "watchdog", "regulator")

// sentenceBodyNouns may also stand capitalised first in a sentence, joined
// to the name by the model ("Retailer Argos cut prices", "Developers
// Harbour Homes said", "Publisher Ann Lee said": the kind is cut, the name
// keeps its type); "Bank", "Group",
// "Union" and "Firm" begin names of their own ("Bank Leumi").
var sentenceBodyNouns = set("think-tank", "charity", "retailer", "watchdog", "regulator", "insurer", "lender",
	"supermarket", "airline", "carrier", "carmaker", "brewer", "housebuilder", "bookmaker", "broker", "brokers",
	"brokerage", "stockbroker", "accountants", "developer", "developers", "miner", "distributor", "publisher",
	"producer", "chipmaker", "automaker", "drugmaker", "toymaker", "steelmaker", "shipbuilder", "carmakers")

// bodies types as ORGANIZATION the names the text puts right after a
// kind of organisation ("think-tank Demos", "the charity Shelter"), and
// the other mentions of the same words. A person's name (a first name and
// more, or a first name before a verb: "the firm John Smith founded",
// "the charity Ray joined") and a possessive's owner ("the charity
// Shelter's chief") are left as they are. A capitalised kind first in a sentence that the model joined
// to the name ("Retailer Argos") leaves it. out is sorted by Start.
func bodies(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	var names, inner, surnames, groups, founders map[string]bool
	for _, m := range out {
		// a name the text writes with a company's legal form or its
		// kind of company ("Hamish Tarrant Holdings Ltd", "Arthur
		// Penrose Securities") names the company where it stands alone
		if m.Type != Org || m.Last-m.First < 3 {
			continue
		}
		k := m.Last
		for k > m.First+2 && in(corpTails, toks[k-1].Text) {
			k--
		}
		if k < m.Last {
			if names == nil {
				names = map[string]bool{}
			}
			names[doc.Text[m.Start:toks[k-1].End]] = true
		}
	}
	for _, m := range out {
		// a name in apposition with a kind of company ("Hamish Tarrant,
		// its Scottish arm", "X, a joint venture with Y")
		if m.Type == Person && m.Last-m.First > 1 && companyApposition(toks, doc.Sentences[m.Sentence], m.Last) {
			if names == nil {
				names = map[string]bool{}
			}
			names[m.Text] = true
		}
	}
	if names != nil {
		// a person the text gives a title is not the company named
		// after them ("Dr. Ellison Marlow said Ellison Marlow Corp. ...")
		for _, m := range out {
			if m.Type == Person && names[m.Text] && m.First > 0 && nameTitle(toks[m.First-1].Text) {
				delete(names, m.Text)
			}
		}
	}
	for i := range out {
		m := &out[i]
		switch m.Type {
		case Person, Location, Misc, Org, Product:
			// (a product's name after its maker is the company's:
			// "aircraft maker Airbus")
		default:
			continue
		}
		sent := doc.Sentences[m.Sentence]
		kind := "" // the word before, as written: a kind is lower case
		if m.First > sent.First {
			kind = toks[m.First-1].Text
			if m.First-1 == sent.First && in(sentenceBodyNouns, kind) {
				kind = lower(kind) // "Bookmaker Harold Penwick has ..."
			}
		}
		switch {
		case m.Last-m.First > 1 && m.First == sent.First && in(sentenceBodyNouns, toks[m.First].Text) &&
			isTitleCase(toks[m.First+1].Text) && !in(bodyHeads, toks[m.Last-1].Text):
			// not a body's own name ("Charity Commission", "Airline
			// Pilots Association"), nor one the text writes whole
			// inside a sentence too ("... on the Supermarket Sweep")
			if inner == nil {
				inner = map[string]bool{}
				for _, o := range out {
					if o.First != doc.Sentences[o.Sentence].First {
						inner[o.Text] = true
					}
				}
			}
			if inner[m.Text] {
				continue
			}
			m.First++
			kind = lower(toks[m.First-1].Text)
			m.Start = toks[m.First].Start
			m.Text = doc.Text[m.Start:m.End]
		case (bodyNouns[kind] || makerCompanies[kind]) && strings.HasPrefix(toks[m.First-1].POS, "NN") &&
			!(kind == "carrier" && m.First-2 >= sent.First && lower(toks[m.First-2].Text) == "aircraft"):
			// lower case ("Bank" or "Group" before a name is part of
			// it) and a noun ("firm U.S. revenue": an adjective); an
			// aircraft carrier is a ship
		case makerKinds[kind] && strings.HasPrefix(toks[m.First-1].POS, "NN"):
			// "parts maker X", "steel producer X" (not "producer X",
			// "film maker X")
			ok, founder := goodsMaker(toks, sent, m.First-1)
			if !ok {
				continue
			}
			if founder {
				kind = "firm" // a full name is the firm's founder
			} else {
				kind = "maker"
			}
		default:
			continue
		}
		if m.Type == Org || m.Last < sent.Last && (toks[m.Last].Text == "'s" || toks[m.Last].Text == "\u2019s") {
			continue
		}
		if m.Type == Person && m.Last-m.First > 1 && personKinds[kind] && speaks(toks, sent, m.First-1, m.Last) &&
			!workplace(toks, sent, m.First-1) {
			continue // "said broker Ali Khan" (but "Bookmaker Penwicks said")
		}
		if m.Type == Person && m.Last-m.First > 1 && kind != "group" && whoAfter(toks, sent, m.Last) &&
			!personBefore(out, i, sent, m.First-30) {
			continue // "retailer Gordon Ashcroft, who owns 400 shops"
		}
		founder := m.Type == Person && m.Last-m.First > 1 && (founderKinds[kind] || makerCompanies[kind]) && !kindClause(toks, sent, m.First-1, m.Last)
		if founder {
			// a company named after its founder: "investment bank
			// Arthur Penrose", "building products group Cole Dexter"
		} else if m.Type == Person && IsFirstName(toks[m.First].Text) && (m.Last-m.First > 1 || verbAt(toks, sent, m.Last)) {
			// a person's name: "the firm John Smith founded", "the
			// charity Ray joined"
			continue
		}
		if m.Type == Person && m.Last-m.First == 1 {
			// the surname of a person the text names in full or after a
			// title: before a verb the person ("Dana Whitcombe ... the
			// firm Whitcombe founded"), else a firm named after them
			// ("attorney Ann Baker of the firm Baker and Lowe"), whose
			// name the person's other mentions do not take
			if surnames == nil {
				surnames = map[string]bool{}
				for _, o := range out {
					if o.Type == Person && (o.Last-o.First > 1 || o.First > 0 && nameTitle(toks[o.First-1].Text)) {
						surnames[lower(toks[o.Last-1].Text)] = true
					}
				}
			}
			if surnames[lower(m.Text)] {
				if !verbAt(toks, sent, m.Last) {
					m.Type = Org
				}
				continue
			}
		}
		if m.Type == Person && m.Last-m.First > 1 && headedBodies[kind] && !founder {
			continue // "dockers union Tomas Breyer": its head
		}
		if m.Type == Location && placeKinds(toks[m.First:m.Last])&(gCountry|gRegion) != 0 {
			continue // "firm U.S. revenue", "cocoa producer Malaysia": a country or a region
		}
		if m.Type == Person && m.Last-m.First == 2 {
			if founders == nil {
				founders = map[string]bool{}
			}
			founders[m.Text] = true
		}
		m.Type = Org
		if names == nil {
			names = map[string]bool{}
		}
		names[m.Text] = true
		if kind == "group" {
			if groups == nil {
				groups = map[string]bool{}
			}
			groups[m.Text] = true // a band, which "who" may follow
		}
	}
	if names != nil {
		// a full name the text shows to be a person's where it stands
		// alone ("Kevin Ashford, who founded the firm, ...", or their
		// surname after a title: "Mr Ashford") keeps its type there
		var titled map[string]bool
		for _, m := range out {
			if m.Type == Person && m.First > 0 && nameTitle(toks[m.First-1].Text) {
				if titled == nil {
					titled = map[string]bool{}
				}
				titled[lower(toks[m.Last-1].Text)] = true
			}
		}
		for i, m := range out {
			if m.Type == Person && m.Last-m.First > 1 && names[m.Text] && (titled[lower(toks[m.Last-1].Text)] ||
				!groups[m.Text] && whoAfter(toks, doc.Sentences[m.Sentence], m.Last) &&
					!personBefore(out, i, doc.Sentences[m.Sentence], m.First-30)) {
				delete(names, m.Text)
			}
		}
		// a company named after its founder is also written with one of
		// the founder's names alone ("parts maker Ellison Marlow ...
		// Marlow said"; "Harwick Stroud ... Harwick"), a first name
		// not: those mentions are the company's too, unless the text
		// gives the name a title ("Mr Marlow")
		var shorts map[string]bool
		for f := range founders {
			if !names[f] {
				continue
			}
			if shorts == nil {
				shorts = map[string]bool{}
			}
			first, last, _ := strings.Cut(f, " ")
			shorts[last] = true
			if !IsFirstName(first) {
				shorts[first] = true
			}
		}
		for i := range out {
			m := &out[i]
			if m.Type != Person && m.Type != Misc && m.Type != Location {
				continue
			}
			if m.Type == Location && m.First > 0 && cityPreps[lower(toks[m.First-1].Text)] && knownPlace(toks[m.First:m.Last]) {
				continue // a firm named after its town, and the town: "tyre maker X ... a plant near X"
			}
			if names[m.Text] || m.Last-m.First == 1 && shorts[m.Text] && !titled[lower(m.Text)] &&
				!(m.First > 0 && nameTitle(toks[m.First-1].Text)) && !knownPlace(toks[m.First:m.Last]) {
				m.Type = Org
			}
		}
	}
	return out
}

// cityPreps before a town's name make it the town, where a firm has its
// name too ("shoe maker X ... a plant near X").
var cityPreps = set("in", "near", "outside", "around", "across", "into")

// wordNames are first names that are common words too and open a
// sentence as such ("Will the plan work?", "May I ask?"), so that the
// model leaves them out of a name there ("Will Smith co-stars" gave
// "Smith").
var wordNames = set("Will", "May", "Mark", "Bill", "Grant", "Hope", "Guy", "Pat", "Rob", "Sue", "Joy", "Chase")

// sentenceFirstNames joins such a first name opening a sentence to the
// person's name the model found right after it, unless the sentence is a
// question or a bare verb follows the name ("Will Smith win?").
func sentenceFirstNames(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	for i := range out {
		m := &out[i]
		if m.Type != Person || m.First == 0 {
			continue
		}
		sent := doc.Sentences[m.Sentence]
		f := m.First - 1
		if f != sent.First || !wordNames[toks[f].Text] || toks[f].End == toks[m.First].Start {
			continue
		}
		if i > 0 && out[i-1].Last > f {
			continue
		}
		if last := toks[sent.Last-1].Text; last == "?" || m.Last < sent.Last && toks[m.Last].POS == "VB" {
			continue
		}
		m.First = f
		m.Start = toks[f].Start
		m.Text = doc.Text[m.Start:m.End]
	}
	return out
}
