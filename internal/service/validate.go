package service

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"google.golang.org/protobuf/reflect/protoreflect"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/text"
)

// articleRequest is what the four analysis requests have in common; the
// generated getters of each satisfy it.
type articleRequest interface {
	GetArticle() *articlev1.Article
	GetFeatures() []articlev1.Feature
	GetEncodingType() articlev1.EncodingType
	GetOptions() *articlev1.AnalysisOptions
}

var (
	_ articleRequest = (*articlev1.AnalyzeArticleRequest)(nil)
	_ articleRequest = (*articlev1.StreamAnalyzeArticleRequest)(nil)
	_ articleRequest = (*articlev1.AnalyzeArticlesRequest)(nil)
)

// Upper bounds of the options, to keep one request's work bounded.
const (
	maxSummarySentences = 50
	maxKeyPhraseCount   = 100
	maxTitleBytes       = 4 << 10
	maxIDBytes          = 256
	maxURLBytes         = 8 << 10
)

// job is a validated request: what the engine runs and how to encode it.
type job struct {
	req *pipeline.Request
	enc text.Encoding
}

func invalid(reason, field, format string, args ...any) *pipeline.Error {
	return &pipeline.Error{Kind: pipeline.KindInvalid, Op: "service.validate", Reason: reason, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// validate checks r and turns it into a job. prefix is the path of r in
// the caller's message ("" or "requests[3]."), used in field violations.
func (s *Service) validate(r articleRequest, prefix string) (*job, error) {
	if cause := undecodable(r); cause != "" {
		return nil, malformed("the request", string(r.(protoreflect.ProtoMessage).ProtoReflect().Descriptor().Name()), cause)
	}
	a := r.GetArticle()
	if a == nil {
		return nil, invalid("MISSING_ARTICLE", prefix+"article", "the request has no article")
	}
	req := &pipeline.Request{ID: a.GetId(), Title: a.GetTitle(), LanguageHint: a.GetLanguageCode()}
	field := prefix + "article."
	switch src := a.GetSource().(type) {
	case *articlev1.Article_Text:
		req.Source, req.Content, field = pipeline.SourceText, src.Text, field+"text"
	case *articlev1.Article_Html:
		req.Source, req.Content, field = pipeline.SourceHTML, src.Html, field+"html"
	case *articlev1.Article_Url:
		req.Source, req.Content, field = pipeline.SourceURL, src.Url, field+"url"
	default:
		return nil, invalid("EMPTY_ARTICLE", prefix+"article.text", "the article has no source: set one of text, html or url")
	}
	if n := len(req.Content); req.Source == pipeline.SourceHTML && n > s.maxHTMLBytes {
		return nil, &pipeline.Error{Kind: pipeline.KindTooLarge, Op: "service.validate", Reason: "ARTICLE_TOO_LARGE", Field: field,
			Msg: fmt.Sprintf("the HTML is %d bytes, over the limit of %d bytes for a page", n, s.maxHTMLBytes)}
	} else if req.Source != pipeline.SourceHTML && n > s.maxArticleBytes {
		// HTML is held to the page limit, as a fetched page is, and its
		// text to the article limit after extraction (the engine): a news
		// page of 1.5 MB, mostly scripts, with 10 KB of article, was
		// refused here although the same page by its URL was analysed
		return nil, &pipeline.Error{Kind: pipeline.KindTooLarge, Op: "service.validate", Reason: "ARTICLE_TOO_LARGE", Field: field,
			Msg: fmt.Sprintf("the article is %d bytes, over the limit of %d bytes", n, s.maxArticleBytes)}
	}
	if !utf8.ValidString(req.Content) {
		return nil, invalid("INVALID_UTF8", field, "the article is not valid UTF-8: byte %d is not part of a UTF-8 character (binary data, or text in another encoding: send UTF-8)", invalidUTF8At(req.Content))
	}
	if blank(req.Content) {
		return nil, invalid("EMPTY_ARTICLE", field, "the article is empty or only white space")
	}
	if i := controlChar(req.Content); i >= 0 {
		return nil, invalid("CONTROL_CHARACTERS", field, "the article contains the control character U+%04X at byte %d; only tab, line feed and carriage return are allowed", req.Content[i], i)
	}
	if req.Source == pipeline.SourceURL {
		if err := checkURL(req.Content, field); err != nil {
			return nil, err
		}
	}
	for _, f := range []struct {
		name, v string
		max     int
	}{
		{"id", a.GetId(), maxIDBytes}, {"title", a.GetTitle(), maxTitleBytes}, {"language_code", a.GetLanguageCode(), 35},
	} {
		if !utf8.ValidString(f.v) {
			return nil, invalid("INVALID_UTF8", prefix+"article."+f.name, "article.%s is not valid UTF-8 (byte %d)", f.name, invalidUTF8At(f.v))
		}
		if len(f.v) > f.max {
			return nil, invalid("FIELD_TOO_LONG", prefix+"article."+f.name, "article.%s is over %d bytes", f.name, f.max)
		}
		// as in the article: the title reaches the analysers, and both
		// come back in the answer and in logs and terminals (cmd/lector)
		if i := controlChar(f.v); i >= 0 {
			return nil, invalid("CONTROL_CHARACTERS", prefix+"article."+f.name, "article.%s contains the control character U+%04X at byte %d; only tab, line feed and carriage return are allowed", f.name, f.v[i], i)
		}
	}
	if lc := a.GetLanguageCode(); lc != "" && !validLanguageCode(lc) {
		return nil, invalid("INVALID_LANGUAGE_CODE", prefix+"article.language_code", "article.language_code %q is not a BCP-47 code such as \"en\" or \"pt-BR\"", lc)
	} else if lc != "" {
		req.LanguageHint = canonicalLanguageCode(lc)
		if req.LanguageHint == "und" || strings.HasPrefix(req.LanguageHint, "und-") {
			// BCP-47's "undetermined" (what ICU and Android send for no
			// locale): no hint, the server detects the language. It was
			// taken for a language without models.
			req.LanguageHint = ""
		}
	}
	if pt := a.GetPublishTime(); pt != nil {
		if err := pt.CheckValid(); err != nil {
			return nil, invalid("INVALID_PUBLISH_TIME", prefix+"article.publish_time", "article.publish_time is not a valid time: %s; a google.protobuf.Timestamp holds times from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, with nanos from 0 to 999999999", timestampProblem(pt.GetSeconds(), pt.GetNanos()))
		}
		// (0001-01-01T00:00:00Z is the zero time.Time: the flag says it was given)
		req.PublishTime, req.PublishTimeSet = pt.AsTime(), true
	}
	var fs []pipeline.Feature
	for i, f := range r.GetFeatures() {
		pf := pipeline.Feature(f)
		if !pf.Valid() {
			return nil, invalid("UNKNOWN_FEATURE", fmt.Sprintf("%sfeatures[%d]", prefix, i), "features[%d] is %v, not a known feature", i, f)
		}
		fs = append(fs, pf)
	}
	req.Features = pipeline.NewFeatureSet(fs...)
	var enc text.Encoding
	switch e := r.GetEncodingType(); e {
	case articlev1.EncodingType_ENCODING_TYPE_UNSPECIFIED, articlev1.EncodingType_ENCODING_TYPE_UTF8:
		enc = text.UTF8
	case articlev1.EncodingType_ENCODING_TYPE_UTF16:
		enc = text.UTF16
	case articlev1.EncodingType_ENCODING_TYPE_UTF32:
		enc = text.UTF32
	default:
		return nil, invalid("UNKNOWN_ENCODING_TYPE", prefix+"encoding_type", "encoding_type %d is not a known encoding", int32(e))
	}
	opts := r.GetOptions()
	req.SummarySentences = int(opts.GetSummarySentences())
	req.KeyPhraseCount = int(opts.GetKeyPhraseCount())
	if n := req.SummarySentences; n < 0 || n > maxSummarySentences {
		return nil, invalid("INVALID_OPTION", prefix+"options.summary_sentences", "options.summary_sentences must be between 0 (default) and %d", maxSummarySentences)
	}
	if n := req.KeyPhraseCount; n < 0 || n > maxKeyPhraseCount {
		return nil, invalid("INVALID_OPTION", prefix+"options.key_phrase_count", "options.key_phrase_count must be between 0 (default) and %d", maxKeyPhraseCount)
	}
	if req.SummarySentences == 0 {
		req.SummarySentences = pipeline.DefaultSummarySentences
	}
	if req.KeyPhraseCount == 0 {
		req.KeyPhraseCount = pipeline.DefaultKeyPhraseCount
	}
	return &job{req: req, enc: enc}, nil
}

func checkURL(raw, field string) error {
	if len(raw) > maxURLBytes {
		return invalid("INVALID_URL", field, "the URL is over %d bytes", maxURLBytes)
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Scheme == "" {
		return invalid("INVALID_URL", field, "the URL is not an absolute http or https address")
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return invalid("UNSUPPORTED_URL_SCHEME", field, "the URL scheme %q is not supported; use http or https", u.Scheme)
	}
	if u.Host == "" {
		return invalid("INVALID_URL", field, "the URL has no host")
	}
	if p := u.Port(); p != "" {
		// else the fetch failed as "the site could not be reached"
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return invalid("INVALID_URL", field, "the URL's port %s is not a port number (1 to 65535)", p)
		}
	}
	return nil
}

// validLanguageCode accepts BCP-47-shaped tags: letters, digits and hyphens,
// starting with 2 or 3 letters.
func validLanguageCode(s string) bool {
	parts := strings.Split(s, "-")
	if l := len(parts[0]); l < 2 || l > 3 {
		return false
	}
	for i, p := range parts {
		if p == "" || len(p) > 8 {
			return false
		}
		for _, c := range []byte(p) {
			letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !(letter || (i > 0 && c >= '0' && c <= '9')) {
				return false
			}
		}
	}
	return true
}

// canonicalLanguageCode writes a BCP-47 tag in its canonical case (RFC
// 5646 2.1.1): the language and other subtags in lower case, a script in
// title case, a region in upper case ("EN" -> "en", "en-gb" -> "en-GB",
// "ZH-HANT-TW" -> "zh-Hant-TW"). Tags are case-insensitive, but the
// engine compares codes as strings: an article hinted "EN" or "En-GB" was
// taken for a language without models, and lost every English-only
// analysis.
func canonicalLanguageCode(s string) string {
	parts := strings.Split(strings.ToLower(s), "-")
	for i := 1; i < len(parts); i++ {
		p := parts[i]
		if len(p) == 1 {
			break // an extension or private use: lower case from here on
		}
		switch {
		case len(p) == 2:
			parts[i] = strings.ToUpper(p)
		case len(p) == 4 && p[0] >= 'a' && p[0] <= 'z':
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "-")
}

// controlChar returns the byte offset of the first C0 control character
// (U+0000 to U+001F) other than tab, line feed and carriage return, or of
// DEL (U+007F), in s; -1 if there is none. Such characters are never part
// of an article: they come from binary data or broken encoders, and would
// otherwise reach the analysers and the caller's JSON.
//
// It tests eight bytes at a time: a word with no byte under 0x20 and no
// DEL (most words of a text) is passed in a few instructions, and only the
// others (a line feed, a tab) are looked at byte by byte.
func controlChar(s string) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		y := x ^ 0x7f*ones // a zero byte where x has DEL
		// a high bit set where a byte is under 0x20 or zero (exact as a test
		// of the whole word: the borrow only runs on from such a byte)
		if ((x-0x20*ones)&^x|(y-ones)&^y)&highs == 0 {
			continue
		}
		if j := controlCharBytes(w); j >= 0 {
			return i + j
		}
	}
	if j := controlCharBytes(s[i:]); j >= 0 {
		return i + j
	}
	return -1
}

// controlCharBytes is controlChar, byte by byte.
func controlCharBytes(s string) int {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\t' || c == '\n' || c == '\r':
		case c < 0x20 || c == 0x7f:
			return i
		}
	}
	return -1
}

