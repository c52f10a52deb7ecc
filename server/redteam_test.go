package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// TestBidiBadItemsKeepOthers sends 30 articles on one bidirectional
// stream, with bad ones among them (empty, a NUL, over the article limit,
// one that makes a stage panic, an unknown feature), and half-closes at
// once: every article gets its own answer, the bad ones an error with
// their reason, the others their analysis.
func TestBidiBadItemsKeepOthers(t *testing.T) {
	ts := mustStart(t, nil)
	stream, err := ts.client.AnalyzeArticles(ctxTimeout(t, 30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	bad := map[int]string{
		5:  "EMPTY_ARTICLE",
		9:  "CONTROL_CHARACTERS",
		14: "ARTICLE_TOO_LARGE",
		20: "INTERNAL",
		25: "UNKNOWN_FEATURE",
	}
	const n = 30
	for i := range n {
		req := &articlev1.AnalyzeArticlesRequest{Article: textArticle(strconv.Itoa(i), "Article number "+strconv.Itoa(i)+" is here. It has two sentences.")}
		switch bad[i] {
		case "EMPTY_ARTICLE":
			req.Article = textArticle(strconv.Itoa(i), "")
		case "CONTROL_CHARACTERS":
			req.Article = textArticle(strconv.Itoa(i), "A NUL \x00 here.")
		case "ARTICLE_TOO_LARGE":
			req.Article = textArticle(strconv.Itoa(i), strings.Repeat("Long text. ", 1000)) // 11 kB, over 4096
		case "INTERNAL":
			req.Article = textArticle(strconv.Itoa(i), "Boom. "+panicMarker)
		case "UNKNOWN_FEATURE":
			req.Features = []articlev1.Feature{articlev1.Feature(999)}
		}
		if err := stream.Send(req); err != nil {
			t.Fatal(err)
		}
	}
	stream.CloseSend()
	got := recvByID(t, stream)
	if len(got) != n {
		t.Fatalf("got %d results, want %d", len(got), n)
	}
	for i := range n {
		r := got[strconv.Itoa(i)]
		if want, ok := bad[i]; ok {
			if st := status.FromProto(r.GetError()); reason(st) != want {
				t.Errorf("%d: error %v, want reason %s", i, r.GetError(), want)
			}
			continue
		}
		if r.GetAnalysis() == nil {
			t.Errorf("%d: no analysis: %v", i, r)
		}
	}
}

// TestBidiCancelFreesSlots: a caller that cancels a bidirectional stream
// with analyses in flight gets them stopped: with both analysis slots held
// by the stream's articles (no queue) another call is refused, and soon
// after the cancel the same call is served.
func TestBidiCancelFreesSlots(t *testing.T) {
	ts := mustStart(t, func(c *Config) { c.MaxInFlight, c.MaxQueue, c.MaxConcurrency = 2, -1, 2 })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stream, err := ts.client.AnalyzeArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if err := stream.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle(strconv.Itoa(i), "Held. "+slowMarker)}); err != nil {
			t.Fatal(err)
		}
		select {
		case <-ts.started:
		case <-time.After(20 * time.Second):
			t.Fatal("the slow article did not start")
		}
	}
	other := &articlev1.AnalyzeArticleRequest{Article: textArticle("", article)}
	if _, err := ts.client.AnalyzeArticle(ctxTimeout(t, 10*time.Second), other); status.Code(err) != codes.ResourceExhausted {
		t.Fatalf("with both slots held: %v, want RESOURCE_EXHAUSTED", err)
	}
	cancel()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		_, err := ts.client.AnalyzeArticle(ctxTimeout(t, 10*time.Second), other)
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("10 s after the stream's cancel: %v; its analyses still hold the slots", err)
		}
	}
}
