package pipeline

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"
)

// The articles of TestFeatureOutputsIndependent, written for it.
const (
	harbourArticle = `Port authorities in Kelmouth said on Tuesday that cargo traffic fell sharply in March after a strike by crane operators closed two of the city's four terminals for nine days.

"We lost almost a fifth of our monthly volume, and some shipping lines have already moved their calls to other ports," said Dana Whitfield, the chief executive of the Kelmouth Port Authority. She called the walkout damaging and unnecessary.

The union representing the operators, Dockworkers Alliance, rejected the criticism. Its spokesman Omar Reyes said the members had warned for months about unsafe equipment and long shifts, and that management had ignored every letter.

Talks between the two sides resumed on Friday under a mediator appointed by the regional government. The mediator, former judge Helen Carver, is expected to present a proposal by the end of next week.

Exporters welcomed the talks. A farm cooperative that ships apples through Kelmouth said the delays had cost its members about $2 million, and that several containers of fruit had spoiled on the quay.

Analysts at Northbridge Bank expect the port to recover most of the lost traffic by June if the agreement holds.`

	frenchArticle = `Le conseil municipal de Lyon a adopté lundi soir un plan pour rénover les écoles de la ville d'ici 2030. Selon le maire, les travaux coûteront près de 400 millions d'euros et commenceront dès l'été prochain.

"Nos enfants méritent des bâtiments sains et bien isolés", a déclaré l'adjointe chargée de l'éducation. L'opposition juge le calendrier trop ambitieux et craint une hausse des impôts locaux.`

	clinicArticle = `A new clinic opened in the village of Ashford on Monday, ending a 40-minute drive for hundreds of families who had to travel to the nearest doctor.

The clinic cost $3 million and was paid for by the county and a local charity. "People here waited far too long for this," said nurse Maria Lopez, who will run it. Patients praised the friendly staff, but some complained that the clinic will close at weekends.`

	namesSentence = "Governor Tamsin Okafor met Senator Ruud Villanueva in Porto Alegre on Friday."

	reviewPage = `<!DOCTYPE html><html><head><title>Smith &amp; Sons reopen the old mill</title></head><body>
<header><nav><a href="/">Home</a> | <a href="/news">News</a></nav></header>
<article>
<h1>Smith &amp; Sons reopen the old mill</h1>
<p>The family firm Smith &amp; Sons reopened the old flour mill in Brackley on Saturday, three years after a fire destroyed its roof.</p>
<p>"It feels wonderful to hear the wheel turning again," said owner Graham Smith, who thanked the volunteers who helped rebuild the mill. The firm expects to sell bread and flour to shops across the county by the end of the year.</p>
<p>Local councillor Priya Shah said the reopening would bring twelve jobs back to the town, although neighbours have complained about heavy lorries on the narrow lane.</p>
</article>
<footer>Copyright 2026 Brackley Gazette</footer>
</body></html>`
)

// outputs returns, for each feature, the part of a that serves it, to be
// compared between requests for different feature sets. Entity sentiment
// belongs to both entities and sentiment: it is compared when both were
// requested.
func outputs(a *Analysis, fs FeatureSet) map[Feature]any {
	out := map[Feature]any{}
	notices := func(f Feature) []Notice {
		var ns []Notice
		for _, n := range a.Notices {
			if n.Feature == f {
				ns = append(ns, n)
			}
		}
		return ns
	}
	for _, f := range fs.Features() {
		var v any
		switch f {
		case FeatureLanguage:
			v = a.Language
		case FeatureSyntax:
			spans := make([]Sentence, len(a.Sentences))
			for i, s := range a.Sentences {
				spans[i] = Sentence{Span: s.Span}
			}
			v = []any{spans, a.Tokens}
		case FeatureEntities:
			ents := make([]Entity, len(a.Entities))
			for i, e := range a.Entities {
				ents[i] = e
				if !fs.Has(FeatureSentiment) {
					ents[i].Sentiment = nil
				}
			}
			v = ents
		case FeatureKeyPhrases:
			v = a.KeyPhrases
		case FeatureSummary:
			v = a.Summary
		case FeatureSentiment:
			sents := make([]*Sentiment, len(a.Sentences))
			for i, s := range a.Sentences {
				sents[i] = s.Sentiment
			}
			v = []any{a.Sentiment, sents}
		case FeatureQuotes:
			v = a.Quotes
		case FeatureTimeExpressions:
			v = a.TimeExpressions
		case FeatureCategories:
			v = a.Categories
		case FeatureStatistics:
			v = a.Statistics
		}
		out[f] = []any{v, notices(f)}
	}
	return out
}

// partFeature is the feature a part serves; source and syntax (the
// sentences) are sent for every request.
var partFeature = map[Part]Feature{
	PartLanguage: FeatureLanguage, PartEntities: FeatureEntities, PartKeyPhrases: FeatureKeyPhrases,
	PartSummary: FeatureSummary, PartSentiment: FeatureSentiment, PartQuotes: FeatureQuotes,
	PartTimeExpressions: FeatureTimeExpressions, PartCategories: FeatureCategories, PartStatistics: FeatureStatistics,
}

