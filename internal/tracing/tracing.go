// Package tracing exports OpenTelemetry traces over OTLP/gRPC when an
// endpoint is configured: a span per gRPC call (otelgrpc, W3C trace
// context taken from the call's metadata, which the JSON gateway fills
// from the traceparent and tracestate headers), a span per article
// analysis and a child span per analysis stage.
package tracing

import (
	"context"
	"fmt"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
	"go.opentelemetry.io/otel/trace"
	"google.golang.org/grpc"

	"github.com/lector-nlp/lector/internal/pipeline"
)

// Config configures tracing.
type Config struct {
	// Endpoint is the OTLP/gRPC collector, such as "localhost:4317".
	Endpoint string
	// Insecure dials the collector in plaintext.
	Insecure bool
	// Version is the service version in the resource.
	Version string
	// Exporter replaces the OTLP exporter (tests).
	Exporter sdktrace.SpanExporter
}

// Tracing is a tracer provider and what the server needs of it.
type Tracing struct {
	tp     *sdktrace.TracerProvider
	tracer trace.Tracer
	prop   propagation.TextMapPropagator
}

// New starts the exporter. The connection to the collector is made
// lazily; spans are batched and sent in the background.
func New(ctx context.Context, cfg Config) (*Tracing, error) {
	exp := cfg.Exporter
	if exp == nil {
		opts := []otlptracegrpc.Option{otlptracegrpc.WithEndpoint(cfg.Endpoint)}
		if cfg.Insecure {
			opts = append(opts, otlptracegrpc.WithInsecure())
		}
		var err error
		if exp, err = otlptracegrpc.New(ctx, opts...); err != nil {
			return nil, fmt.Errorf("tracing: %w", err)
		}
	}
	res := resource.NewWithAttributes(semconv.SchemaURL,
		semconv.ServiceName("lector"), semconv.ServiceVersion(cfg.Version))
	tp := sdktrace.NewTracerProvider(sdktrace.WithBatcher(exp, sdktrace.WithBatchTimeout(2*time.Second)), sdktrace.WithResource(res))
	return &Tracing{
		tp:     tp,
		tracer: tp.Tracer("github.com/lector-nlp/lector"),
		prop:   propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}),
	}, nil
}

// ServerOption instruments the gRPC server.
func (t *Tracing) ServerOption() grpc.ServerOption {
	return grpc.StatsHandler(otelgrpc.NewServerHandler(otelgrpc.WithTracerProvider(t.tp), otelgrpc.WithPropagators(t.prop)))
}

// Shutdown sends the spans still buffered and stops the exporter.
func (t *Tracing) Shutdown(ctx context.Context) error { return t.tp.Shutdown(ctx) }

// Analyzer is the engine interface the service runs (service.Analyzer).
type Analyzer interface {
	Analyze(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error)
	Capabilities() []pipeline.FeatureInfo
}

// Engine wraps an engine so that each analysis is a span with a child
// span per stage. Stage spans are placed from the result's timings, end
// to end before the analysis returned (the stages run one after the
// other), so they are absent when the analysis fails.
func (t *Tracing) Engine(next Analyzer) Analyzer { return &engine{next: next, t: t} }

type engine struct {
	next Analyzer
	t    *Tracing
}

func (e *engine) Capabilities() []pipeline.FeatureInfo { return e.next.Capabilities() }

func (e *engine) Analyze(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
	ctx, span := e.t.tracer.Start(ctx, "lector.analyze", trace.WithAttributes(
		attribute.String("lector.source", req.Source.String()),
		attribute.Int("lector.article_bytes", len(req.Content)),
	))
	res, err := e.next.Analyze(ctx, req, emit)
	end := time.Now()
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, pipeline.KindOf(err).String())
		span.SetAttributes(attribute.String("lector.error_kind", pipeline.KindOf(err).String()))
	}
	if res != nil {
		stageEnd := end
		for i := len(res.Timings) - 1; i >= 0; i-- {
			st := res.Timings[i]
			start := stageEnd.Add(-st.Duration)
			_, s := e.t.tracer.Start(ctx, "lector.stage "+st.Stage, trace.WithTimestamp(start),
				trace.WithAttributes(attribute.String("lector.stage", st.Stage)))
			s.End(trace.WithTimestamp(stageEnd))
			stageEnd = start
		}
		span.SetAttributes(attribute.Int("lector.text_bytes", len(res.Analysis.Text)))
	}
	span.End(trace.WithTimestamp(end))
	return res, err
}
