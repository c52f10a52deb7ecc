package gateway

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/protoadapt"

	"github.com/lector-nlp/lector/internal/service"
)

// errorHandler writes errors as google.rpc.Status JSON with the HTTP status
// of the gRPC code (runtime's table). Errors raised by the gateway itself
// (malformed JSON, a body over the limit, routing) carry no details; they
// get an ErrorInfo here, so every error body has a reason.
//
// Size limits map to 413 Content Too Large rather than runtime's 429, which
// would tell the caller to retry.
func errorHandler(ctx context.Context, mux *runtime.ServeMux, m runtime.Marshaler, w http.ResponseWriter, r *http.Request, err error) {
	st := annotate(ctx, err)
	noteReason(ctx, st)
	runtime.DefaultHTTPErrorHandler(ctx, mux, m, errorWriter(w, r, st), r, st.Err())
}

// errorWriter wraps w for the error st: the headers that go with it
// (errorHeaders) and the HTTP status where runtime's table is wrong for it.
func errorWriter(w http.ResponseWriter, r *http.Request, st *status.Status) http.ResponseWriter {
	w = &errorHeaders{ResponseWriter: w, st: st}
	switch reason := reasonOf(st); {
	case st.Code() == codes.ResourceExhausted && sizeReasons[reason]:
		w = &statusRewriter{ResponseWriter: w, from: http.StatusTooManyRequests, to: http.StatusRequestEntityTooLarge}
	case reason == "REQUEST_BODY_TIMEOUT":
		w.Header().Set("Connection", "close") // the rest of the body is not read
		w = &statusRewriter{ResponseWriter: w, from: http.StatusGatewayTimeout, to: http.StatusRequestTimeout}
	case reason == "METHOD_NOT_ALLOWED":
		// runtime's table has 501 Not Implemented for Unimplemented, which
		// says the server cannot do it at all: the path exists, with
		// another method (RFC 9110 15.5.6: 405 with Allow).
		w.Header().Set("Allow", allowedMethods(r.URL.Path))
		w = &statusRewriter{ResponseWriter: w, from: http.StatusNotImplemented, to: http.StatusMethodNotAllowed}
	}
	return w
}

// streamErrorHandler gives an error that ends an NDJSON stream the same
// details as any other error (an ErrorInfo reason and the request id):
// runtime's default wrote {"code":4,"message":"...","details":[]}.
//
// runtime writes the status line of an error that comes before the first
// message itself, from its own table, after this handler: the status is
// noted for streamStatus, which gives it the status and headers of
// errorHandler (an article over the limit was 429 instead of 413, and
// OVERLOADED came without Retry-After).
func streamErrorHandler(ctx context.Context, err error) *status.Status {
	st := annotate(ctx, err)
	noteReason(ctx, st)
	if c, ok := ctx.Value(callKey).(*call); ok {
		c.st = st
	}
	return st
}

// streamStatus is the ResponseWriter of an NDJSON stream: an error status
// line written by runtime (handleForwardResponseStreamError) goes through
// errorWriter with the status streamErrorHandler noted.
type streamStatus struct {
	http.ResponseWriter
	r   *http.Request
	p   *service.Pacer // the caller's pace, for the shutdown (see Config.Shutdown)
	cut bool           // the stream ended at shutdown with an error line

	// mu is held by each write and flush, and by end, which may come from
	// another goroutine (see streamEnd)
	mu      sync.Mutex
	midLine bool // a result line is written, its delimiter not yet
	end     streamEnd
}

// errorLine is how an error line of an NDJSON stream begins (runtime's
// errorChunk); a result line begins {"result":.
var errorLine = []byte(`{"error"`)

// Write writes a line of the stream (runtime writes each line and its
// delimiter apart). Once the shutdown has begun a result line that is not
// expected to get through before the connections close is not written:
// an error line, UNAVAILABLE, SHUTTING_DOWN (service.StreamCutStatus), is
// written in its place, and the stream ends: what runtime writes after is
// dropped, and its next receive reads the end of the stream
// (endCutStreams). (A failed write would end it too, but runtime logs
// one through grpclog, on stderr beside the server's JSON log.)
func (w *streamStatus) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cut {
		return len(b), nil
	}
	if w.p == nil || len(b) <= 1 || bytes.HasPrefix(b, errorLine) {
		w.midLine = false
		return w.ResponseWriter.Write(b) // the delimiter, or runtime's own error line
	}
	ctx := w.r.Context()
	if ok, left := w.p.Fits(len(b)+1, 0); !ok {
		var start time.Time
		if c, ok := ctx.Value(callKey).(*call); ok {
			start = c.start
		}
		st := service.StreamCutStatus(ctx, w.p, len(b)+1, left, start)
		noteReason(ctx, st)
		w.cut = true
		if c, ok := ctx.Value(callKey).(*call); ok {
			c.cut.Store(true)
		}
		if line, err := marshaler.Marshal(map[string]proto.Message{"error": st.Proto()}); err == nil {
			w.ResponseWriter.Write(append(line, '\n'))
		}
		return len(b), nil
	}
	n, err := pacedWrite(w.ResponseWriter, w.p, b)
	w.midLine = true
	if err == nil {
		w.p.Sent++
	}
	return n, err
}

