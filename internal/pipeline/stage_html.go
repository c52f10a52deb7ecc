package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/lector-nlp/lector/internal/extract"
	"github.com/lector-nlp/lector/internal/fetch"
)

func init() {
	registerSource(SourceHTML, func(*Config) (Resolver, error) {
		return func(ctx context.Context, req *Request) (string, Metadata, error) {
			return fromHTML(ctx, []byte(req.Content), "", "article.html")
		}, nil
	})
	registerSource(SourceURL, func(cfg *Config) (Resolver, error) {
		f := fetch.New(cfg.Fetch)
		return func(ctx context.Context, req *Request) (string, Metadata, error) {
			page, err := f.Fetch(ctx, strings.TrimSpace(req.Content))
			if err != nil {
				return "", Metadata{}, fetchError(err)
			}
			if !page.HTML() { // a plain-text page is the article itself
				return string(page.Body), Metadata{CanonicalURL: page.URL}, nil
			}
			return fromHTML(ctx, page.Body, page.URL, "article.url")
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
