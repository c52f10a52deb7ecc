package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/reflection"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/fetch"
	"github.com/lector-nlp/lector/internal/gateway"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/service"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// Server is a running Lector: the gRPC server and the HTTP gateway.
type Server struct {
	cfg      Config
	log      *slog.Logger
	grpcLis  net.Listener
	httpLis  net.Listener
	ready    atomic.Bool
	stages   []pipeline.Stage      // nil: the registered stages; tests add their own
	shutdown chan struct{}         // closed when shutdown begins (tests)
	conns    map[string]*connLimit // "gRPC", "HTTP": the --max-conns limits; none when off

	// analyzer, when set, replaces the engine the service runs (tests:
	// BenchmarkTransport answers every call with one stored analysis)
	analyzer func(service.Analyzer) service.Analyzer
}

// New binds the listeners, so the addresses are known before Run.
func New(cfg Config, log *slog.Logger) (*Server, error) {
	gl, err := net.Listen("tcp", cfg.GRPCAddr)
	if err != nil {
		return nil, fmt.Errorf("listen gRPC: %w", err)
	}
	hl, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		gl.Close()
		return nil, fmt.Errorf("listen HTTP: %w", err)
	}
	s := &Server{cfg: cfg, log: log, grpcLis: gl, httpLis: hl, shutdown: make(chan struct{}), conns: map[string]*connLimit{}}
	if cfg.MaxConns > 0 {
		// below TLS (gRPC's credentials and ServeTLS wrap these listeners)
		// a refused connection can only be closed
		refuseG, refuseH := refuseGRPC, refuseHTTP
		if cfg.TLSCert != "" || cfg.TLSKey != "" {
			refuseG, refuseH = nil, nil
		}
		g := limitConns(gl, cfg.MaxConns, "gRPC", refuseG, log)
		h := limitConns(hl, cfg.MaxConns, "HTTP", refuseH, log)
		h.idle, g.idle = newIdleConns(), newGRPCIdle()
		s.grpcLis, s.httpLis, s.conns["gRPC"], s.conns["HTTP"] = g, h, g, h
	}
	return s, nil
}

// connLimit returns the --max-conns limit of the named listener (nil: none).
func (s *Server) connLimit(name string) *connLimit { return s.conns[name] }

// GRPCAddr and HTTPAddr return the bound addresses.
func (s *Server) GRPCAddr() string { return s.grpcLis.Addr().String() }
func (s *Server) HTTPAddr() string { return s.httpLis.Addr().String() }

// limits derives the message and body limits from the article limit: a
// gRPC message may carry a full batch; an HTTP body may spend up to three
// times the article limit on JSON escapes, as an encoder that writes only
// ASCII does for a text in any script (Python's json.dumps by default:
// "\u0436" for the two bytes of "ж", a surrogate pair of twelve bytes for
// the four of an emoji), so every article within the limit fits in its
// body. Twice the limit refused a 1 MB Russian or Greek article sent that
// way with REQUEST_TOO_LARGE although the article itself was within it.
func (s *Server) limits() (grpcMsg int, body, batchBody int64) {
	const slack = 1 << 20
	art := int64(s.cfg.MaxArticleBytes)
	// an HTML source may be as large as the page limit (Limits.max_html_bytes,
	// which gRPC takes): with the article limit alone a REST body refused a
	// 4 MB page that GetCapabilities said was accepted
	body = jsonEscapeFactor*max(art, int64(s.maxHTMLBytes())) + 64<<10
	// a gRPC message holds any request a REST body can (the gateway relays
	// it), so the service, not the transport, says what is too large
	msg := min(max(art*int64(s.cfg.MaxBatch), body)+slack, 1<<30)
	// a batch keeps its cap of twice the largest gRPC message: escapes as
	// heavy as above in every article of a full batch are not worth
	// letting one body hold 300 MB
	batchBody = min(body*int64(s.cfg.MaxBatch), 2*int64(msg))
	return int(msg), body, batchBody
}

// maxHTMLBytes is the largest HTML source accepted: the page limit, as for
// a page fetched from a URL, and never less than the article limit.
func (s *Server) maxHTMLBytes() int { return max(s.cfg.MaxPageBytes, s.cfg.MaxArticleBytes) }

// jsonEscapeFactor is the largest ratio of a JSON string's bytes to the
// UTF-8 bytes of the text it holds, for text the service accepts (control
// characters, which escape to six bytes each, are refused anyway).
const jsonEscapeFactor = 3