// FlushError flushes the stream (runtime flushes after each line through
// http.ResponseController), but not once it has ended.
func (w *streamStatus) FlushError() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cut {
		return nil
	}
	return http.NewResponseController(w.ResponseWriter).Flush()
}

// endNow ends the stream at the stream end of the shutdown (see
// streamEnd), if it has written a line and not ended: an error line
// UNAVAILABLE, SHUTTING_DOWN after the lines written, and the end of the
// body.
func (w *streamStatus) endNow() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cut || w.end.done || w.p == nil || w.p.Sent == 0 {
		return
	}
	ctx := w.r.Context()
	_, w.end.left = w.p.Fits(0, 0)
	st := w.end.status(ctx, w.p)
	w.cut = true
	if c, ok := ctx.Value(callKey).(*call); ok {
		c.cut.Store(true)
	}
	line, err := marshaler.Marshal(map[string]proto.Message{"error": st.Proto()})
	if err != nil {
		return
	}
	if w.midLine {
		line = append([]byte("\n"), line...)
	}
	w.end.finish(w.ResponseWriter, w.r, append(line, '\n'))
}

// endCutStreams makes a stream call of the gateway read the end of the
// stream once its REST answer has ended at shutdown (see
// streamStatus.Write): runtime then returns, and the call is cancelled.
func endCutStreams(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
	cs, err := streamer(ctx, desc, cc, method, opts...)
	if err != nil {
		return cs, err
	}
	c, ok := ctx.Value(callKey).(*call)
	if !ok {
		return cs, nil
	}
	return &cutStream{ClientStream: cs, c: c}, nil
}

// cutStream is a client stream whose receives read the end of the stream
// once its call's answer has ended (call.cut).
type cutStream struct {
	grpc.ClientStream
	c *call
}

func (s *cutStream) RecvMsg(m any) error {
	if s.c.cut.Load() {
		return io.EOF
	}
	return s.ClientStream.RecvMsg(m)
}

