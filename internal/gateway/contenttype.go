package gateway

import (
	"compress/gzip"
	"errors"
	"io"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/lector-nlp/lector/internal/service"
)

// jsonContentType reports whether a request body of media type ct is read
// as JSON. An absent type and application/x-www-form-urlencoded (what
// `curl -d` sends) are read as JSON too, so the documented curl examples
// work; any other type (text/plain, multipart/form-data, XML, binary) is
// refused, which also keeps browsers from posting to the API cross-origin
// without a CORS preflight.
func jsonContentType(ct string) bool {
	if strings.TrimSpace(ct) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "application/json" || mt == "application/x-www-form-urlencoded" ||
		strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")
}

// withContentType answers 415 Unsupported Media Type, with the reason
// UNSUPPORTED_MEDIA_TYPE, to a POST of the API whose body is not JSON or
// comes in a Content-Encoding other than gzip; a gzip body is decompressed.
func (g *Gateway) withContentType(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		api := r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/v1/")
		if v, ok := r.Header["Grpc-Timeout"]; ok && strings.HasPrefix(r.URL.Path, "/v1/") && !validTimeout(v[0]) {
			// runtime takes 0 for no deadline at all and any number of
			// digits; the message of INVALID_TIMEOUT (annotate) says what
			// gRPC's protocol does
			st := status.New(codes.InvalidArgument, "invalid grpc-timeout: "+strconv.Quote(v[0]))
			runtime.HTTPError(r.Context(), g.mux, marshaler, w, r, st.Err())
			return
		}
		enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding")))
		if api && enc != "" && enc != "identity" && enc != "gzip" && enc != "x-gzip" {
			// It was ignored: a compressed body failed as "invalid character
			// '\x1f'", and a plain one that claimed an encoding was read.
			g.refuseMediaType(w, r, "the request body's Content-Encoding "+strconv.Quote(enc)+" is not supported; send it as is or gzip",
				map[string]string{"contentEncoding": enc})
			return
		}
		if api && (enc == "gzip" || enc == "x-gzip") && r.Body != nil {
			cr := &countingReader{r: r.Body}
			zr, err := gzip.NewReader(cr)
			if err != nil {
				g.refuseMediaType(w, r, "the request body is not gzip data, as its Content-Encoding says", map[string]string{"contentEncoding": enc})
				return
			}
			// the body limit (withBodyLimit, inside) counts the bytes
			// after decompression
			r.Body = struct {
				io.Reader
				io.Closer
			}{&expansionGuard{zr: zr, in: cr, free: g.cfg.MaxBodyBytes}, r.Body}
			r.ContentLength = -1
			r.Header.Del("Content-Encoding")
		}
		if api && !jsonContentType(r.Header.Get("Content-Type")) {
			g.refuseMediaType(w, r, "the request body must be JSON (Content-Type: application/json)",
				map[string]string{"contentType": r.Header.Get("Content-Type")})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// refuseMediaType answers 415 Unsupported Media Type with the reason
// UNSUPPORTED_MEDIA_TYPE.
func (g *Gateway) refuseMediaType(w http.ResponseWriter, r *http.Request, msg string, md map[string]string) {
	st := status.New(codes.InvalidArgument, msg)
	info := &errdetails.ErrorInfo{Reason: "UNSUPPORTED_MEDIA_TYPE", Domain: service.ErrorDomain, Metadata: md}
	if d, err := st.WithDetails(info, &errdetails.RequestInfo{RequestId: requestID(r.Context())}); err == nil {
		st = d
	}
	noteReason(r.Context(), st)
	w = &statusRewriter{ResponseWriter: w, from: http.StatusBadRequest, to: http.StatusUnsupportedMediaType}
	runtime.DefaultHTTPErrorHandler(r.Context(), g.mux, marshaler, w, r, st.Err())
}

// errorHeaders adds the HTTP headers that go with some errors as the
// status line is written: a WWW-Authenticate challenge on 401 (RFC 9110;
// the runtime would put the message there), Retry-After (whole seconds,
// rounded up) when the status carries a RetryInfo.
type errorHeaders struct {
	http.ResponseWriter
	st *status.Status
}

func (w *errorHeaders) WriteHeader(code int) {
	if w.st.Code() == codes.Unauthenticated {
		w.Header().Set("WWW-Authenticate", `Bearer realm="lector"`)
	}
	for _, d := range w.st.Details() {
		if ri, ok := d.(*errdetails.RetryInfo); ok && ri.GetRetryDelay() != nil {
			secs := int64(math.Ceil(ri.GetRetryDelay().AsDuration().Seconds()))
			w.Header().Set("Retry-After", strconv.FormatInt(max(secs, 1), 10))
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

// gzipMaxRatio is the most a gzip request body may expand, in bytes of JSON
// per compressed byte, beyond the single-article body limit. JSON of news
// text compresses 3-4 times (100 Reuters or BBC articles in one batch:
// 3.6, 2.7), text escaped by an ASCII-only encoder some ten times; a
// deflate stream can expand about 1,000 times. Without a bound a
// 400 KB gzip batch (100 articles of 1 MB of "a") was decompressed up to
// the batch body limit (212 MB by default) and took the server from 290 to
// 585 MB resident; three at once, to 1.17 GB.
const gzipMaxRatio = 32

// errGzipExpansion is the error of a gzip body that expands more than
// gzipMaxRatio times; the error handler answers it with 413,
// REQUEST_TOO_LARGE.
var errGzipExpansion = errors.New("the gzip request body expands more than " + strconv.Itoa(gzipMaxRatio) +
	" times (a compression bomb?); send it uncompressed or in smaller batches")

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// expansionGuard reads a gzip body and fails with errGzipExpansion once
// it has given more than free bytes and more than gzipMaxRatio times the
// compressed bytes read (in).
type expansionGuard struct {
	zr   io.Reader
	in   *countingReader
	free int64
	out  int64
}

func (g *expansionGuard) Read(p []byte) (int, error) {
	if g.out > g.free && g.out > gzipMaxRatio*g.in.n {
		return 0, errGzipExpansion
	}
	n, err := g.zr.Read(p)
	g.out += int64(n)
	return n, err
}

// validTimeout reports whether v is a Grpc-Timeout value as gRPC's
// protocol defines it: a positive whole number of at most 8 digits and a
// unit (H, M, S, m, u or n).
func validTimeout(v string) bool {
	if len(v) < 2 || len(v) > 9 || !strings.ContainsRune("HMSmun", rune(v[len(v)-1])) {
		return false
	}
	positive := false
	for _, c := range []byte(v[:len(v)-1]) {
		if c < '0' || c > '9' {
			return false
		}
		positive = positive || c != '0'
	}
	return positive
}