// Run loads the pipeline, serves gRPC and HTTP until ctx is done, then
// shuts down gracefully: health turns NOT_SERVING, listeners close and
// in-flight calls and streams get ShutdownTimeout to finish before they
// are cut. It returns nil after a clean shutdown.
func (s *Server) Run(ctx context.Context) error {
	start := time.Now()
	engine, err := pipeline.New(pipeline.Config{
		Stages: s.stages, MaxTextBytes: s.cfg.MaxArticleBytes, MaxInFlight: s.cfg.MaxInFlight,
		MaxQueue: s.cfg.MaxQueue, MaxQueueLargeBytes: s.cfg.MaxQueueLarge, MaxWait: s.cfg.MaxQueueWait, MaxFetches: s.cfg.MaxFetches, StageBatch: s.cfg.StageBatch, Logger: s.log,
		Fetch: fetch.Options{MaxBytes: int64(s.cfg.MaxPageBytes), Timeout: s.cfg.FetchTimeout, Allow: s.cfg.FetchAllow},
	})
	if err != nil {
		s.grpcLis.Close()
		s.httpLis.Close()
		return err
	}
	hard, err := s.hardening()
	if err != nil {
		s.grpcLis.Close()
		s.httpLis.Close()
		return err
	}
	defer hard.close()
	var eng service.Analyzer = engine
	if s.analyzer != nil {
		eng = s.analyzer(eng)
	}
	svc := service.New(service.Config{
		Engine: hard.engine(eng), Logger: s.log, MaxArticleBytes: s.cfg.MaxArticleBytes, MaxHTMLBytes: s.maxHTMLBytes(),
		MaxBatch: s.cfg.MaxBatch, MaxConcurrency: s.streamConcurrency(), Version: version,
	})
	grpcMsg, body, batchBody := s.limits()
	// cut stops the calls still running a little before the shutdown
	// timeout runs out, so that each is answered (see shutdownGrace)
	cut, cutCalls := context.WithCancel(context.Background())
	defer cutCalls()
	// the time the connections close, once the shutdown has begun: the
	// streams send no message that would not get through by then
	// (and the streams still going half the grace before that end with
	// their status, whatever they are doing: see AtStreamEnd)
	clock := &service.ShutdownClock{Timeout: s.cfg.ShutdownTimeout, StreamEnd: shutdownGrace(s.cfg.ShutdownTimeout) / 2, ConnOf: func(ctx context.Context) service.ConnWriter {
		if c := hard.grpcLis.Conn(ctx); c != nil {
			return c
		}
		return nil
	}}
	// the connections closed at shutdown close once their answers are
	// through, by the shutdown timeout (see lingerConn)
	linger := &lingering{clock: clock}
	opts := append(service.ServerOptions(s.log, s.cfg.RequestTimeout, service.WithClient(hard.clients.Of), service.WithRelayed(hard.relayed),
		service.WithShutdownCut(cut, s.cfg.ShutdownTimeout), service.WithShutdownClock(clock)),
		grpc.MaxRecvMsgSize(grpcMsg),
		grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: 10 * time.Second, PermitWithoutStream: true}),
		// ping quiet connections so dead peers free their streams; close
		// (GOAWAY) live ones that make no call for the stream idle timeout,
		// which a caller that answers pings otherwise kept for ever
		grpc.KeepaliveParams(keepalive.ServerParameters{Time: time.Minute, Timeout: 20 * time.Second, MaxConnectionIdle: s.cfg.StreamIdleTimeout}),
		// a new connection's TLS and HTTP/2 handshake (grpc-go's default: 120 s)
		grpc.ConnectionTimeout(s.handshakeTimeout()),
		// Calls run on long-lived workers, whose stacks have grown to what an
		// analysis needs, instead of a new goroutine each, whose stack grew
		// and was copied several times per call (runtime.copystack, 1.1 % of
		// the server's CPU at concurrency 8). A call that finds every worker
		// busy gets its own goroutine, as before.
		grpc.NumStreamWorkers(uint32(streamWorkersPerSlot*s.streamConcurrency())),
	)
	opts = append(opts, hard.grpcOpts...)
	// External callers get at most maxStreamsPerConn calls at once per
	// connection (grpc-go advertises no limit: one connection opened 300
	// streams, each a goroutine and up to a whole message, measured); the
	// gateway's in-memory connection carries every REST call and has its
	// own server without the cap.
	external := []grpc.ServerOption{grpc.MaxConcurrentStreams(maxStreamsPerConn)}
	if l := s.conns["gRPC"]; l != nil {
		// the calls in progress per connection, for --max-conns
		external = append(external, grpc.StatsHandler(l.idle.(*grpcIdle)))
	}
	gs := grpc.NewServer(slices.Concat(opts, external)...)
	gsPipe := grpc.NewServer(opts...)
	hs := health.NewServer()
	wire := svc.Wire()
	for _, g := range []*grpc.Server{gs, gsPipe} {
		articlev1.RegisterArticleAnalysisServiceServer(g, wire)
		healthpb.RegisterHealthServer(g, hs)
		reflection.Register(g)
		hard.metrics.InitializeMetrics(g)
	}

	// The gateway reaches the gRPC server in memory (gateway.Pipe): over
	// TCP loopback each REST call waited for the network poller at every
	// hop. External gRPC clients keep the TCP listener.
	pipe := gateway.NewPipe(s.grpcLis.Addr())
	gw, err := gateway.New(ctx, gateway.Config{
		GRPCAddr:          loopback(s.grpcLis.Addr()),
		MaxBodyBytes:      body,
		MaxBatchBodyBytes: batchBody,
		MaxMsgBytes:       grpcMsg,
		CORSOrigins:       s.cfg.CORSOrigins,
		Ready:             s.ready.Load,
		Logger:            s.log,
		DialTLS:           hard.loopTLS,
		Routes:            map[string]http.Handler{"GET /metrics": hard.metrics.Handler()},
		TrustedProxies:    s.cfg.TrustedProxies,
		WriteTimeout:      s.cfg.WriteTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		Shutdown:          clock,
		Dialer: func(ctx context.Context, _ string) (net.Conn, error) {
			return hard.relays.DialPipe(func(local net.Addr) (net.Conn, error) { return pipe.Dial(ctx, local) })
		},
	})
	if err != nil {
		s.grpcLis.Close()
		s.httpLis.Close()
		return err
	}
	defer gw.Close()
	hsrv := &http.Server{Handler: gw, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute, ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		ConnContext: gateway.ConnContext}
	if l := s.conns["HTTP"]; l != nil {
		hsrv.ConnState = l.idle.(*idleConns).track
	}

	if s.cfg.PprofAddr != "" {
		_, stop, err := servePprof(s.cfg.PprofAddr, s.log)
		if err != nil {
			s.grpcLis.Close()
			s.httpLis.Close()
			return err
		}
		defer stop()
	}
	errc := make(chan error, 3)
	go func() { errc <- gs.Serve(linger.listen(hard.grpcLis)) }()
	go func() { errc <- gsPipe.Serve(pipe) }()
	go func() {
		if hard.httpTLS != nil {
			hsrv.TLSConfig = hard.httpTLS
			errc <- hsrv.ServeTLS(linger.listen(s.httpLis), "", "")
			return
		}
		errc <- hsrv.Serve(linger.listen(s.httpLis))
	}()
	hs.SetServingStatus("", healthpb.HealthCheckResponse_SERVING)
	hs.SetServingStatus(articlev1.ArticleAnalysisService_ServiceDesc.ServiceName, healthpb.HealthCheckResponse_SERVING)
	s.ready.Store(true)
	s.log.Info("lector ready", "grpc", s.GRPCAddr(), "http", s.HTTPAddr(), "startup", time.Since(start).String(), "version", version)

	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-errc:
		s.log.Error("server stopped", "err", serveErr)
	}
	began := time.Now()
	end, cutTime := began.Add(s.cfg.ShutdownTimeout), began.Add(s.cfg.ShutdownTimeout-shutdownGrace(s.cfg.ShutdownTimeout))
	clock.Begin(end)
	// the calls waiting for a slot that are not expected to finish before
	// the cut are answered SHUTTING_DOWN now, and then as soon as that is
	// expected, rather than at the cut (see pipeline.Engine.Drain)
	engine.Drain(cutTime)
	defer engine.StopAdmitting() // ends the drain's checks if the calls end before the cut
	close(s.shutdown)
	s.ready.Store(false)
	hs.Shutdown()
	s.log.Info("shutting down", "timeout", s.cfg.ShutdownTimeout)
	sctx, cancel := context.WithDeadline(context.Background(), end)
	defer cancel()
	// The calls accepted (running, or waiting for a slot) go on; those
	// still running shutdownGrace before the timeout are stopped and
	// answered UNAVAILABLE (SHUTTING_DOWN), which leaves them the grace to
	// reach their callers before the connections close.
	cutAt := time.AfterFunc(time.Until(cutTime), func() {
		engine.StopAdmitting() // the slots the calls stopped free start nothing
		inFlight, waiting, _ := engine.Load()
		s.log.Warn("shutdown timeout: stopping the calls still running, answered UNAVAILABLE (SHUTTING_DOWN)",
			"slots_in_flight", inFlight, "waiting", waiting, "timeout", s.cfg.ShutdownTimeout)
		cutCalls()
	})
	defer cutAt.Stop()
	// graceful stops a gRPC server, or cuts its calls at the shutdown timeout
	graceful := func(g *grpc.Server) {
		done := make(chan struct{})
		go func() { g.GracefulStop(); close(done) }()
		select {
		case <-done:
		case <-sctx.Done():
			s.log.Warn("gRPC calls cut at the shutdown timeout")
			g.Stop()
			<-done
		}
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := hsrv.Shutdown(sctx); err != nil {
			s.log.Warn("HTTP calls cut at the shutdown timeout", "err", err)
			hsrv.Close()
		}
		// the gateway's server stops once the REST calls are over: a call
		// the HTTP server accepted may still be reading its body, and
		// makes its gRPC call after (stopped with the HTTP server, its
		// call was refused: 503 UNAVAILABLE for an accepted request)
		graceful(gsPipe)
	})
	wg.Go(func() { graceful(gs) })
	wg.Wait()
	// the answers written in full reach their callers before the exit
	// (by the shutdown timeout)
	linger.wait()
	s.log.Info("stopped")
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) && !errors.Is(serveErr, grpc.ErrServerStopped) {
		return serveErr
	}
	return nil
}

