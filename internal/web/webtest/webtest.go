// Package webtest boots Lector in-process on loopback ports for the tests
// of the page and of the command-line client: the gRPC service (the real
// one on the registered pipeline stages, or a fake), the JSON gateway
// dialling it, and the page mounted at "/" next to the gateway.
package webtest

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/auth"
	"github.com/lector-nlp/lector/internal/gateway"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/service"
	"github.com/lector-nlp/lector/internal/tlsconf"
	"github.com/lector-nlp/lector/internal/web"
)

// Config configures Start.
type Config struct {
	// Service replaces the real service, for example with a *Demo.
	Service articlev1.ArticleAnalysisServiceServer
	// CORSOrigins is the gateway's origin allow-list.
	CORSOrigins []string
	// MaxArticleBytes limits articles; zero means 1 MiB.
	MaxArticleBytes int
	// APIKeys, when set, are the keys every call must carry.
	APIKeys []string
	// TLS, when set, makes the gRPC server serve TLS only (the gateway
	// dials it with TLS; its own HTTP stays plaintext).
	TLS *tlsconf.Bundle
}

// Server is a running Lector.
type Server struct {
	// GRPCAddr is the gRPC address, such as "127.0.0.1:40123".
	GRPCAddr string
	// URL is the HTTP base, such as "http://127.0.0.1:40124", serving the
	// page at / and the gateway under /v1/.
	URL string
}

// Start boots a server on 127.0.0.1:0 and stops it when the test ends.
func Start(tb testing.TB, cfg Config) *Server {
	tb.Helper()
	log := slog.New(slog.DiscardHandler)
	maxBytes := cfg.MaxArticleBytes
	if maxBytes <= 0 {
		maxBytes = 1 << 20
	}
	svc := cfg.Service
	if svc == nil {
		engine, err := pipeline.New(pipeline.Config{MaxTextBytes: maxBytes, Logger: log})
		if err != nil {
			tb.Fatal(err)
		}
		svc = service.New(service.Config{Engine: engine, Logger: log, MaxArticleBytes: maxBytes, Version: "webtest"})
	}
	gl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	opts := append(service.ServerOptions(log, time.Minute), grpc.MaxRecvMsgSize(4*maxBytes+(1<<20)))
	if len(cfg.APIKeys) > 0 {
		keys := auth.NewKeys(cfg.APIKeys, service.ErrorDomain)
		opts = append(opts, grpc.ChainUnaryInterceptor(keys.UnaryServerInterceptor()), grpc.ChainStreamInterceptor(keys.StreamServerInterceptor()))
	}
	var dialTLS *tls.Config
	if cfg.TLS != nil {
		opts = append(opts, grpc.Creds(credentials.NewTLS(cfg.TLS.Server)))
		dialTLS = cfg.TLS.Loopback
	}
	gs := grpc.NewServer(opts...)
	articlev1.RegisterArticleAnalysisServiceServer(gs, svc)
	go gs.Serve(gl)

	ctx, cancel := context.WithCancel(context.Background())
	gw, err := gateway.New(ctx, gateway.Config{
		GRPCAddr:          gl.Addr().String(),
		MaxBodyBytes:      2*int64(maxBytes) + 64<<10,
		MaxBatchBodyBytes: 8*int64(maxBytes) + 64<<10,
		MaxMsgBytes:       4*maxBytes + (1 << 20),
		CORSOrigins:       cfg.CORSOrigins,
		Logger:            log,
		DialTLS:           dialTLS,
	})
	if err != nil {
		cancel()
		gs.Stop()
		tb.Fatal(err)
	}
	hl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	hs := &http.Server{Handler: Mount(gw, web.Handler()), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := hs.Serve(hl); err != nil && !errors.Is(err, http.ErrServerClosed) {
			tb.Errorf("webtest: serve: %v", err)
		}
	}()
	tb.Cleanup(func() {
		sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer scancel()
		hs.Shutdown(sctx)
		cancel()
		gw.Close()
		gs.Stop()
	})
	return &Server{GRPCAddr: gl.Addr().String(), URL: "http://" + hl.Addr().String()}
}

// Mount serves page at "/" and "/static/" and everything else from gw, as
// the gateway does once the page is mounted in it.
func Mount(gw, page http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" || strings.HasPrefix(r.URL.Path, "/static/") {
			page.ServeHTTP(w, r)
			return
		}
		gw.ServeHTTP(w, r)
	})
}