// blank reports whether s has nothing but white space and invisible
// format characters (byte order marks, zero-width spaces and joiners, soft
// hyphens): an article with no text to analyse.
func blank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// invalidUTF8At returns the offset of the first byte of s that does not
// start a valid UTF-8 encoding (-1: s is valid).
func invalidUTF8At(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
	}
	return -1
}

// timestampProblem says what is wrong with a Timestamp that fails
// CheckValid (whose own error prints the message's Go value).
func timestampProblem(secs int64, nanos int32) string {
	const minSecs, maxSecs = -62135596800, 253402300799 // 0001-01-01T00:00:00Z, 9999-12-31T23:59:59Z
	switch {
	case nanos < 0 || nanos > 999999999:
		return fmt.Sprintf("nanos %d is not between 0 and 999999999", nanos)
	case secs < minSecs:
		return fmt.Sprintf("seconds %d is before 0001-01-01", secs)
	case secs > maxSecs:
		return fmt.Sprintf("seconds %d is after 9999-12-31", secs)
	}
	return "out of range"
}

// echoID is the id a result echoes: the caller's, with any bytes that are
// not UTF-8 (an id refused with INVALID_UTF8) as U+FFFD. Echoed raw, they
// made the result unreadable to clients whose protobuf checks proto3
// strings (Python and C++ raise DecodeError for the whole message), which
// lost the other results of a batch or a stream.
func echoID(id string) string {
	if utf8.ValidString(id) {
		return id
	}
	return strings.ToValidUTF8(id, "\uFFFD")
}
