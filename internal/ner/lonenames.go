package ner

import (
	"strings"

	"github.com/lector-nlp/lector/internal/text"
)

// loneNames adds, in a text of at most shortText sentences, a single
// title-case word inside a sentence that the model left unlabelled and
// the tagger reads as a proper noun: a surname standing alone ("the only
// chance Okonkwo has", "a quote from Halvorsen that", "a step Brandt has
// been slow to take"), as a short text (a headline, a sentence sent
// alone) names people with no first name before. Not a word of a
// capitalised run, a common word by the case table, a day, month, title,
// party word or demonym, a known place or organisation, a word after a
// determiner ("the Statehouse") or with inner capitals ("RipGuard"), nor
// one the guards below leave out. add types it (a person, a web company,
// or the type of another mention of the word), or an organisation when
// org is set (after a noun such as "company" or "band").
func (r *Recognizer) loneNames(toks []text.Token, b *buffers, taken []bool, add func(si, f, e int, org bool)) {
	for si, s := range b.in.sents {
		if !b.prose(s) {
			continue
		}
		f := b.firstWord(s)
		for i := f + 1; i < s[1]; i++ {
			// the word before: not a name's (a sentence's first word
			// only when a common word, "But", "When", "Can", and not a
			// noun or adjective, which a headline runs into a name: "Man
			// Utd to open talks", "Original Gremlins to be shown")
			before := isTitleCase(toks[i-1].Text) && (i-1 != f || !r.commonWord(toks[i-1].Text) || contentTag[toks[i-1].POS])
			if !nameWord(toks, taken, i) || toks[i].POS != "NNP" || taken[i-1] || before ||
				i+1 < s[1] && (taken[i+1] || isTitleCase(toks[i+1].Text)) {
				continue
			}
			w := toks[i].Text
			l := lower(w)
			if r.commonWord(w) || notSurname(l) || in(notNames, w) || hyphenLower(w) || innerCaps(w) ||
				strings.IndexByte(l, '.') >= 0 || in(determiners, toks[i-1].Text) {
				continue
			}
			// not a title written alone ("a letter to Sen", "Lieutenant"),
			// a compass word of a division ("the AL West",
			// "Big East"), nor a word with a digit or a backslash
			// ("Update2", "Won25,000bn"; not a hyphen: "Ocasio-Cortez")
			if in(nameTitles, w) || len(w) <= 4 && in(nameTitles, l+".") || loneNotNames[l] || strings.ContainsAny(w, "0123456789\\") {
				continue
			}
			// nor a product after the noun that says so ("the painkiller
			// Vexor", "its browser Skylark")
			if thingNouns[toks[i-1].Text] {
				continue
			}
			// not a number's or an acronym's neighbour ("7th District",
			// "VIDEO Twelve"), a quoted word ("“Congratulations"), a
			// title before "of" ("Dean of") or a modifier of a common
			// noun ("Statehouse officials", "Erasmus grants"), nor a
			// gloss in brackets ("internet calls (Voip)", "Travellers
			// (Gypsies)"), nor a tool's name after "via" or "using"
			// ("met via Skype", "connects via Bluetooth")
			p := toks[i-1].Text
			if isDigitWord(p) || allCaps(p) || openQuotes[p] || p == "(" && i+1 < s[1] && toks[i+1].Text == ")" || p == "via" || p == "using" ||
				i+1 < s[1] && (toks[i+1].Text == "of" || toks[i+1].POS == "NN" || toks[i+1].POS == "NNS") {
				continue
			}
			if g := r.gz.single(w); g&(gCountry|gCity|gRegion|gOrg|gDemonym) != 0 {
				continue
			}
			// a company or band after the noun that says so ("wine
			// company Chalone", "pop band Busted"): an organisation
			add(si, i, i+1, orgNouns[p])
		}
	}
}

// orgNouns are the nouns that name a lone name after them an
// organisation: "Californian wine company Chalone", "brewer Fosters",
// "his band Fightstar" (loneNames; lower-case only).
var orgNouns = set("company", "firm", "group", "maker", "carmaker", "automaker", "brewer", "winemaker", "retailer",
	"chain", "bank", "lender", "insurer", "carrier", "airline", "manufacturer", "conglomerate", "publisher",
	"broadcaster", "studio", "label", "band", "developer", "supplier", "operator", "startup", "start-up")

// loneNotNames are title-case words that loneNames takes for no one's
// surname: ranks and compass words.
var loneNotNames = set("lieutenant", "east", "west", "north", "south")

// thingNouns are the nouns that name a lone name after them a product,
// no one's surname (loneNames; lower-case only).
var thingNouns = set("drug", "painkiller", "antidepressant", "medicine", "treatment", "vaccine", "pill", "browser",
	"software", "console", "game", "device", "phone", "handset", "brand", "product", "protocol", "standard",
	"service", "programme", "program", "system", "film", "movie", "album", "song", "novel", "musical", "show")

// determiners before a capitalised word make it a thing's or a body's
// name ("the Senate", "a Democrat", "this Congress"), not a person's.
var determiners = set("the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "every", "each", "any", "no")

// contentTag are the tags of a sentence's first word that make it part
// of a name run rather than the word before a lone name: a common noun or
// adjective ("Man Utd", "Original Gremlins"); a headline's first word
// tagged NNP ("Can Yahoo dominate") is not one.
var contentTag = set("NN", "NNS", "JJ", "JJR", "JJS")

// openQuotes are the quotation marks that open a quoted word.
var openQuotes = map[string]bool{"\"": true, "“": true, "'": true, "‘": true, "``": true}

// lyAdverb reports whether t is an adverb in -ly, which may stand between
// a sentence's subject and its verb ("Brandt quietly dropped").
func lyAdverb(t text.Token) bool {
	return t.POS == "RB" && len(t.Text) > 4 && strings.HasSuffix(t.Text, "ly")
}
