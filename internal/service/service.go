// Package service implements the article.v1 ArticleAnalysisService over
// gRPC: it validates requests, runs them through the analysis engine, maps
// the domain results to the API (converting offsets to the requested
// encoding) and maps every error to a status in one table (errors.go).
package service

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/reflect/protoreflect"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// Analyzer is the analysis engine the service runs; *pipeline.Engine is
// the real one.
type Analyzer interface {
	Analyze(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error)
	Capabilities() []pipeline.FeatureInfo
}

var _ Analyzer = (*pipeline.Engine)(nil)

// Default limits.
const (
	DefaultMaxArticleBytes = 1 << 20
	DefaultMaxHTMLBytes    = 5 << 20
	DefaultMaxBatch        = 100
	DefaultMaxConcurrency  = 8
)

// Config configures a Service.
type Config struct {
	Engine Analyzer
	Logger *slog.Logger
	// MaxArticleBytes is the largest article text accepted, and the
	// largest article source but HTML.
	MaxArticleBytes int
	// MaxHTMLBytes is the largest HTML source accepted: the limit of a
	// fetched page (its article text is held to MaxArticleBytes after
	// extraction). Zero takes DefaultMaxHTMLBytes, or MaxArticleBytes when
	// that is larger.
	MaxHTMLBytes int
	// MaxBatch is the largest number of requests in one batch.
	MaxBatch int
	// MaxConcurrency is how many articles of one stream or batch run at once.
	MaxConcurrency int
	// Version is reported by GetCapabilities.
	Version string
}

// Service implements articlev1.ArticleAnalysisServiceServer.
type Service struct {
	articlev1.UnimplementedArticleAnalysisServiceServer

	engine          Analyzer
	log             *slog.Logger
	maxArticleBytes int
	maxHTMLBytes    int
	maxBatch        int
	maxConcurrency  int
	version         string
	// wire: the analyses of AnalyzeArticle, AnalyzeArticles and
	// BatchAnalyzeArticles are returned already encoded (see Wire).
	wire bool
}

var _ articlev1.ArticleAnalysisServiceServer = (*Service)(nil)

