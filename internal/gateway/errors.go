package gateway

import (
	"context"
	"net/http"
	"strings"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
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
	w = &errorHeaders{ResponseWriter: w, st: st}
	if st.Code() == codes.ResourceExhausted && sizeReasons[reasonOf(st)] {
		w = &statusRewriter{ResponseWriter: w, from: http.StatusTooManyRequests, to: http.StatusRequestEntityTooLarge}
	}
	runtime.DefaultHTTPErrorHandler(ctx, mux, m, w, r, st.Err())
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
	reason, field := strings.ToUpper(code.String()), ""
	switch {
	case code == codes.InvalidArgument && strings.Contains(msg, "request body too large"):
		code, reason = codes.ResourceExhausted, "REQUEST_TOO_LARGE"
		msg = "the request body is over the size limit of this server"
	case code == codes.InvalidArgument && strings.Contains(msg, "oneof") && strings.Contains(msg, "already set"):
		reason, field = "MULTIPLE_SOURCES", "article"
		msg = "the article sets more than one source; set exactly one of text, html or url"
	case code == codes.InvalidArgument && strings.Contains(msg, "invalid UTF-8"):
		reason = "INVALID_UTF8"
	case code == codes.InvalidArgument:
		reason = "MALFORMED_REQUEST"
	case code == codes.Unimplemented && strings.Contains(msg, "Method Not Allowed"):
		reason = "METHOD_NOT_ALLOWED"
	case code == codes.Canceled:
		reason = "CANCELLED"
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
