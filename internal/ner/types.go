// Package ner finds named entities and numeric expressions in a tokenised text.
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