// New returns a service; zero limits take their defaults.
func New(cfg Config) *Service {
	s := &Service{
		engine:          cfg.Engine,
		log:             cfg.Logger,
		maxArticleBytes: cfg.MaxArticleBytes,
		maxHTMLBytes:    cfg.MaxHTMLBytes,
		maxBatch:        cfg.MaxBatch,
		maxConcurrency:  cfg.MaxConcurrency,
		version:         cfg.Version,
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.maxArticleBytes <= 0 {
		s.maxArticleBytes = DefaultMaxArticleBytes
	}
	if s.maxHTMLBytes <= 0 {
		s.maxHTMLBytes = max(DefaultMaxHTMLBytes, s.maxArticleBytes)
	}
	if s.maxBatch <= 0 {
		s.maxBatch = DefaultMaxBatch
	}
	if s.maxConcurrency <= 0 {
		s.maxConcurrency = DefaultMaxConcurrency
	}
	if s.version == "" {
		s.version = "dev"
	}
	return s
}

// Wire returns the service to register with the gRPC server: the same
// service, except that AnalyzeArticle, AnalyzeArticles and
// BatchAnalyzeArticles put each analysis into their answer already in
// protobuf's wire format, as the raw fields of the message that holds it
// (wire.go), instead of as messages that gRPC then marshals: the bytes
// sent are the same, for about 6 % less CPU per article. In the process,
// such an answer's Analysis is nil (proto.Unmarshal of its proto.Marshal
// has it); direct callers of the Service keep getting messages.
func (s *Service) Wire() *Service {
	w := *s
	w.wire = true
	return &w
}

// analyze validates and runs one request and maps the result. In a Wire
// service it returns the analysis encoded as the field numbered field
// instead, when it can (see wireAnalysis).
func (s *Service) analyze(ctx context.Context, r articleRequest, prefix string, field protowire.Number) (*articlev1.Analysis, protoreflect.RawFields, error) {
	j, err := s.validate(r, prefix)
	if err != nil {
		return nil, nil, err
	}
	res, err := s.engine.Analyze(ctx, j.req, nil)
	if err != nil {
		return nil, nil, inRequest(err, prefix)
	}
	if s.wire {
		if raw, ok := wireAnalysis(field, res.Analysis, j.enc); ok {
			return nil, raw, nil
		}
	}
	return newConverter(res.Analysis, j.enc).analysis(res.Analysis), nil, nil
}

// inRequest puts the field of an error the engine raised (a page that
// could not be fetched, HTML with no text) under prefix, the path of the
// request in a batch ("requests[3]."), as validate does for its own: a
// batch caller read "article.url" and could not tell which item it was.
func inRequest(err error, prefix string) error {
	var pe *pipeline.Error
	if prefix == "" || !errors.As(err, &pe) || pe.Field == "" || strings.HasPrefix(pe.Field, prefix) {
		return err
	}
	c := *pe
	c.Field = prefix + pe.Field
	return &c
}

// AnalyzeArticle analyses one article.
func (s *Service) AnalyzeArticle(ctx context.Context, req *articlev1.AnalyzeArticleRequest) (*articlev1.AnalyzeArticleResponse, error) {
	a, raw, err := s.analyze(ctx, req, "", fResponseAnalysis)
	if err != nil {
		return nil, s.statusOf(ctx, "AnalyzeArticle", err).Err()
	}
	resp := &articlev1.AnalyzeArticleResponse{Analysis: a}
	if raw != nil {
		resp.ProtoReflect().SetUnknown(raw)
	}
	return resp, nil
}

// StreamAnalyzeArticle analyses one article and sends each part as soon as
// it is complete, then the completion message.
func (s *Service) StreamAnalyzeArticle(req *articlev1.StreamAnalyzeArticleRequest, stream articlev1.ArticleAnalysisService_StreamAnalyzeArticleServer) error {
	ctx := stream.Context()
	j, err := s.validate(req, "")
	if err != nil {
		return s.statusOf(ctx, "StreamAnalyzeArticle", err).Err()
	}
	// The engine never waits for the caller: each part goes to a sender
	// through a buffer that holds every part of an article, so a caller
	// that reads slowly holds its messages (as a unary caller holds its
	// answer) but not an analysis slot. A failed send cancels the analysis.
	actx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make(chan *articlev1.StreamAnalyzeArticleResponse, streamBuffer)
	sent := make(chan error, 1)
	go func() {
		var err error
		for msg := range out {
			if err == nil {
				err = actx.Err() // a cancelled call does not marshal what is left
			}
			if err == nil {
				if err = stream.Send(msg); err != nil {
					cancel()
				}
			}
		}
		sent <- err
	}()
	var conv *converter
	res, err := s.engine.Analyze(actx, j.req, func(ev pipeline.Event) error {
		if conv == nil {
			conv = newConverter(ev.Analysis, j.enc)
		}
		for _, p := range ev.Parts {
			if p == pipeline.PartSource {
				conv = newConverter(ev.Analysis, j.enc) // the text is final now
			}
			if msg := conv.part(p, ev.Analysis); msg != nil {
				select {
				case out <- msg:
				case <-actx.Done():
					return actx.Err()
				}
			}
		}
		return nil
	})
	if err == nil {
		out <- completion(res) // never blocks: the buffer outnumbers the parts
	}
	close(out)
	sendErr := <-sent
	switch {
	case sendErr != nil:
		return s.statusOf(ctx, "StreamAnalyzeArticle", sendErr).Err()
	case err != nil:
		return s.statusOf(ctx, "StreamAnalyzeArticle", err).Err()
	}
	return nil
}

// streamBuffer is the number of messages StreamAnalyzeArticle buffers for a
// caller: more than the parts of an analysis and its completion.
const streamBuffer = 2 * (int(pipeline.PartStatistics) + 1)

// AnalyzeArticles analyses a stream of articles, at most maxConcurrency at
// once, and sends each result as it completes. While the caller does not
// read results, workers block on sending, no slot frees up and the server
// stops reading requests, so flow control holds both ways.
func (s *Service) AnalyzeArticles(stream articlev1.ArticleAnalysisService_AnalyzeArticlesServer) error {
	ctx, cancel := context.WithCancel(stream.Context())
	defer cancel()
	results := make(chan *articlev1.AnalyzeArticlesResponse)
	sendErr := make(chan error, 1)
	go func() {
		var err error
		for r := range results {
			if err != nil {
				continue // drain after a failed send
			}
			if err = stream.Send(r); err != nil {
				cancel()
			}
		}
		sendErr <- err
	}()

	slots := make(chan struct{}, s.maxConcurrency)
	var wg sync.WaitGroup
	var recvErr error
	for index := int64(0); ; index++ {
		req, err := stream.Recv()
		if err == io.EOF {
			break
		}
		if err != nil {
			recvErr = err
			break
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			recvErr = ctx.Err()
		}
		if recvErr != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-slots }()
			out := &articlev1.AnalyzeArticlesResponse{ArticleId: echoID(req.GetArticle().GetId()), RequestIndex: index}
			var a *articlev1.Analysis
			var raw protoreflect.RawFields
			var err error
			if cause := undecodable(req); cause != "" {
				// this message only: the stream goes on
				err = malformed("message "+strconv.FormatInt(index, 10)+" of the stream", "AnalyzeArticlesRequest", cause)
			} else {
				a, raw, err = s.analyze(ctx, req, "", fStreamResultAnalysis)
			}
			switch {
			case err != nil:
				out.Result = &articlev1.AnalyzeArticlesResponse_Error{Error: s.statusOf(ctx, "AnalyzeArticles", err).Proto()}
			case raw != nil:
				out.ProtoReflect().SetUnknown(raw) // the oneof's field, after fields 1 and 2
			default:
				out.Result = &articlev1.AnalyzeArticlesResponse_Analysis{Analysis: a}
			}
			// Sent even when ctx has ended: the sender takes every result
			// (after a failed send it drops them), and at the server's early
			// stop before the caller's deadline (see callDeadline) the stream
			// is still open, so the article's DEADLINE_EXCEEDED result, which
			// says where it stopped, reaches the caller; it was dropped or
			// sent at random.
			results <- out
		})
	}
	if recvErr != nil {
		cancel()
	}
	wg.Wait()
	close(results)
	if err := <-sendErr; err != nil {
		return s.statusOf(ctx, "AnalyzeArticles", err).Err()
	}
	if recvErr != nil {
		if errors.Is(recvErr, context.Canceled) || errors.Is(recvErr, context.DeadlineExceeded) {
			return s.statusOf(ctx, "AnalyzeArticles", stream.Context().Err()).Err()
		}
		return recvErr
	}
	return nil
}

