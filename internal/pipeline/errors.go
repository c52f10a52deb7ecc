package pipeline

import (
	"context"
	"errors"
	"strings"
)

// Kind is the class of an error. The service maps each Kind to one status
// code in a single table.
type Kind int

// The kinds of error. The zero Kind is KindInternal, so an error of unknown
// kind is never blamed on the caller.
const (
	KindInternal      Kind = iota // a bug or an unexpected failure; details are logged, never returned
	KindInvalid                   // the request is malformed: empty article, invalid UTF-8, two sources...
	KindTooLarge                  // the request is over a limit: article bytes, batch size
	KindOverloaded                // the server is too busy to take the work now
	KindUnimplemented             // the server does not support what was asked (yet)
	KindUnavailable               // a needed part of the server cannot run now
	KindUpstream                  // fetching the article from its site failed
	KindCanceled                  // the caller cancelled
	KindDeadline                  // the caller's deadline passed
)

var kindNames = [...]string{
	KindInternal:      "internal",
	KindInvalid:       "invalid",
	KindTooLarge:      "too large",
	KindOverloaded:    "overloaded",
	KindUnimplemented: "unimplemented",
	KindUnavailable:   "unavailable",
	KindUpstream:      "upstream",
	KindCanceled:      "canceled",
	KindDeadline:      "deadline exceeded",
}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Error is the one error type of Lector's request path.
//
// Msg, Reason and Field are meant for the caller; Err is the underlying
// cause, which is logged but never returned to the caller.
type Error struct {
	Kind   Kind
	Op     string // the operation that failed, such as "pipeline.source"
	Reason string // stable UPPER_SNAKE_CASE reason, such as "EMPTY_ARTICLE"
	Field  string // the request field at fault, such as "article.text"; may be empty
	Msg    string // a message safe to show the caller
	Err    error  // the underlying cause; may be nil
	// Stage is, for a deadline or a cancel (KindDeadline, KindCanceled),
	// what the analysis was doing when it stopped: a stage's name, or
	// StageQueue or StageFetch; empty when unknown.
	Stage string
}

// The Stage of an analysis stopped before its stages ran.
const (
	StageQueue      = "queue"       // waiting for an analysis slot
	StageFetchQueue = "fetch-queue" // waiting for a fetch slot (URL sources)
	StageFetch      = "fetch"       // fetching the article's URL
)

func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	if e.Msg != "" {
		b.WriteString(e.Msg)
	} else {
		b.WriteString(e.Kind.String())
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf is a shorthand for an *Error without a cause.
func Errorf(kind Kind, reason, field, msg string) *Error {
	return &Error{Kind: kind, Reason: reason, Field: field, Msg: msg}
}

// KindOf returns the Kind of err: the Kind of the first *Error in its chain,
// KindCanceled or KindDeadline for context errors, KindInternal otherwise.
func KindOf(err error) Kind {
	var e *Error
	switch {
	case errors.As(err, &e):
		return e.Kind
	case errors.Is(err, context.Canceled):
		return KindCanceled
	case errors.Is(err, context.DeadlineExceeded):
		return KindDeadline
	}
	return KindInternal
}

// ctxError wraps a context error as an *Error of the matching kind; stage
// is what the analysis was doing (Error.Stage).
func ctxError(op, stage string, err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return &Error{Kind: KindDeadline, Op: op, Reason: "DEADLINE_EXCEEDED", Msg: "the deadline passed before the analysis finished", Err: err, Stage: stage}
	}
	return &Error{Kind: KindCanceled, Op: op, Reason: "CANCELLED", Msg: "the call was cancelled", Err: err, Stage: stage}
}
