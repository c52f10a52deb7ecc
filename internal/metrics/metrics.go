// Package metrics exposes Lector's Prometheus metrics: per-RPC request
// counts by status code, latency histograms and in-flight streams (from
// go-grpc-middleware's prometheus provider), and the analysis engine's
// articles, bytes and per-stage latencies (from a wrapper around the
// engine that reads each result's stage timings).
//
// Metric names:
//
//	grpc_server_started_total{grpc_type,grpc_service,grpc_method}
//	grpc_server_handled_total{grpc_type,grpc_service,grpc_method,grpc_code}
//	grpc_server_handling_seconds{grpc_type,grpc_service,grpc_method} (histogram)
//	grpc_server_msg_received_total, grpc_server_msg_sent_total
//	lector_streams_in_flight{grpc_method}
//	lector_articles_analysed_total{outcome="ok"|"error",kind}
//	lector_article_bytes_total{source="text"|"html"|"url"}
//	lector_stage_duration_seconds{stage} (histogram)
//	lector_analysis_duration_seconds (histogram)
//	go_* and process_* (runtime)
package metrics

import (
	"context"
	"net/http"
	"time"

	grpcprom "github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"google.golang.org/grpc"

	"github.com/lector-nlp/lector/internal/pipeline"
)

// Latency buckets, in seconds: 1 ms to about 30 s.
var buckets = prometheus.ExponentialBuckets(0.001, 2.5, 12)

// Metrics is the set of metrics of one server.
type Metrics struct {
	reg      *prometheus.Registry
	grpc     *grpcprom.ServerMetrics
	streams  *prometheus.GaugeVec
	articles *prometheus.CounterVec
	bytes    *prometheus.CounterVec
	stage    *prometheus.HistogramVec
	total    prometheus.Histogram
}

// New returns the metrics, registered in a registry of their own.
func New() *Metrics {
	m := &Metrics{
		reg:  prometheus.NewRegistry(),
		grpc: grpcprom.NewServerMetrics(grpcprom.WithServerHandlingTimeHistogram(grpcprom.WithHistogramBuckets(buckets))),
		streams: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "lector_streams_in_flight", Help: "Streaming calls open now, by method.",
		}, []string{"grpc_method"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lector_articles_analysed_total", Help: "Articles the engine finished, by outcome and, for errors, kind.",
		}, []string{"outcome", "kind"}),
		bytes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lector_article_bytes_total", Help: "Bytes of article sources (text, HTML or URL) given to the engine.",
		}, []string{"source"}),
		stage: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "lector_stage_duration_seconds", Help: "Time per analysis stage.", Buckets: buckets,
		}, []string{"stage"}),
		total: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "lector_analysis_duration_seconds", Help: "Time per article analysis in the engine, queueing included.", Buckets: buckets,
		}),
	}
	m.reg.MustRegister(m.grpc, m.streams, m.articles, m.bytes, m.stage, m.total,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Registry is the registry of the metrics (for tests and extra collectors).
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// InitializeMetrics creates the zero series of every method of s, so
// dashboards see them before the first call.
func (m *Metrics) InitializeMetrics(s *grpc.Server) { m.grpc.InitializeMetrics(s) }

// UnaryServerInterceptor counts and times unary calls.
func (m *Metrics) UnaryServerInterceptor() grpc.UnaryServerInterceptor {
	return m.grpc.UnaryServerInterceptor()
}

// StreamServerInterceptor counts and times streaming calls and tracks the
// streams in flight.
func (m *Metrics) StreamServerInterceptor() grpc.StreamServerInterceptor {
	inner := m.grpc.StreamServerInterceptor()
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		g := m.streams.WithLabelValues(info.FullMethod)
		g.Inc()
		defer g.Dec()
		return inner(srv, ss, info, handler)
	}
}

// Analyzer is the engine interface the service runs (service.Analyzer).
type Analyzer interface {
	Analyze(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error)
	Capabilities() []pipeline.FeatureInfo
}

// Engine wraps an engine so that every analysis is measured.
func (m *Metrics) Engine(next Analyzer) Analyzer { return &engine{next: next, m: m} }

type engine struct {
	next Analyzer
	m    *Metrics
}

func (e *engine) Capabilities() []pipeline.FeatureInfo { return e.next.Capabilities() }

func (e *engine) Analyze(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
	start := time.Now()
	e.m.bytes.WithLabelValues(req.Source.String()).Add(float64(len(req.Content)))
	res, err := e.next.Analyze(ctx, req, emit)
	e.m.total.Observe(time.Since(start).Seconds())
	if err != nil {
		e.m.articles.WithLabelValues("error", pipeline.KindOf(err).String()).Inc()
		return res, err
	}
	e.m.articles.WithLabelValues("ok", "").Inc()
	if res != nil {
		for _, t := range res.Timings {
			e.m.stage.WithLabelValues(t.Stage).Observe(t.Duration.Seconds())
		}
	}
	return res, err
}
