package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// TestAdmissionLargeArticlesEveryPath sends large articles (600 kB of
// text: all the slots but one) at once through unary gRPC, the gRPC
// stream and the REST gateway, with news articles among them: every path
// goes through the engine's one limiter, so the large ones run one at a
// time, the news articles keep the slot they leave, and every call is
// answered (the queue wait is long: the test is about the weights, not
// the shedding).
func TestAdmissionLargeArticlesEveryPath(t *testing.T) {
	cfg, err := ParseFlags([]string{"--grpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0",
		"--max-in-flight", "4", "--max-queue", "16", "--max-queue-wait", "60s", "--log-level", "error"},
		func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var large, small, maxLarge, smallBesideLarge int
	srv.stages = append(srv.stages, lightStages()...)
	srv.stages = append(srv.stages, pipeline.Stage{Name: "work", Order: 15, Always: true,
		Load: func() (pipeline.RunFunc, error) {
			return func(ctx context.Context, st *pipeline.State) error {
				big := len(st.Request.Content) > 300<<10
				mu.Lock()
				if big {
					large++
					maxLarge = max(maxLarge, large)
				} else {
					small++
					if large > 0 {
						smallBesideLarge++
					}
				}
				mu.Unlock()
				d := 20 * time.Millisecond
				if big {
					d = 200 * time.Millisecond
				}
				select {
				case <-time.After(d):
				case <-ctx.Done():
				}
				mu.Lock()
				if big {
					large--
				} else {
					small--
				}
				mu.Unlock()
				return ctx.Err()
			}, nil
		}})
	runServer(t, srv)
	client := readyClient(t, srv)
	bigText := strings.Repeat("The ferry left the harbour at noon and came back empty. ", 600<<10/56)
	smallText := "The council approved the tram line on Tuesday."
	article := func(s string) *articlev1.Article { return &articlev1.Article{Source: &articlev1.Article_Text{Text: s}} }
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	calls := map[string]func(text string) error{
		"unary": func(text string) error {
			_, err := client.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{Article: article(text)})
			return err
		},
		"stream": func(text string) error {
			s, err := client.StreamAnalyzeArticle(ctx, &articlev1.StreamAnalyzeArticleRequest{Article: article(text)})
			if err != nil {
				return err
			}
			for {
				if _, err := s.Recv(); err == io.EOF {
					return nil
				} else if err != nil {
					return err
				}
			}
		},
		"rest": func(text string) error {
			code, e, b := restCall(t, http.DefaultClient, "POST", "http://"+srv.HTTPAddr()+"/v1/articles:analyze",
				`{"article":{"text":"`+text+`"}}`)
			if code != 200 {
				t.Errorf("REST: %d %s %.200s", code, e.reason(), b)
			}
			return nil
		},
	}
	var wg, bigs sync.WaitGroup
	for path, call := range calls {
		for range 2 {
			bigs.Go(func() {
				if err := call(bigText); err != nil {
					t.Errorf("%s, large: %v", path, err)
				}
			})
		}
	}
	bigsDone := make(chan struct{})
	go func() { bigs.Wait(); close(bigsDone) }()
	// news articles on every path until the large ones are done
	for path, call := range calls {
		wg.Go(func() {
			for {
				select {
				case <-bigsDone:
					return
				default:
				}
				if err := call(smallText); err != nil {
					t.Errorf("%s, news: %v", path, err)
					return
				}
			}
		})
	}
	wg.Wait()
	t.Logf("large articles at once: at most %d; news analyses started beside a large one: %d", maxLarge, smallBesideLarge)
	if maxLarge != 1 {
		t.Errorf("%d large articles ran at once; want 1", maxLarge)
	}
	if smallBesideLarge == 0 {
		t.Errorf("no news article ran beside a large one; want the slot it leaves used")
	}
}
