package gateway

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/service"
)

// acceptsEventStream reports whether the request asks for Server-Sent Events.
func acceptsEventStream(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept") {
		for _, part := range strings.Split(v, ",") {
			mt, _, _ := strings.Cut(strings.TrimSpace(part), ";")
			if strings.EqualFold(strings.TrimSpace(mt), "text/event-stream") {
				return true
			}
		}
	}
	return false
}

// serveSSE streams the analysis of one article as Server-Sent Events: one
// event per stage, named after the part (source, language, syntax,
// entities, keyPhrases, ..., completion), whose data is the JSON of the
// StreamAnalyzeArticleResponse, flushed as soon as the stage is done. An
// error before the first event is an ordinary JSON error response; an
// error after it is an "error" event with a google.rpc.Status.
func (g *Gateway) serveSSE(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	req := &articlev1.StreamAnalyzeArticleRequest{}
	if err := marshaler.NewDecoder(r.Body).Decode(req); err != nil && !errors.Is(err, io.EOF) {
		runtime.HTTPError(ctx, g.mux, marshaler, w, r, status.Errorf(codes.InvalidArgument, "%v", err))
		return
	}
	actx, err := runtime.AnnotateContext(ctx, g.mux, r, articlev1.ArticleAnalysisService_StreamAnalyzeArticle_FullMethodName,
		runtime.WithHTTPPathPattern("/v1/articles:streamAnalyze"))
	if err != nil {
		runtime.HTTPError(ctx, g.mux, marshaler, w, r, err)
		return
	}
	stream, err := g.client.StreamAnalyzeArticle(actx, req)
	if err != nil {
		runtime.HTTPError(ctx, g.mux, marshaler, w, r, err)
		return
	}
	msg, err := stream.Recv()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = status.Error(codes.Internal, "the stream ended without a result")
		}
		runtime.HTTPError(ctx, g.mux, marshaler, w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	p := g.pacer(r)
	ss := &sseStream{w: w, r: r, p: p}
	stop := g.cfg.Shutdown.AtStreamEnd(ss.endNow)
	defer func() {
		stop()
		ss.mu.Lock()
		st := ss.end.ended()
		ss.mu.Unlock()
		if st != nil {
			noteReason(ctx, st)
		}
	}()
	for id := 1; ; id++ {
		data, err := marshaler.Marshal(msg)
		if err != nil {
			g.log.ErrorContext(ctx, "sse: marshal", "err", err, "request_id", requestID(ctx))
			return
		}
		ss.mu.Lock()
		if ss.cut { // ended at the stream end of the shutdown (see sseStream.endNow)
			ss.mu.Unlock()
			return
		}
		// at shutdown, an event that is not expected to get through
		// before the connections close is replaced by an error event
		// (see Config.Shutdown)
		if ok, left := p.Fits(len(data)+64, 0); !ok {
			var start time.Time
			if c, ok := ctx.Value(callKey).(*call); ok {
				start = c.start
			}
			st := service.StreamCutStatus(ctx, p, len(data)+64, left, start)
			noteReason(ctx, st)
			if data, err := marshaler.Marshal(st.Proto()); err == nil {
				writeEvent(w, rc, id, "error", data)
			}
			ss.cut = true
			ss.mu.Unlock()
			return
		}
		err = writeEvent(pacedWriter{w, p}, rc, id, eventName(msg), data)
		if err == nil {
			p.Sent++
			ss.id = id + 1
		}
		ss.mu.Unlock()
		if err != nil {
			return // the caller went away; the request context cancels the call
		}
		msg, err = stream.Recv()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			st := annotate(ctx, err)
			data, merr := marshaler.Marshal(st.Proto())
			ss.mu.Lock()
			if !ss.cut {
				noteReason(ctx, st)
				if merr == nil {
					writeEvent(w, rc, id+1, "error", data)
				}
				ss.cut = true
			}
			ss.mu.Unlock()
			return
		}
	}
}

// sseStream is the state of an event stream that the stream end of the
// shutdown may end from another goroutine (see streamEnd): its writes are
// made under mu.
type sseStream struct {
	w   http.ResponseWriter
	r   *http.Request
	p   *service.Pacer
	mu  sync.Mutex
	id  int  // the id of the next event
	cut bool // the stream has ended with an error event
	end streamEnd
}

// endNow ends the stream at the stream end of the shutdown, if it has sent
// an event and not ended: an error event UNAVAILABLE, SHUTTING_DOWN and the
// end of the body.
func (s *sseStream) endNow() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cut || s.end.done || s.p.Sent == 0 {
		return
	}
	_, s.end.left = s.p.Fits(0, 0)
	st := s.end.status(s.r.Context(), s.p)
	s.cut = true
	data, err := marshaler.Marshal(st.Proto())
	if err != nil {
		return
	}
	var b bytes.Buffer
	writeEvent(&b, nil, s.id, "error", data)
	s.end.finish(s.w, s.r, b.Bytes())
}

// pacedWriter writes through pacedWrite.
type pacedWriter struct {
	w io.Writer
	p *service.Pacer
}

func (w pacedWriter) Write(b []byte) (int, error) { return pacedWrite(w.w, w.p, b) }

// eventName is the JSON name of the part a stream message carries.
func eventName(m proto.Message) string {
	rm := m.ProtoReflect()
	od := rm.Descriptor().Oneofs().ByName("result")
	if od == nil {
		return "message"
	}
	if fd := rm.WhichOneof(od); fd != nil {
		return fd.JSONName()
	}
	return "message"
}

func writeEvent(w io.Writer, rc *http.ResponseController, id int, event string, data []byte) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "id: %d\nevent: %s\n", id, event)
	for _, line := range bytes.Split(data, []byte("\n")) {
		b.WriteString("data: ")
		b.Write(line)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	if _, err := w.Write(b.Bytes()); err != nil {
		return err
	}
	if rc == nil {
		return nil
	}
	return rc.Flush()
}
