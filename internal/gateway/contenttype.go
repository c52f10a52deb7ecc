package gateway

import (
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
// UNSUPPORTED_MEDIA_TYPE, to a POST of the API whose body is not JSON.
func (g *Gateway) withContentType(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/v1/") && !jsonContentType(r.Header.Get("Content-Type")) {
			st := status.New(codes.InvalidArgument, "the request body must be JSON (Content-Type: application/json)")
			info := &errdetails.ErrorInfo{Reason: "UNSUPPORTED_MEDIA_TYPE", Domain: service.ErrorDomain,
				Metadata: map[string]string{"contentType": r.Header.Get("Content-Type")}}
			if d, err := st.WithDetails(info, &errdetails.RequestInfo{RequestId: requestID(r.Context())}); err == nil {
				st = d
			}
			noteReason(r.Context(), st)
			w = &statusRewriter{ResponseWriter: w, from: http.StatusBadRequest, to: http.StatusUnsupportedMediaType}
			runtime.DefaultHTTPErrorHandler(r.Context(), g.mux, marshaler, w, r, st.Err())
			return
		}
		next.ServeHTTP(w, r)
	})
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