// BatchAnalyzeArticles analyses the articles of a batch, at most
// maxConcurrency at once, and returns their results in request order. A
// failing article fails only its own result.
func (s *Service) BatchAnalyzeArticles(ctx context.Context, req *articlev1.BatchAnalyzeArticlesRequest) (*articlev1.BatchAnalyzeArticlesResponse, error) {
	const op = "BatchAnalyzeArticles"
	if cause := undecodable(req); cause != "" {
		return nil, s.statusOf(ctx, op, malformed("the request", "BatchAnalyzeArticlesRequest", cause)).Err()
	}
	if n := len(req.GetRequests()); n > s.maxBatch {
		return nil, s.statusOf(ctx, op, &pipeline.Error{Kind: pipeline.KindTooLarge, Reason: "BATCH_TOO_LARGE", Field: "requests",
			Msg: "the batch has " + itoa(n) + " requests, over the limit of " + itoa(s.maxBatch)}).Err()
	}
	results := make([]*articlev1.ArticleResult, len(req.GetRequests()))
	slots := make(chan struct{}, s.maxConcurrency)
	var wg sync.WaitGroup
	for i, r := range req.GetRequests() {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			out := &articlev1.ArticleResult{ArticleId: echoID(r.GetArticle().GetId())}
			a, raw, err := s.analyze(ctx, r, "requests["+itoa(i)+"].", fBatchResultAnalysis)
			switch {
			case err != nil:
				out.Result = &articlev1.ArticleResult_Error{Error: s.statusOf(ctx, op, err).Proto()}
			case raw != nil:
				out.ProtoReflect().SetUnknown(raw) // the oneof's field, after field 1
			default:
				out.Result = &articlev1.ArticleResult_Analysis{Analysis: a}
			}
			results[i] = out
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		switch context.Cause(ctx).(type) {
		case serverTimeout, shutdownCut:
			// The server's own limit (--request-timeout) ran out, or it
			// stopped the call at its shutdown timeout, and the caller is
			// still waiting: the articles analysed keep their analyses,
			// and those cut short carry DEADLINE_EXCEEDED or UNAVAILABLE
			// (SHUTTING_DOWN) with where they stopped. The whole batch had
			// failed, so one slow article lost the work done on the others.
		default:
			// the caller gave up: no partial batch
			return nil, s.statusOf(ctx, op, err).Err()
		}
	}
	return &articlev1.BatchAnalyzeArticlesResponse{Results: results}, nil
}

// GetCapabilities describes the features, languages, models and limits.
func (s *Service) GetCapabilities(ctx context.Context, _ *articlev1.GetCapabilitiesRequest) (*articlev1.GetCapabilitiesResponse, error) {
	resp := &articlev1.GetCapabilitiesResponse{
		Limits: &articlev1.Limits{
			MaxArticleBytes: int64(s.maxArticleBytes),
			MaxHtmlBytes:    int64(s.maxHTMLBytes),
			MaxBatchSize:    int32(s.maxBatch),
			MaxConcurrency:  int32(s.maxConcurrency),
		},
		ServerVersion: s.version,
	}
	for _, fi := range s.engine.Capabilities() {
		resp.Features = append(resp.Features, &articlev1.FeatureCapability{
			Feature:       articlev1.Feature(fi.Feature),
			Available:     fi.Available,
			LanguageCodes: fi.Languages,
			ModelVersion:  fi.Model,
			Reason:        fi.Reason,
		})
	}
	return resp, nil
}

func itoa(n int) string { return strconv.Itoa(n) }