// pacedWrite writes b to w in pieces of writeChunk, each counted in p when
// it ends: the end of a piece that waited for the caller is a point where
// the socket's buffers are full (see service.Pacer); a line of megabytes
// written whole gives one such point only after its end.
func pacedWrite(w io.Writer, p *service.Pacer, b []byte) (int, error) {
	n := 0
	for n < len(b) {
		chunk := b[n:min(len(b), n+writeChunk)]
		t := time.Now()
		m, err := w.Write(chunk)
		p.Wrote(m, time.Since(t))
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func (w *streamStatus) WriteHeader(code int) {
	if c, ok := w.r.Context().Value(callKey).(*call); ok && c.st != nil && code >= 400 {
		errorWriter(w.ResponseWriter, w.r, c.st).WriteHeader(code)
		return
	}
	w.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection's writer (Flush,
// write deadlines).
func (w *streamStatus) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// allowedMethods is the Allow header of an API path: GET for the
// capabilities, POST for the article methods.
func allowedMethods(path string) string {
	if path == "/v1/capabilities" {
		return "GET"
	}
	return "POST"
}

// sizeReasons are the reasons of errors about a size limit.
var sizeReasons = map[string]bool{"ARTICLE_TOO_LARGE": true, "REQUEST_TOO_LARGE": true, "BATCH_TOO_LARGE": true}

func reasonOf(st *status.Status) string {
	for _, d := range st.Details() {
		if ei, ok := d.(*errdetails.ErrorInfo); ok {
			return ei.Reason
		}
	}
	return ""
}

type statusRewriter struct {
	http.ResponseWriter
	from, to int
}

func (w *statusRewriter) WriteHeader(code int) {
	if code == w.from {
		code = w.to
	}
	w.ResponseWriter.WriteHeader(code)
}

// annotate adds an ErrorInfo to a status that has no details.
func annotate(ctx context.Context, err error) *status.Status {
	st := status.Convert(err)
	if len(st.Details()) > 0 {
		return st
	}
	code, msg := st.Code(), st.Message()
	reason, field := codeReason(code), ""
	switch {
	case code == codes.InvalidArgument && strings.Contains(msg, "request body too large"):
		code, reason = codes.ResourceExhausted, "REQUEST_TOO_LARGE"
		msg = "the request body is over the size limit of this server"
		if limit, ok := ctx.Value(bodyLimitKey).(int64); ok {
			msg = fmt.Sprintf("the request body is over %d bytes, the limit of this server for this method; "+
				"GetCapabilities reports the article limit (limits.maxArticleBytes)", limit)
		}
	case code == codes.InvalidArgument && strings.Contains(msg, "oneof") && strings.Contains(msg, "already set"):
		reason, field = "MULTIPLE_SOURCES", "article"
		msg = "the article sets more than one source; set exactly one of text, html or url"
	case strings.Contains(msg, errGzipExpansion.Error()):
		code, reason = codes.ResourceExhausted, "REQUEST_TOO_LARGE"
		msg = errGzipExpansion.Error()
	case strings.Contains(msg, errBodyTimeout.Error()):
		code, reason = codes.DeadlineExceeded, "REQUEST_BODY_TIMEOUT"
		msg = "the request body did not arrive in time: send it faster than 16 KiB/s, or within the read timeout of this server"
	case code == codes.InvalidArgument && strings.HasPrefix(msg, "invalid grpc-timeout"):
		// runtime.AnnotateContext's error, which went out as a body error
		reason = "INVALID_TIMEOUT"
		msg = "the Grpc-Timeout header is not a timeout: write a positive whole number of at most 8 digits and a unit, H, M, S, m (ms), u (µs) or n (ns), such as 30S"
	case code == codes.InvalidArgument && strings.Contains(msg, "invalid UTF-8"):
		reason = "INVALID_UTF8"
		// "(line 1:20): invalid UTF-8 in string" from protojson
		where := ""
		if b := bodyError(msg); strings.HasPrefix(b, "(line ") {
			if end := strings.IndexByte(b, ')'); end > 0 {
				where = " at " + b[1:end]
			}
		}
		if _, half, ok := strings.Cut(msg, "invalid UTF-8: "); ok && strings.Contains(half, "surrogate") {
			msg = "the request body is not valid Unicode" + where + ": " + half // loneSurrogate's
		} else {
			msg = "the request body is not valid UTF-8" + where + " (binary data, or text in another encoding: send UTF-8)"
		}
	case code == codes.InvalidArgument:
		reason = "MALFORMED_REQUEST"
		msg = malformedMessage(msg)
	case code == codes.Unimplemented && strings.Contains(msg, "Method Not Allowed"):
		reason = "METHOD_NOT_ALLOWED"
		msg = "this path takes another HTTP method; see the Allow header and /openapi.json"
	case code == codes.DeadlineExceeded:
		// the gateway's own deadline (a Grpc-Timeout header) ran out before
		// the server's answer came: grpc-go's message names the transport
		// ("context deadline exceeded", "stream terminated by RST_STREAM")
		msg = "the call's deadline (its Grpc-Timeout header) ran out before the server answered"
	case code == codes.NotFound && msg == "Not Found":
		msg = "no such API path; the API is described at /openapi.json"
	}
	out := status.New(code, msg)
	details := []protoadapt.MessageV1{&errdetails.ErrorInfo{Reason: reason, Domain: service.ErrorDomain}}
	if field != "" {
		details = append(details, &errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{{
			Field: field, Description: msg, Reason: reason}}})
	}
	if id := requestID(ctx); id != "" {
		details = append(details, &errdetails.RequestInfo{RequestId: id})
	}
	if d, err := out.WithDetails(details...); err == nil {
		out = d
	}
	return out
}

// codeReason is the ErrorInfo reason of an error that carries none: the
// name of its code in upper snake case, as the codes are written in
// google.rpc.Code ("DEADLINE_EXCEEDED", "NOT_FOUND"; "CANCELLED" with two
// Ls). strings.ToUpper of the Go name gave "DEADLINEEXCEEDED".
func codeReason(c codes.Code) string {
	if c == codes.Canceled {
		return "CANCELLED"
	}
	name := c.String()
	var b strings.Builder
	for i, r := range name {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// bodyError is a decoder's error message without the "proto: " and
// "syntax error " prefixes of protojson, which name the library rather
// than what is wrong.
func bodyError(msg string) string {
	const spaces = " \u00a0" // protobuf-go writes either after "proto:", on purpose
	if rest, ok := strings.CutPrefix(msg, "proto:"); ok {
		msg = strings.TrimLeft(rest, spaces)
	}
	if rest, ok := strings.CutPrefix(msg, "syntax error"); ok {
		msg = strings.TrimLeft(rest, spaces)
	}
	return msg
}

// malformedMessage says what a caller whose JSON body could not be read
// must fix: the decoder's own message, which has the line and column, after
// a sentence that says it is about the body, and for a publish time the
// forms it takes.
func malformedMessage(msg string) string {
	out := "the request body is not valid JSON for this method: " + bodyError(msg)
	switch {
	case msg == "unexpected EOF" || msg == "EOF":
		out = "the request body ends before its JSON is complete"
	case msg == errTrailingData.Error():
		out = msg
	case strings.Contains(msg, "google.protobuf.Timestamp"):
		out += `; publishTime takes RFC 3339 ("2024-03-14T09:30:00Z", "2024-03-14T09:30:00+01:00") or a date ("2024-03-14", read as UTC)`
	case strings.Contains(msg, "unknown field"):
		out += "; field names are the camelCase or snake_case names of the API (see /openapi.json)"
	case strings.Contains(msg, "invalid value for enum"):
		out += "; enum values are written in full, such as \"FEATURE_ENTITIES\" or \"ENCODING_TYPE_UTF16\""
	}
	return out
}
