package service

import (
	"context"
	"errors"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/protoadapt"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/lector-nlp/lector/internal/fetch"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// ErrorDomain is the ErrorInfo domain of every error Lector returns.
const ErrorDomain = "lector"

// codeOf maps each kind of error to its gRPC status code. It is the only
// place where Lector decides codes; the gateway maps codes to HTTP.
var codeOf = map[pipeline.Kind]codes.Code{
	pipeline.KindInternal:      codes.Internal,
	pipeline.KindInvalid:       codes.InvalidArgument,
	pipeline.KindTooLarge:      codes.ResourceExhausted,
	pipeline.KindOverloaded:    codes.ResourceExhausted,
	pipeline.KindUnimplemented: codes.Unimplemented,
	pipeline.KindUnavailable:   codes.Unavailable,
	pipeline.KindUpstream:      codes.FailedPrecondition,
	pipeline.KindCanceled:      codes.Canceled,
	pipeline.KindDeadline:      codes.DeadlineExceeded,
}

// defaultReason is the ErrorInfo reason of an error that has none.
var defaultReason = map[pipeline.Kind]string{
	pipeline.KindInternal:      "INTERNAL",
	pipeline.KindInvalid:       "INVALID_ARGUMENT",
	pipeline.KindTooLarge:      "LIMIT_EXCEEDED",
	pipeline.KindOverloaded:    "OVERLOADED",
	pipeline.KindUnimplemented: "UNIMPLEMENTED",
	pipeline.KindUnavailable:   "UNAVAILABLE",
	pipeline.KindUpstream:      "FETCH_FAILED",
	pipeline.KindCanceled:      "CANCELLED",
	pipeline.KindDeadline:      "DEADLINE_EXCEEDED",
}

// statusOf turns any error of the request path into the status the caller
// sees, following AIP-193: an ErrorInfo with a reason in the "lector"
// domain, a BadRequest field violation when a field is at fault, and the
// request id, and a RetryInfo when the server is overloaded. Internal errors
// are logged and replaced by a generic message.
func (s *Service) statusOf(ctx context.Context, op string, err error) *status.Status {
	if st, ok := status.FromError(err); ok && !isPipelineError(err) {
		return st // already a status, for example from the transport
	}
	kind := pipeline.KindOf(err)
	code := codeOf[kind]
	var pe *pipeline.Error
	errors.As(err, &pe)
	msg, reason, field, stage := "", "", "", ""
	if pe != nil {
		msg, reason, field, stage = pe.Msg, pe.Reason, pe.Field, pe.Stage
	}
	var md map[string]string // ErrorInfo metadata
	var fe *fetch.Error
	if pe != nil && errors.As(err, &fe) && fe.Msg != "" {
		// what went wrong with the page, not only its kind ("fetching the
		// article failed: unsupported content type" did not say which)
		msg = "fetching the article failed: " + fe.Msg
	}
	if reason == "" {
		reason = defaultReason[kind]
	}
	reqID := RequestID(ctx)
	switch kind {
	case pipeline.KindInternal:
		s.log.ErrorContext(ctx, "internal error", "op", op, "err", err, "request_id", reqID)
		msg = "internal error; the server logged the details under request id " + reqID
	case pipeline.KindDeadline:
		// which limit ran out, after how long, in which stage
		msg, md = deadlineMessage(ctx, stage)
	case pipeline.KindUnavailable:
		var why pipeline.Draining
		if reason == "SHUTTING_DOWN" && errors.As(err, &why) {
			// refused while the server drains: not expected to finish
			// before the cut (see pipeline.Engine.Drain)
			msg, md = drainMessage(ctx, string(why), stage)
		}
	case pipeline.KindCanceled:
		if c, ok := context.Cause(ctx).(shutdownCut); ok && ctx.Err() != nil {
			// the server stopped it (see WithShutdownCut), not the caller
			code, reason = codes.Unavailable, "SHUTTING_DOWN"
			msg, md = shutdownMessage(ctx, c, stage)
			break
		}
		if msg == "" {
			msg = err.Error()
		}
	default:
		if msg == "" {
			msg = kind.String()
		}
	}
	st := status.New(code, msg)
	details := []protoadapt.MessageV1{&errdetails.ErrorInfo{Reason: reason, Domain: ErrorDomain, Metadata: md}}
	if field != "" && (kind == pipeline.KindInvalid || kind == pipeline.KindTooLarge || kind == pipeline.KindUnimplemented) {
		details = append(details, &errdetails.BadRequest{FieldViolations: []*errdetails.BadRequest_FieldViolation{{
			Field: field, Description: msg, Reason: reason,
		}}})
	}
	var retry pipeline.RetryAfter
	if kind == pipeline.KindOverloaded && errors.As(err, &retry) {
		details = append(details, &errdetails.RetryInfo{RetryDelay: durationpb.New(time.Duration(retry))})
	}
	if reason == "SHUTTING_DOWN" {
		details = append(details, ShutdownRetryInfo())
	}
	if reqID != "" {
		details = append(details, &errdetails.RequestInfo{RequestId: reqID})
	}
	if withDetails, derr := st.WithDetails(details...); derr == nil {
		st = withDetails
	}
	return st
}

func isPipelineError(err error) bool {
	var pe *pipeline.Error
	return errors.As(err, &pe)
}
