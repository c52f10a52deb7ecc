package pipeline

import "strings"

// Feature is one kind of analysis a caller can request.
type Feature int

// The features, in the order of the article.v1 Feature enum.
const (
	FeatureLanguage Feature = iota + 1
	FeatureSyntax
	FeatureEntities
	FeatureKeyPhrases
	FeatureSummary
	FeatureSentiment
	FeatureQuotes
	FeatureTimeExpressions
	FeatureCategories
	FeatureStatistics
)

// AllFeatures lists every feature in order.
var AllFeatures = []Feature{
	FeatureLanguage, FeatureSyntax, FeatureEntities, FeatureKeyPhrases, FeatureSummary,
	FeatureSentiment, FeatureQuotes, FeatureTimeExpressions, FeatureCategories, FeatureStatistics,
}

var featureNames = [...]string{
	FeatureLanguage:        "LANGUAGE",
	FeatureSyntax:          "SYNTAX",
	FeatureEntities:        "ENTITIES",
	FeatureKeyPhrases:      "KEY_PHRASES",
	FeatureSummary:         "SUMMARY",
	FeatureSentiment:       "SENTIMENT",
	FeatureQuotes:          "QUOTES",
	FeatureTimeExpressions: "TIME_EXPRESSIONS",
	FeatureCategories:      "CATEGORIES",
	FeatureStatistics:      "STATISTICS",
}

// String returns the name of the feature, such as "KEY_PHRASES".
func (f Feature) String() string {
	if f > 0 && int(f) < len(featureNames) {
		return featureNames[f]
	}
	return "FEATURE_UNKNOWN"
}

// Valid reports whether f is one of the features.
func (f Feature) Valid() bool { return f > 0 && int(f) < len(featureNames) }

// ParseFeature returns the feature named s (as String returns it, case
// insensitive, with or without the "FEATURE_" prefix).
func ParseFeature(s string) (Feature, bool) {
	s = strings.TrimPrefix(strings.ToUpper(s), "FEATURE_")
	for _, f := range AllFeatures {
		if featureNames[f] == s {
			return f, true
		}
	}
	return 0, false
}

// FeatureSet is a set of features.
type FeatureSet uint32

// NewFeatureSet returns the set of fs; no features means all of them.
func NewFeatureSet(fs ...Feature) FeatureSet {
	if len(fs) == 0 {
		fs = AllFeatures
	}
	var s FeatureSet
	for _, f := range fs {
		s |= 1 << uint(f)
	}
	return s
}

// Has reports whether f is in the set.
func (s FeatureSet) Has(f Feature) bool { return s&(1<<uint(f)) != 0 }

// Features lists the features in the set, in order.
func (s FeatureSet) Features() []Feature {
	var out []Feature
	for _, f := range AllFeatures {
		if s.Has(f) {
			out = append(out, f)
		}
	}
	return out
}

// Part is a part of an Analysis that a stream sends as one message.
type Part int

// The parts, each filling the Analysis fields named in its comment.
const (
	PartSource          Part = iota + 1 // Text, FromMarkup, Metadata
	PartLanguage                        // Language
	PartSyntax                          // Sentences (spans), Tokens
	PartEntities                        // Entities (without Sentiment)
	PartKeyPhrases                      // KeyPhrases
	PartSummary                         // Summary
	PartSentiment                       // Sentiment, Sentences[].Sentiment, Entities[].Sentiment
	PartQuotes                          // Quotes
	PartTimeExpressions                 // TimeExpressions
	PartCategories                      // Categories
	PartStatistics                      // Statistics
)

var partNames = [...]string{
	PartSource:          "source",
	PartLanguage:        "language",
	PartSyntax:          "syntax",
	PartEntities:        "entities",
	PartKeyPhrases:      "key_phrases",
	PartSummary:         "summary",
	PartSentiment:       "sentiment",
	PartQuotes:          "quotes",
	PartTimeExpressions: "time_expressions",
	PartCategories:      "categories",
	PartStatistics:      "statistics",
}

// String returns the name of the part, the field name of the stream message.
func (p Part) String() string {
	if p > 0 && int(p) < len(partNames) {
		return partNames[p]
	}
	return "unknown"
}
