package main

import (
	"io"
	"strconv"
	"sync"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/lector-nlp/lector/internal/service"
)

// drainStreams ends client-streaming calls (the bidirectional
// AnalyzeArticles) at shutdown: once shutdown is closed the handler's next
// receive, or the one it is waiting in, reads the end of the requests, as
// if the caller had closed its side, so the handler answers the articles
// it has taken and returns; the call then ends with UNAVAILABLE /
// SHUTTING_DOWN, which says from which request_index the caller should
// send again (on a new connection). Such a stream had gone on taking
// articles until --shutdown-timeout cut the connection, losing the results
// of those in flight at the cut without a word.
func drainStreams(shutdown <-chan struct{}) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		if !info.IsClientStream {
			return handler(srv, ss)
		}
		d := &drainStream{ServerStream: ss, shutdown: shutdown}
		err := handler(srv, d)
		if n, drained := d.result(); err == nil && drained {
			st := status.New(codes.Unavailable, "the server is shutting down: it answered the "+strconv.FormatInt(n, 10)+
				" requests it had read from this stream and read no more; send those from request_index "+strconv.FormatInt(n, 10)+
				" on again, on a new connection, with those answered UNAVAILABLE (SHUTTING_DOWN): still running when its shutdown timeout ran out")
			if det, derr := st.WithDetails(&errdetails.ErrorInfo{Reason: "SHUTTING_DOWN", Domain: service.ErrorDomain}, service.ShutdownRetryInfo()); derr == nil {
				st = det
			}
			return st.Err()
		}
		return err
	}
}

// drainStream is a server stream whose receives end at shutdown.
type drainStream struct {
	grpc.ServerStream
	shutdown <-chan struct{}
	mu       sync.Mutex
	n        int64 // requests handed to the handler
	drained  bool
}

func (d *drainStream) result() (int64, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.n, d.drained
}

func (d *drainStream) RecvMsg(m any) error {
	select {
	case <-d.shutdown:
		return d.drain()
	default:
	}
	// The receive runs beside the wait for shutdown. A receive left behind
	// at shutdown ends when the call does; its message, if one arrives, is
	// not handed on (it is one of those the caller sends again).
	done := make(chan error, 1)
	go func() { done <- d.ServerStream.RecvMsg(m) }()
	select {
	case err := <-done:
		if err == nil {
			d.mu.Lock()
			d.n++
			d.mu.Unlock()
		}
		return err
	case <-d.shutdown:
		return d.drain()
	}
}

func (d *drainStream) drain() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.drained = true
	return io.EOF
}
