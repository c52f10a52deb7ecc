// Package ner finds named entities and numeric expressions in a tokenised text.
//
// The statistical part is a structured averaged perceptron over BILOU
// labels of the four CoNLL-2003 types, decoded with Viterbi under BILOU
// constraints, trained on CoNLL-2003 train.txt (cmd/train/ner) with POS
// tags predicted by internal/pos (jack-knifed on train). Features are
// hashed (FNV-1a, mixed) into a compact open-addressing table of 12-bit
// packed weights: the word and its lower-cased form in a ±2 window,
// shapes, prefixes and suffixes 1-4, POS, sentence-initial and headline
// capitalisation, word clusters learnt from the unlabelled Reuters news
// (internal/wordclusters), hand-written gazetteers (countries, cities,
// regions, demonyms, organisations, first names, titles, organisation
// suffixes, event words) and how the word is written elsewhere in the
// document. A second pass adds the type the first pass gave the same word
// elsewhere in the document; it re-decodes only the sentences where that
// disagrees with the first pass. Both passes share one feature lookup.
//
// MISC is split into NATIONALITY (demonyms), EVENT, LAW, PRODUCT and
// WORK_OF_ART by cues, otherwise MISC. DATE, TIME, MONEY, PERCENT and
// QUANTITY come from rules over the tokens the model left outside entities.
//
// cmd/eval/ner prints conlleval figures on valid.txt, both on the CoNLL
// tokens and through the run-time path (detokenised text, text.Analyze,
// pos.Tagger.Tag, Recognize).
package ner

// Type is an entity type.
type Type string

// Entity types. The statistical model predicts the first four CoNLL classes
// (MISC split into NATIONALITY and the finer kinds where cues are clear);
// DATE, TIME, MONEY, PERCENT and QUANTITY come from rules.
const (
	Person      Type = "PERSON"
	Org         Type = "ORGANIZATION"
	Location    Type = "LOCATION"
	Nationality Type = "NATIONALITY"
	Event       Type = "EVENT"
	Law         Type = "LAW"
	Product     Type = "PRODUCT"
	WorkOfArt   Type = "WORK_OF_ART"
	Misc        Type = "MISC"
	Date        Type = "DATE"
	Time        Type = "TIME"
	Money       Type = "MONEY"
	Percent     Type = "PERCENT"
	Quantity    Type = "QUANTITY"
)

// Mention is one entity mention: a run of tokens of a text.Document.
type Mention struct {
	Type        Type
	Text        string // Doc.Text[Start:End]
	Start, End  int    // byte offsets
	First, Last int    // token range Doc.Tokens[First:Last]
	Sentence    int    // index of the sentence that holds it
}

// nameType reports whether t is one of the model's four name types
// (person, organisation, place, MISC), the ones the name rules retype.
func nameType(t Type) bool {
	switch t {
	case Person, Org, Location, Misc:
		return true
	}
	return false
}
