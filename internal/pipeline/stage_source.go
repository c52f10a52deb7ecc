package pipeline

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/fetch"
)

// A Resolver turns an HTML or URL source into the plain text to analyse and
// the article's metadata.
type Resolver func(ctx context.Context, req *Request) (text string, md Metadata, err error)

var resolvers = map[SourceKind]func(cfg *Config) (Resolver, error){}

// registerSource adds the resolver for a kind of source (SourceHTML,
// SourceURL). Call it from the init function of a stage_*.go file.
func registerSource(kind SourceKind, load func(cfg *Config) (Resolver, error)) {
	registryMu.Lock()
	defer registryMu.Unlock()
	resolvers[kind] = load
}

func init() {
	register(Stage{
		Name:       "source",
		Order:      0,
		Always:     true,
		Parts:      []Part{PartSource},
		Model:      "text, html and url sources",
		LoadConfig: loadSource,
	})
}

func loadSource(cfg *Config) (RunFunc, error) {
	registryMu.Lock()
	loads := make(map[SourceKind]func(cfg *Config) (Resolver, error), len(resolvers))
	for k, v := range resolvers {
		loads[k] = v
	}
	registryMu.Unlock()
	res := map[SourceKind]Resolver{}
	for k, load := range loads {
		r, err := load(cfg)
		if err != nil {
			return nil, fmt.Errorf("%s source: %w", k, err)
		}
		res[k] = r
	}
	return func(ctx context.Context, st *State) error {
		req := st.Request
		a := st.Analysis
		a.Metadata = Metadata{Title: req.Title, PublishTime: req.PublishTime, PublishTimeSet: req.PublishTimeSet}
		if req.Source == SourceText {
			a.Text = req.Content
			return nil
		}
		var txt string
		var md Metadata
		var err error
		r, ok := res[req.Source]
		switch {
		case req.page != nil: // a URL source the engine fetched (Engine.fetchPage)
			txt, md, err = pageText(ctx, req.page)
		case ok:
			txt, md, err = r(ctx, req)
		default:
			return &Error{
				Kind: KindUnimplemented, Op: "pipeline.source", Reason: "SOURCE_NOT_SUPPORTED",
				Field: "article." + req.Source.String(),
				Msg:   fmt.Sprintf("this server cannot analyse %s sources yet; send the article as text", strings.ToUpper(req.Source.String())),
			}
		}
		if err != nil {
			return err
		}
		if !utf8.ValidString(txt) {
			txt = strings.ToValidUTF8(txt, "\uFFFD")
		}
		if strings.TrimSpace(txt) == "" {
			return &Error{Kind: KindInvalid, Op: "pipeline.source", Reason: "NO_ARTICLE_TEXT",
				Field: "article." + req.Source.String(), Msg: "no article text was found in the page"}
		}
		if md.Title == "" {
			md.Title = req.Title
		}
		if t, ok := req.Published(); ok {
			md.PublishTime, md.PublishTimeSet = t, true // the caller's date wins over the page's
		}
		a.Text, a.FromMarkup, a.Metadata = txt, true, md
		return nil
	}, nil
}

// fetchPage fetches the page of a URL source before the analysis takes a
// slot, so that waiting on a remote site never holds one. At most
// cap(e.fetches) fetches run at once; a further call waits for one as it
// would for an analysis slot (at most the queue wait, or its deadline) and
// then fails with KindOverloaded. The caller calls done once the page has
// an analysis slot: until then the fetch slot stays taken, which bounds the
// pages held in memory.
func (e *Engine) fetchPage(ctx context.Context, req *Request) (page *fetch.Page, done func(), err error) {
	const op = "pipeline.fetch"
	select {
	case e.fetches <- struct{}{}:
	default:
		bound := e.adm.maxWait
		t := time.NewTimer(bound)
		defer t.Stop()
		select {
		case e.fetches <- struct{}{}:
		case <-ctx.Done():
			return nil, nil, ctxError(op, StageFetchQueue, ctx.Err())
		case <-t.C:
			e.adm.mu.Lock()
			e.adm.shed++
			e.adm.mu.Unlock()
			return nil, nil, overloadedError(op, fmt.Sprintf("the server is fetching %d article URLs, its limit, "+
				"and none finished within %v", cap(e.fetches), bound.Round(time.Millisecond)), time.Second, maxRetryHint)
		}
	}
	done = func() { <-e.fetches }
	page, err = e.fetcher.Fetch(ctx, strings.TrimSpace(req.Content))
	if err != nil {
		done()
		if cerr := ctx.Err(); cerr != nil {
			return nil, nil, ctxError(op, StageFetch, cerr)
		}
		return nil, nil, fetchError(err)
	}
	return page, done, nil
}

// pageText turns a fetched page into the article text and metadata: a
// plain-text page is the article itself; the text of an HTML page is
// extracted.
func pageText(ctx context.Context, page *fetch.Page) (string, Metadata, error) {
	if !page.HTML() {
		return string(page.Body), Metadata{CanonicalURL: page.URL}, nil
	}
	return fromHTML(ctx, page.Body, page.URL, "article.url")
}
