package main

import (
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// TestShutdownEndsBidiStream: at SIGTERM a bidirectional stream that the
// caller keeps open answers the articles it has taken (the one in flight
// included), takes no more, and ends with UNAVAILABLE / SHUTTING_DOWN,
// saying from which request_index the caller should send again. It had
// gone on taking and analysing articles until --shutdown-timeout cut the
// connection, losing the results of the articles in flight at the cut with
// nothing to say which; and every shutdown with such a stream open took
// the whole timeout.
func TestShutdownEndsBidiStream(t *testing.T) {
	ts := mustStart(t, nil) // --shutdown-timeout 5s
	ctx := ctxTimeout(t, 20*time.Second)
	stream, err := ts.client.AnalyzeArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	send := func(id, text string) {
		t.Helper()
		if err := stream.Send(&articlev1.AnalyzeArticlesRequest{Article: textArticle(id, text)}); err != nil {
			t.Fatal(err)
		}
	}
	send("0", "The first article is quick.")
	if r, err := stream.Recv(); err != nil || r.GetArticleId() != "0" || r.GetError() != nil {
		t.Fatalf("first result: %v %v", r, err)
	}
	send("1", "The second is in flight at the shutdown. "+slowMarker)
	<-ts.started
	start := time.Now()
	ts.stop() // as SIGTERM does
	<-ts.Server.shutdown
	time.Sleep(100 * time.Millisecond)
	send("2", "The third comes after the shutdown began.")
	time.Sleep(100 * time.Millisecond)
	close(ts.release)

	var got []string
	for {
		r, err := stream.Recv()
		if err != nil {
			st := status.Convert(err)
			if st.Code() != codes.Unavailable || reason(st) != "SHUTTING_DOWN" || !strings.Contains(st.Message(), "request_index 2") {
				t.Errorf("stream ended with %v %q %q, want UNAVAILABLE SHUTTING_DOWN naming request_index 2", st.Code(), reason(st), st.Message())
			}
			break
		}
		got = append(got, r.GetArticleId())
	}
	if len(got) != 1 || got[0] != "1" {
		t.Errorf("results after the shutdown began: %v, want the one in flight (1) only", got)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the stream ended %v after the shutdown began (shutdown timeout 5s)", d)
	}
	select {
	case err := <-ts.done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
		ts.done <- nil // for the cleanup
	case <-time.After(3 * time.Second):
		t.Errorf("the server had not stopped 3 s after the stream ended")
	}
}
