package reqlog

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

const secret = "Zanzibar-Quokka-7731"

func requestID(context.Context) string { return "req-1" }

// recvStream is a server stream that receives one message holding text.
type recvStream struct {
	grpc.ServerStream
	text string
}

func (s *recvStream) Context() context.Context { return context.Background() }

func (s *recvStream) RecvMsg(m any) error {
	m.(*wrapperspb.StringValue).Value = s.text
	return nil
}

// TestInterceptors: request messages, article text included, are logged
// only at debug level, with the method and request id, and cut at 64 KB;
// at info level nothing of them reaches the log.
func TestInterceptors(t *testing.T) {
	tests := []struct {
		name    string
		level   slog.Level
		text    string
		logged  bool
		trunced bool
	}{
		{"info level logs nothing", slog.LevelInfo, "The " + secret + " story.", false, false},
		{"warn level logs nothing", slog.LevelWarn, "The " + secret + " story.", false, false},
		{"debug level logs the message", slog.LevelDebug, "The " + secret + " story.", true, false},
		{"a long message is cut", slog.LevelDebug, secret + strings.Repeat("x", 100<<10), true, true},
	}
	for _, tt := range tests {
		for _, kind := range []string{"unary", "stream"} {
			t.Run(tt.name+"/"+kind, func(t *testing.T) {
				var buf bytes.Buffer
				log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: tt.level}))
				msg := wrapperspb.String(tt.text)
				if kind == "unary" {
					h := func(ctx context.Context, req any) (any, error) { return nil, nil }
					UnaryServerInterceptor(log, requestID)(context.Background(), msg, &grpc.UnaryServerInfo{FullMethod: "/x.v1.S/Analyze"}, h)
				} else {
					h := func(srv any, ss grpc.ServerStream) error {
						var m wrapperspb.StringValue
						if err := ss.RecvMsg(&m); err != nil {
							return err
						}
						if !proto.Equal(&m, msg) {
							t.Errorf("the handler received %q", m.Value)
						}
						return nil
					}
					StreamServerInterceptor(log, requestID)(nil, &recvStream{text: tt.text}, &grpc.StreamServerInfo{FullMethod: "/x.v1.S/Analyze", IsClientStream: true}, h)
				}
				out := buf.String()
				if got := strings.Contains(out, secret); got != tt.logged {
					t.Fatalf("article text in the log: %v, want %v: %.300s", got, tt.logged, out)
				}
				if !tt.logged {
					if out != "" {
						t.Errorf("logged %q", out)
					}
					return
				}
				var rec map[string]any
				if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &rec); err != nil {
					t.Fatalf("one JSON record expected: %v: %.300s", err, out)
				}
				if rec["method"] != "/x.v1.S/Analyze" || rec["request_id"] != "req-1" || rec["truncated"] != tt.trunced {
					t.Errorf("record %v", rec)
				}
				if m, _ := rec["message"].(string); len(m) > maxLogged {
					t.Errorf("logged %d bytes of message, over %d", len(m), maxLogged)
				}
			})
		}
	}
}
