package pipeline

import (
	"context"
	"strings"
	"testing"
)

// TestSummaryDateline: a summary sentence that opens with a news dateline
// ("HARBOURTON, March 9 (Wire) - ") comes without it, with the real
// models; the sentence's span starts at its first word of news.
func TestSummaryDateline(t *testing.T) {
	e := mustEngine(t, Config{})
	art := "HARBOURTON, March 9 (Wire) - Dock workers at the port of Harbourton began a two-day strike on Wednesday over pay, halting container traffic.\n\n" +
		"The union said talks with the port authority had broken down after the authority offered a rise of two percent.\n\n" +
		"Shipping lines said they would divert vessels to other ports until the strike ends."
	res, err := e.Analyze(context.Background(), textReq(art, FeatureSummary), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Analysis.Summary == nil || len(res.Analysis.Summary.Sentences) == 0 {
		t.Fatal("no summary")
	}
	var got []string
	for _, sp := range res.Analysis.Summary.Sentences {
		got = append(got, art[sp.Start:sp.End])
	}
	if !strings.HasPrefix(got[0], "Dock workers at the port") {
		t.Errorf("summary %q; want its first sentence to start at \"Dock workers\"", got)
	}
}