// shutdownGrace is the time left, when the calls still running at shutdown
// are stopped, for the answers in progress to reach their callers before
// the shutdown timeout d closes the connections: a quarter of d, at most
// 3 s. An analysis stops within 50 ms of its cancel, but the REST answer
// of a 1 MB article that has just finished, 34 MB of JSON, took 1.9 s to
// write on an idle machine; with a 1 s grace one was cut at the timeout
// while three others sent with it were answered SHUTTING_DOWN.
func shutdownGrace(d time.Duration) time.Duration { return min(d/4, 3*time.Second) }

// handshakeTimeout is the time a new gRPC connection has for its TLS and
// HTTP/2 handshake: 10 s, as a REST caller has for its headers, or the
// gRPC read timeout if shorter. A connection that sent nothing, or half
// the HTTP/2 preface, held its goroutine for grpc-go's 120 s.
func (s *Server) handshakeTimeout() time.Duration {
	const d = 10 * time.Second
	if r := s.cfg.GRPCReadTimeout; r > 0 && r < d {
		return r
	}
	return d
}

// maxStreamsPerConn is the most calls one external gRPC connection may have
// open at once (SETTINGS_MAX_CONCURRENT_STREAMS; grpc-go clients queue the
// calls beyond it, others are refused with REFUSED_STREAM): far more than
// the analyses the server runs and queues, as Go's own HTTP/2 server's 250.
const maxStreamsPerConn = 256

// streamWorkersPerSlot is the number of gRPC stream workers per analysis
// that runs at once: enough for the analyses in flight, those queued for a
// slot, and the short calls (health, capabilities) beside them.
const streamWorkersPerSlot = 4

// loopback returns the address to dial for a listener: its own port on
// 127.0.0.1 when it listens on every interface.
func loopback(a net.Addr) string {
	if ta, ok := a.(*net.TCPAddr); ok && (ta.IP == nil || ta.IP.IsUnspecified()) {
		return net.JoinHostPort("127.0.0.1", fmt.Sprint(ta.Port))
	}
	return a.String()
}

// streamConcurrency is how many articles of one stream or batch are
// analysed at once: --max-concurrency, or as many as the analyses that run
// at once in the server, so that one stream can keep every core busy but
// does not fill the admission queue on its own and push other callers'
// calls out.
func (s *Server) streamConcurrency() int {
	if s.cfg.MaxConcurrency > 0 {
		return s.cfg.MaxConcurrency
	}
	if s.cfg.MaxInFlight > 0 {
		return s.cfg.MaxInFlight
	}
	return pipeline.DefaultInFlightPerCPU * runtime.GOMAXPROCS(0)
}
