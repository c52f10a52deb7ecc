package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/cputime"
)

// BenchmarkRefused measures the CPU time of the whole process (server and
// in-process client) per call refused as overloaded, over gRPC and over
// REST, with the 600-word article of the load test: one slot, no queue,
// and the slot held by a slow article, so every call is refused.
//
//	go test ./server -run '^$' -bench Refused -benchtime 2000x -count 5
func BenchmarkRefused(b *testing.B) {
	text, err := os.ReadFile("../internal/pipeline/testdata/bench_600.txt")
	if err != nil {
		b.Fatal(err)
	}
	ts := mustStart(b, func(c *Config) {
		c.MaxInFlight, c.MaxQueue, c.MaxArticleBytes = 1, -1, 1<<20
	})
	go ts.client.AnalyzeArticle(ctxTimeout(b, time.Minute), &articlev1.AnalyzeArticleRequest{Article: textArticle("", slowMarker)})
	<-ts.started
	body, _ := json.Marshal(map[string]any{"article": map[string]any{"text": string(text)}})
	req := &articlev1.AnalyzeArticleRequest{Article: textArticle("", string(text))}
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	url := ts.base + "/v1/articles:analyze"
	calls := map[string]func(){
		"grpc": func() {
			_, err := ts.client.AnalyzeArticle(ctxTimeout(b, 10*time.Second), req)
			if status.Code(err) != codes.ResourceExhausted {
				b.Fatalf("err = %v, want RESOURCE_EXHAUSTED", err)
			}
		},
		"rest": func() {
			r, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			resp, err := hc.Do(r)
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusTooManyRequests {
				b.Fatalf("status %d, want 429", resp.StatusCode)
			}
		},
	}
	for _, mode := range []string{"grpc", "rest"} {
		b.Run(mode, func(b *testing.B) {
			call := calls[mode]
			for range 20 {
				call()
			}
			cpu0 := cputime.Process()
			b.ResetTimer()
			for range b.N {
				call()
			}
			b.StopTimer()
			b.ReportMetric(float64((cputime.Process()-cpu0).Microseconds())/float64(b.N), "cpu-µs/call")
		})
	}
}
