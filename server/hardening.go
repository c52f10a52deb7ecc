package main

import (
	"context"
	"crypto/tls"
	"errors"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/peer"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/auth"
	"github.com/lector-nlp/lector/internal/idle"
	"github.com/lector-nlp/lector/internal/metrics"
	"github.com/lector-nlp/lector/internal/ratelimit"
	"github.com/lector-nlp/lector/internal/reqlog"
	"github.com/lector-nlp/lector/internal/service"
	"github.com/lector-nlp/lector/internal/tlsconf"
	"github.com/lector-nlp/lector/internal/tracing"
)

// hardening is the security and observability layer around the service
// (issue 9): metrics, API keys, per-client limits, idle streams, TLS.
type hardening struct {
	grpcOpts []grpc.ServerOption
	httpTLS  *tls.Config // nil: plain HTTP
	loopTLS  *tls.Config // how the gateway dials gRPC; nil: plaintext
	metrics  *metrics.Metrics
	tracing  *tracing.Tracing // nil without --otlp-endpoint
	// relays are the gateway's connections to the gRPC server: only on
	// them (and from --trusted-proxies) is x-forwarded-for believed.
	relays *ratelimit.Relays
	// clients names the client of a call for the limits and the logs.
	clients ratelimit.Clients
	// grpcLis is the gRPC listener, counting each connection's bytes for
	// the write timeout
	grpcLis *idle.Listener
}

// engine wraps the analysis engine with metrics and, when on, tracing.
func (h *hardening) engine(e service.Analyzer) service.Analyzer {
	if h.tracing != nil {
		e = h.tracing.Engine(e)
	}
	return h.metrics.Engine(e)
}

// close flushes the spans still buffered.
func (h *hardening) close() {
	if h.tracing != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		h.tracing.Shutdown(ctx)
	}
}

// hardening builds the layer from the configuration. Its interceptors run
// inside the service's (request id, log, recovery, deadline), in the order
// transport timeouts, metrics, API key, per-client limits, debug request
// log, idle streams, so a refused call is logged with its request id and
// counted.
func (s *Server) hardening() (*hardening, error) {
	h := &hardening{metrics: metrics.New(), relays: ratelimit.NewRelays()}
	h.clients = ratelimit.Clients{TrustedProxies: s.cfg.TrustedProxies, Relay: h.relays.Has}
	// the read and write timeouts of the transport: the read timer starts in
	// the tap, before the request message is read; the interceptors stop it
	// once the message is in and time each message a stream sends
	h.grpcLis = idle.NewListener(s.grpcLis)
	timeouts := idle.Timeouts{Read: s.cfg.GRPCReadTimeout, Write: s.cfg.WriteTimeout, Log: s.log, Conns: h.grpcLis}
	h.grpcOpts = append(h.grpcOpts, grpc.InTapHandle(timeouts.TapHandle))
	unary := []grpc.UnaryServerInterceptor{timeouts.UnaryServerInterceptor(), h.metrics.UnaryServerInterceptor()}
	stream := []grpc.StreamServerInterceptor{timeouts.StreamServerInterceptor(), h.metrics.StreamServerInterceptor()}
	switch {
	case s.cfg.TLSCert != "" || s.cfg.TLSKey != "":
		b, err := tlsconf.Load(s.cfg.TLSCert, s.cfg.TLSKey, s.cfg.TLSClientCA)
		if err != nil {
			return nil, err
		}
		h.grpcOpts = append(h.grpcOpts, grpc.Creds(credentials.NewTLS(b.Server)))
		h.httpTLS, h.loopTLS = b.Server.Clone(), b.Loopback
	case s.cfg.TLSClientCA != "":
		return nil, errors.New("--tls-client-ca needs --tls-cert and --tls-key")
	}
	if s.cfg.OTLPEndpoint != "" {
		t, err := tracing.New(context.Background(), tracing.Config{Endpoint: s.cfg.OTLPEndpoint, Insecure: s.cfg.OTLPInsecure, Version: version})
		if err != nil {
			return nil, err
		}
		h.tracing = t
		h.grpcOpts = append(h.grpcOpts, t.ServerOption())
	}
	if s.cfg.APIKeysFile != "" {
		keys, err := auth.LoadKeys(s.cfg.APIKeysFile, service.ErrorDomain)
		if err != nil {
			return nil, err
		}
		unary = append(unary, keys.UnaryServerInterceptor())
		stream = append(stream, keys.StreamServerInterceptor())
	}
	if s.cfg.RateLimit > 0 || s.cfg.MaxStreamsPerClient > 0 {
		l := ratelimit.New(ratelimit.Config{
			Rate: float64(s.cfg.RateLimit), Burst: s.cfg.RateBurst, MaxStreams: s.cfg.MaxStreamsPerClient,
			Cost: requestCost, Exempt: auth.Open, Domain: service.ErrorDomain,
			Clients: h.clients,
		})
		unary = append(unary, l.UnaryServerInterceptor())
		stream = append(stream, l.StreamServerInterceptor())
	}
	if s.cfg.LogArticleText {
		s.log.Warn("--log-article-text: request messages, article text included, are logged at debug level")
		unary = append(unary, reqlog.UnaryServerInterceptor(s.log, service.RequestID))
		stream = append(stream, reqlog.StreamServerInterceptor(s.log, service.RequestID))
	}
	stream = append(stream, idle.StreamServerInterceptor(s.cfg.StreamIdleTimeout, service.ErrorDomain), drainStreams(s.shutdown))
	h.grpcOpts = append(h.grpcOpts, grpc.ChainUnaryInterceptor(unary...), grpc.ChainStreamInterceptor(stream...))
	return h, nil
}

// requestCost is what a call counts for in the per-client rate limit: a
// batch counts its articles.
func requestCost(req any) int {
	if b, ok := req.(*articlev1.BatchAnalyzeArticlesRequest); ok {
		return max(1, len(b.GetRequests()))
	}
	return 1
}

// relayed reports whether a call came through the server's own gateway,
// whose HTTP access line already logs it.
func (h *hardening) relayed(ctx context.Context) bool {
	p, ok := peer.FromContext(ctx)
	return ok && p.Addr != nil && h.relays.Has(p.Addr)
}
