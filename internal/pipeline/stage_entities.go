package pipeline

import (
	"context"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
)

// scratchEntities is the Scratch key of the []entity.Entity found by the
// entities stage, for the quote and sentiment stages.
const scratchEntities = "entities"

func init() {
	register(Stage{
		Name:      "entities",
		Order:     40,
		Features:  []Feature{FeatureEntities},
		Parts:     []Part{PartEntities},
		Requires:  []string{"pos"},
		Uses:      []string{"language"},
		Languages: []string{"en"},
		Model:     "ner-2026.11: structured perceptron on CoNLL-2003 (dev F1 93.2) + entity-2026.11b resolution, GeoNames/world-countries/ISO 3166-2 (iso-3166, CLDR) gazetteer",
		Load: func() (RunFunc, error) {
			r, err := ner.Load()
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, st *State) error {
				if notEnglish(st, FeatureEntities, "entities are") {
					return nil
				}
				ents := entity.Resolve(st.Doc, r.Recognize(st.Doc))
				if err := st.Doc.Err(); err != nil {
					return err // cancelled: Resolve stopped early
				}
				st.Scratch[scratchEntities] = ents
				if !st.Wants(FeatureEntities) && !st.Wants(FeatureQuotes) && !st.Wants(FeatureSentiment) {
					return nil // run for another stage, which reads Scratch
				}
				// the mentions of every entity in one array, each entity's
				// a slice of it capped at its end: one allocation instead
				// of one per entity
				nm := 0
				for i := range ents {
					nm += len(ents[i].Mentions)
				}
				mentions := make([]Mention, nm)
				out := make([]Entity, len(ents))
				for i, e := range ents {
					out[i] = Entity{Name: e.Name, Type: EntityType(e.Type), Salience: e.Salience, CountryCode: e.CountryCode, RegionCode: e.Region}
					if n := len(e.Mentions); n > 0 {
						ms := mentions[:n:n]
						mentions = mentions[n:]
						for k, m := range e.Mentions {
							ms[k] = Mention{Span: m.Span, Type: mentionType(m.Kind)}
						}
						out[i].Mentions = ms
					}
					if e.Location != nil {
						out[i].Location = &LatLng{Lat: e.Location.Lat, Lng: e.Location.Lng}
					}
					if len(e.Roles) > 0 {
						out[i].Roles = make([]Role, len(e.Roles))
						for k, ro := range e.Roles {
							out[i].Roles[k] = Role{Title: ro.Title, Affiliation: ro.Affiliation}
						}
					}
				}
				st.Analysis.Entities = out
				return nil
			}, nil
		},
	})
}

func mentionType(k entity.MentionKind) MentionType {
	switch k {
	case entity.Common:
		return MentionCommon
	case entity.Pronoun:
		return MentionPronoun
	}
	return MentionProper
}
