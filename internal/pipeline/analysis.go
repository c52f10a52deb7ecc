package pipeline

import (
	"time"

	"github.com/lector-nlp/lector/internal/text"
)

// Analysis is everything found in one article. A part left at its zero value
// was not requested or could not run; Notices say which and why.
type Analysis struct {
	// Text is the analysed plain text; for a text source it is the source.
	Text string
	// FromMarkup is true when Text was extracted from HTML or a page.
	FromMarkup bool
	Metadata   Metadata
	Language   *Language
	Statistics *Statistics
	Sentences  []Sentence
	// Tokens is filled only when FeatureSyntax was requested.
	Tokens          []Token
	Entities        []Entity
	KeyPhrases      []KeyPhrase
	Summary         *Summary
	Sentiment       *Sentiment
	Quotes          []Quote
	TimeExpressions []TimeExpression
	Categories      []Category
	Notices         []Notice
}

// Metadata describes an article.
type Metadata struct {
	Title   string
	Authors []string
	// PublishTime is the publish time, given when not zero or when
	// PublishTimeSet is true (see Published).
	PublishTime time.Time
	// PublishTimeSet says that PublishTime is given even when it is the
	// zero time.Time, 0001-01-01T00:00:00Z, a time a caller can send.
	PublishTimeSet bool
	SiteName       string
	CanonicalURL   string
}

// Published returns the publish time and whether there is one.
func (m *Metadata) Published() (time.Time, bool) {
	return m.PublishTime, m.PublishTimeSet || !m.PublishTime.IsZero()
}

// Language is a detected language.
type Language struct {
	Code       string // BCP-47, such as "en"
	Confidence float64
}

// Statistics counts the parts of the text and rates its readability.
type Statistics struct {
	Words, Sentences, Paragraphs int
	ReadingTimeSeconds           float64
	Readability                  float64 // Flesch reading ease; zero when not English
}

// Sentence is one sentence and, under FeatureSentiment, its sentiment.
type Sentence struct {
	Span      text.Span
	Sentiment *Sentiment
}

// Token is one token with its tag and lemma (empty until a tagger ran).
type Token struct {
	Span  text.Span
	POS   string
	Lemma string
}

// Sentiment is a score in [-1, 1] and a magnitude >= 0. A sentence's or an
// entity's score read by sentiment.ClassBand (above it positive, below its
// negative negative) is the model's most probable class; the article's is
// the token-weighted mean of its sentences' scores (see internal/sentiment).
type Sentiment struct {
	Score, Magnitude float64
}

// EntityType names an entity type: "PERSON", "ORGANIZATION", "LOCATION",
// "NATIONALITY", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "MISC", "DATE",
// "TIME", "MONEY", "PERCENT" or "QUANTITY" (the values of ner.Type).
type EntityType string

// MentionType names the form of a mention: "PROPER", "COMMON" or "PRONOUN".
type MentionType string

// The mention types.
const (
	MentionProper  MentionType = "PROPER"
	MentionCommon  MentionType = "COMMON"
	MentionPronoun MentionType = "PRONOUN"
)

// Entity is a thing the article speaks of, with all its mentions.
type Entity struct {
	Name        string
	Type        EntityType
	Salience    float64
	Mentions    []Mention
	Sentiment   *Sentiment // under FeatureSentiment
	CountryCode string     // ISO 3166-1 alpha-2, when known
	RegionCode  string     // ISO 3166-2 first-level subdivision, when known
	Location    *LatLng    // when known
	Roles       []Role
}

// Mention is one mention of an entity.
type Mention struct {
	Span text.Span
	Type MentionType
}

// LatLng is a point in WGS84 degrees.
type LatLng struct {
	Lat, Lng float64
}

// Role is a title a person holds and the organisation it belongs to.
type Role struct {
	Title, Affiliation string
}

// KeyPhrase is a characteristic phrase and where it occurs.
type KeyPhrase struct {
	Phrase   string
	Score    float64
	Mentions []text.Span
}

// Summary lists the summary sentences in article order.
type Summary struct {
	Sentences []text.Span
}

// QuoteKind names the form of a quote: "DIRECT", "INDIRECT" or "MIXED".
type QuoteKind string

// The quote kinds.
const (
	QuoteDirect   QuoteKind = "DIRECT"
	QuoteIndirect QuoteKind = "INDIRECT"
	QuoteMixed    QuoteKind = "MIXED"
)

// Quote is reported speech with its cue and speaker.
type Quote struct {
	Content text.Span
	Parts   []text.Span // Content's pieces around its own attribution ("A," said X. "B."), nil when one piece
	Cue     text.Span   // zero when there is no cue verb
	Speaker Speaker
	Kind    QuoteKind
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Span        text.Span // zero when the speaker is not named near the quote
	Name        string
	EntityIndex int // index into Analysis.Entities, -1 when none
}

// TimeExpression is a TIMEX3 expression: Type is "DATE", "TIME",
// "DURATION" or "SET", Value its normalised value such as "2023-09-20".
type TimeExpression struct {
	Span     text.Span
	Type     string
	Value    string
	Anchored bool
}

// Category is a topic with the classifier's confidence.
type Category struct {
	Name       string
	Confidence float64
}

// Notice says that a requested feature did not run, and why.
type Notice struct {
	Feature Feature
	Reason  string
}

// StageTiming is how long one stage took.
type StageTiming struct {
	Stage    string
	Duration time.Duration
}

// Result is the outcome of one analysis.
type Result struct {
	Analysis *Analysis
	Timings  []StageTiming
	Total    time.Duration
}
