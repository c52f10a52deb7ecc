package pipeline

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
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
		a.Metadata = Metadata{Title: req.Title, PublishTime: req.PublishTime}
		if req.Source == SourceText {
			a.Text = req.Content
			return nil
		}
		r, ok := res[req.Source]
		if !ok {
			return &Error{
				Kind: KindUnimplemented, Op: "pipeline.source", Reason: "SOURCE_NOT_SUPPORTED",
				Field: "article." + req.Source.String(),
				Msg:   fmt.Sprintf("this server cannot analyse %s sources yet; send the article as text", strings.ToUpper(req.Source.String())),
			}
		}
		txt, md, err := r(ctx, req)
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
		if !req.PublishTime.IsZero() {
			md.PublishTime = req.PublishTime // the caller's date wins over the page's
		}
		a.Text, a.FromMarkup, a.Metadata = txt, true, md
		return nil
	}, nil
}
