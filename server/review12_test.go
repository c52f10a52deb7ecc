package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestShutdownDrainsRESTBody: a REST call whose body is still arriving when
// the server is told to stop (SIGTERM) was accepted and must be answered:
// the HTTP server waits for it, so the gateway's in-memory gRPC server must
// still take its call once the body is in. Before, both gRPC servers were
// stopped gracefully at once with the HTTP server, and the call's gRPC
// stream on the in-memory connection was refused (503 UNAVAILABLE).
func TestShutdownDrainsRESTBody(t *testing.T) {
	ts := mustStart(t, nil)
	body := `{"article":{"text":"Accepted before the stop. It must be answered."}}`
	c, err := net.Dial("tcp", ts.HTTPAddr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /v1/articles:analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:20])
	time.Sleep(200 * time.Millisecond) // the request is in the handler, reading its body
	ts.stop()                          // as SIGTERM does
	<-ts.Server.shutdown
	time.Sleep(300 * time.Millisecond)
	if _, err := io.WriteString(c, body[20:]); err != nil {
		t.Fatal(err)
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("no answer to an accepted call: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.Contains(string(b), "sentences") {
		t.Fatalf("accepted call answered %d during graceful shutdown: %.300s", resp.StatusCode, b)
	}
}
