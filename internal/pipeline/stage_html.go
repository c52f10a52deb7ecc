package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/lector-nlp/lector/internal/extract"
	"github.com/lector-nlp/lector/internal/fetch"
)

// The HTML source is resolved here; a URL source is fetched by the engine
// before its analysis takes a slot (Engine.fetchPage) and its page turned
// into text by pageText.
func init() {
	registerSource(SourceHTML, func(*Config) (Resolver, error) {
		return func(ctx context.Context, req *Request) (string, Metadata, error) {
			return fromHTML(ctx, []byte(req.Content), "", "article.html")
		}, nil
	})
}

func fromHTML(ctx context.Context, page []byte, pageURL, field string) (string, Metadata, error) {
	res, err := extract.HTMLContext(ctx, page, pageURL)
	if cerr := ctx.Err(); cerr != nil && errors.Is(err, cerr) {
		return "", Metadata{}, err // the engine reports the cancel or deadline
	}
	if errors.Is(err, extract.ErrNoContent) {
		return "", Metadata{}, &Error{Kind: KindInvalid, Op: "pipeline.html", Reason: "NO_ARTICLE_TEXT", Field: field,
			Msg: "no article text was found in the page"}
	}
	if errors.Is(err, extract.ErrUnreadable) {
		return "", Metadata{}, &Error{Kind: KindInvalid, Op: "pipeline.html", Reason: "INVALID_HTML", Field: field,
			Msg: "the HTML could not be read (elements nested more than 512 deep?)", Err: err}
	}
	if err != nil {
		return "", Metadata{}, &Error{Kind: KindInvalid, Op: "pipeline.html", Reason: "INVALID_HTML", Field: field,
			Msg: "the HTML could not be read", Err: err}
	}
	md := res.Metadata
	return res.Text, Metadata{Title: md.Title, Authors: md.Authors, PublishTime: md.PublishTime,
		SiteName: md.SiteName, CanonicalURL: md.CanonicalURL}, nil
}

// fetchError maps a fetch failure to the error table, keeping its reason.
func fetchError(err error) error {
	var fe *fetch.Error
	if !errors.As(err, &fe) {
		return err
	}
	kind := KindUpstream
	switch fe.Kind {
	case fetch.KindInvalidURL, fetch.KindBlockedAddress, fetch.KindUnsupportedContentType:
		kind = KindInvalid
	case fetch.KindTooLarge:
		kind = KindTooLarge
	}
	msg := fmt.Sprintf("fetching the article failed: %s", strings.ToLower(strings.ReplaceAll(string(fe.Kind), "_", " ")))
	if fe.Status != 0 {
		msg += fmt.Sprintf(" (the site answered %d)", fe.Status)
	}
	return &Error{Kind: kind, Op: "pipeline.fetch", Reason: string(fe.Kind), Field: "article.url", Msg: msg, Err: err}
}
