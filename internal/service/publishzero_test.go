package service

import (
	"context"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/timestamppb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
)

// TestPublishTimeYearOne: publish_time 0001-01-01T00:00:00Z is the zero
// time.Time; the service passes it on as given (PublishTimeSet), and both
// encoders echo it in the metadata, where it had been dropped as unset. A
// request without publish_time gives the engine none and gets none back.
func TestPublishTimeYearOne(t *testing.T) {
	yearOne := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	var got *pipeline.Request
	eng := &fakeEngine{AnalyzeFn: func(ctx context.Context, req *pipeline.Request, emit func(pipeline.Event) error) (*pipeline.Result, error) {
		got = req
		return &pipeline.Result{Analysis: &pipeline.Analysis{Text: req.Content,
			Metadata: pipeline.Metadata{PublishTime: req.PublishTime, PublishTimeSet: req.PublishTimeSet}}}, nil
	}}
	plain := New(Config{Engine: eng})
	for _, given := range []bool{true, false} {
		req := textRequest("The council meets tomorrow.")
		if given {
			req.Article.PublishTime = timestamppb.New(yearOne)
		}
		for name, s := range map[string]articlev1.ArticleAnalysisServiceServer{"plain": plain, "wire": plain.Wire()} {
			resp, err := s.AnalyzeArticle(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if pt, ok := got.Published(); ok != given || ok && !pt.Equal(yearOne) {
				t.Errorf("%s, given=%v: the engine got publish time %v %v", name, given, pt, ok)
			}
			// the wire service's answer holds raw fields: read them back
			b, err := proto.Marshal(resp)
			if err != nil {
				t.Fatal(err)
			}
			var back articlev1.AnalyzeArticleResponse
			if err := proto.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			pt := back.GetAnalysis().GetMetadata().GetPublishTime()
			if given && (pt == nil || !pt.AsTime().Equal(yearOne)) || !given && pt != nil {
				t.Errorf("%s, given=%v: metadata.publish_time %v", name, given, pt)
			}
		}
	}
}