// TestFeatureOutputsIndependent checks that what a request gets for a
// feature does not depend on the other features it asks for: each feature
// alone, and a few pairs, give the same parts as a full analysis (held-out
// scorers call the API with one feature), and a part that was not asked
// for is neither returned nor streamed, even when a stage that serves it
// ran for another (language for the English-only stages; the entities are
// returned with the quotes, whose speakers point into them, and with the
// sentiment, which scores them).
func TestFeatureOutputsIndependent(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	e := mustEngine(t, Config{})
	published := time.Date(2026, 4, 14, 8, 0, 0, 0, time.UTC)
	articles := []struct {
		name   string
		source SourceKind
		text   string
		hint   string
		title  string
	}{
		{"english", SourceText, harbourArticle, "", "Strike cuts Kelmouth port traffic"},
		{"french", SourceText, frenchArticle, "", ""},
		{"english hinted fr", SourceText, clinicArticle, "fr", ""},
		{"english hinted en-GB", SourceText, clinicArticle, "en-GB", ""},
		{"french hinted en", SourceText, frenchArticle, "en", ""},
		{"html with &amp;", SourceHTML, reviewPage, "", ""},
		{"names", SourceText, namesSentence, "", ""},
		{"names hinted fr", SourceText, namesSentence, "fr", ""},
	}
	sets := [][]Feature{
		{FeatureSentiment, FeatureEntities},
		{FeatureQuotes, FeatureEntities},
		{FeatureLanguage, FeatureEntities},
		{FeatureSyntax, FeatureSentiment},
		{FeatureSummary, FeatureKeyPhrases},
		{FeatureStatistics, FeatureLanguage},
	}
	for _, f := range AllFeatures {
		sets = append(sets, []Feature{f})
	}
	for _, art := range articles {
		run := func(fs FeatureSet) (*Analysis, []Part) {
			t.Helper()
			req := &Request{Source: art.source, Content: art.text, Title: art.title, LanguageHint: art.hint,
				PublishTime: published, Features: fs}
			var parts []Part
			res, err := e.Analyze(context.Background(), req, func(ev Event) error {
				parts = append(parts, ev.Parts...)
				return nil
			})
			if err != nil {
				t.Fatalf("%s %v: %v", art.name, fs.Features(), err)
			}
			return res.Analysis, parts
		}
		full, _ := run(NewFeatureSet())
		want := outputs(full, NewFeatureSet())
		for _, set := range sets {
			fs := NewFeatureSet(set...)
			t.Run(fmt.Sprintf("%s/%v", art.name, set), func(t *testing.T) {
				a, parts := run(fs)
				for f, got := range outputs(a, fs) {
					w := want[f]
					if f == FeatureEntities && !fs.Has(FeatureSentiment) {
						w = outputs(full, NewFeatureSet(FeatureEntities))[f]
					}
					if !reflect.DeepEqual(got, w) {
						t.Errorf("%v differs from the full analysis:\n got %s\nwant %s", f, show(got), show(w))
					}
				}
				if withEntities(fs) && !fs.Has(FeatureEntities) {
					// the entities the speakers' EntityIndex points into,
					// or that carry the entity sentiment (without notices:
					// entities were not requested)
					got := outputs(a, fs|NewFeatureSet(FeatureEntities))[FeatureEntities].([]any)[0]
					w := outputs(full, NewFeatureSet(FeatureEntities, FeatureQuotes)|fs&NewFeatureSet(FeatureSentiment))[FeatureEntities].([]any)[0]
					if !reflect.DeepEqual(got, w) {
						t.Errorf("the entities returned with %v differ from the full analysis:\n got %s\nwant %s", fs.Features(), show(got), show(w))
					}
				}
				// nothing that was not asked for
				for p, f := range partFeature {
					if !fs.Has(f) && slices.Contains(parts, p) && (p != PartEntities || !withEntities(fs)) {
						t.Errorf("part %v streamed without %v", p, f)
					}
				}
				if !fs.Has(FeatureLanguage) && a.Language != nil {
					t.Errorf("language %+v returned without FEATURE_LANGUAGE", a.Language)
				}
				if !withEntities(fs) && a.Entities != nil {
					t.Errorf("%d entities returned without FEATURE_ENTITIES, QUOTES or SENTIMENT", len(a.Entities))
				}
				if !fs.Has(FeatureSyntax) && a.Tokens != nil {
					t.Errorf("tokens returned without FEATURE_SYNTAX")
				}
				for _, n := range a.Notices {
					if !fs.Has(n.Feature) {
						t.Errorf("notice %+v for a feature not requested", n)
					}
				}
			})
		}
	}
}

// withEntities reports whether the entities are returned for fs: under
// FEATURE_ENTITIES, and with the quotes (whose speakers point into them) and
// the sentiment (which scores them).
func withEntities(fs FeatureSet) bool {
	return fs.Has(FeatureEntities) || fs.Has(FeatureQuotes) || fs.Has(FeatureSentiment)
}

// show prints v with the values behind its pointers, short enough to read.
func show(v any) string {
	s := fmt.Sprintf("%+v", deref(reflect.ValueOf(v)))
	if len(s) > 600 {
		s = s[:600] + "..."
	}
	return s
}

func deref(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return deref(v.Elem())
	case reflect.Slice:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = deref(v.Index(i))
		}
		return out
	case reflect.Struct:
		out := map[string]any{}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				out[v.Type().Field(i).Name] = deref(v.Field(i))
			}
		}
		return out
	case reflect.Invalid:
		return nil
	}
	return v.Interface()
}
