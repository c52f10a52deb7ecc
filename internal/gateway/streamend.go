package gateway

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"google.golang.org/grpc/status"

	"github.com/lector-nlp/lector/internal/service"
)

// streamEnd ends a REST stream at the stream end of the shutdown (see
// service.ShutdownClock.AtStreamEnd), from the clock's goroutine, while the
// stream's handler may be busy (marshalling a message of megabytes, waiting
// for the next part): the stream writes its error line or event
// UNAVAILABLE, SHUTTING_DOWN and ends its body then, as it would have at
// its next write. Before, the close came in the middle of such a marshal
// under the race detector and cut the body at a line, with no status and
// no end of the chunked body. The fields are guarded by the stream's lock.
type streamEnd struct {
	done bool           // the handler has returned: the stream ended on its own
	st   *status.Status // the status the stream ended with here
	left time.Duration  // the time left before the connections close, then
}

// status returns the status a stream paced by p ends with here (see
// service.StreamCutStatus), and keeps it for the access log.
func (e *streamEnd) status(ctx context.Context, p *service.Pacer) *status.Status {
	var start time.Time
	if c, ok := ctx.Value(callKey).(*call); ok {
		start = c.start
	}
	e.st = service.StreamCutStatus(ctx, p, 0, e.left, start)
	return e.st
}

// finish writes b, the last bytes of the body, and ends the body. On
// HTTP/1.x the connection is taken from the server (the handler is still
// running, so the server would end the body only once it returns): b goes
// out as the last chunk, then the end of the chunked body, and the
// connection closes (the server takes no more calls; the close waits for
// the bytes to reach the caller: see the server's lingerConn). Elsewhere
// (HTTP/2) b is written and flushed, and the body ends when the handler
// returns or at the close.
func (e *streamEnd) finish(w http.ResponseWriter, r *http.Request, b []byte) {
	rc := http.NewResponseController(w)
	if r.ProtoMajor == 1 && rc.Flush() == nil {
		if conn, buf, err := rc.Hijack(); err == nil {
			conn.SetWriteDeadline(time.Now().Add(max(e.left, 100*time.Millisecond)))
			if r.ProtoMinor >= 1 {
				fmt.Fprintf(buf, "%x\r\n%s\r\n0\r\n\r\n", len(b), b)
			} else {
				buf.Write(b)
			}
			buf.Flush()
			conn.Close()
			return
		}
	}
	w.Write(b)
	rc.Flush()
}

// ended records that the stream's handler has returned (call with the
// stream's lock held) and returns the status the stream ended with at the
// stream end (nil: none).
func (e *streamEnd) ended() *status.Status {
	e.done = true
	return e.st
}
