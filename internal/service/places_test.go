package service

import (
	"context"
	"testing"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// TestPlaceCodes checks that the country and region codes and the
// coordinates the entity resolver finds reach the API.
func TestPlaceCodes(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the entity models")
	}
	const article = `Wildfires forced thousands of people from their homes in California on Tuesday, officials said.
The governor of California asked Washington for federal help, and firefighters from Nevada and Oregon joined crews near Los Angeles.
In Germany, the authorities in Bavaria sent a team of experts to Munich to study the response.`
	eng, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	svc := New(Config{Engine: eng})
	req := textRequest(article)
	req.Features = []articlev1.Feature{articlev1.Feature_FEATURE_ENTITIES}
	resp, err := svc.AnalyzeArticle(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*articlev1.Entity{}
	for _, e := range resp.GetAnalysis().GetEntities() {
		byName[e.GetName()] = e
	}
	for _, c := range []struct{ name, country, region string }{
		{"California", "US", "US-CA"},
		{"Bavaria", "DE", "DE-BY"},
		{"Germany", "DE", ""},
		{"Munich", "DE", ""}, // cities carry no region yet
	} {
		e := byName[c.name]
		if e == nil {
			t.Errorf("no entity %q among %d", c.name, len(byName))
			continue
		}
		if e.GetCountryCode() != c.country || (c.region != "" && e.GetRegionCode() != c.region) {
			t.Errorf("%s: country %q region %q, want %q %q", c.name, e.GetCountryCode(), e.GetRegionCode(), c.country, c.region)
		}
	}
	if e := byName["Los Angeles"]; e == nil || e.GetLocation() == nil || e.GetCountryCode() != "US" {
		t.Errorf("Los Angeles: %v, want US with coordinates", e)
	}
}
