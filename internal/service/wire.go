package service

import (
	"encoding/binary"
	"math"
	"slices"
	"sync/atomic"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/reflect/protoreflect"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/pipeline"
	"github.com/lector-nlp/lector/internal/text"
)

// The gRPC answers carry the analysis already in protobuf's wire format:
// wireAnalysis writes the bytes that proto.Marshal writes for the
// articlev1.Analysis the converter builds (the same bytes, field by field
// in field-number order; TestWireAnalysis compares them), straight from the
// pipeline's result, and the response message holds them as its raw
// (unknown) fields, which proto.Marshal copies out as they are. A
// 600-word article's analysis is about 2,500 messages (tokens, their
// spans, mentions, ...): building them and then marshalling them took
// about 6 % of the server's CPU per article and a third of its allocated
// bytes; this takes one buffer. Every client decodes the answer as before:
// the bytes on the wire are the same.

// The field numbers of article.v1 (proto/article/v1/*.proto).
const (
	fAnalysisText            = 1
	fAnalysisMetadata        = 2
	fAnalysisLanguage        = 3
	fAnalysisStatistics      = 4
	fAnalysisSentences       = 5
	fAnalysisTokens          = 6
	fAnalysisEntities        = 7
	fAnalysisKeyPhrases      = 8
	fAnalysisSummary         = 9
	fAnalysisSentiment       = 10
	fAnalysisQuotes          = 11
	fAnalysisTimeExpressions = 12
	fAnalysisCategories      = 13
	fAnalysisNotices         = 14

	// AnalyzeArticleResponse.analysis, AnalyzeArticlesResponse.analysis
	// and ArticleResult.analysis.
	fResponseAnalysis     = 1
	fStreamResultAnalysis = 3
	fBatchResultAnalysis  = 2
	fTimestampSeconds     = 1
	fTimestampNanos       = 2
	fSpanContent          = 1
	fSpanBegin            = 2
	fSpanLength           = 3
	fSpeakerEntityIndex   = 3
)

// wireSize is the size of the last analysis written, to size the next
// buffer (articles of a server tend to be alike).
var wireSize atomic.Int64

// wireAnalysis returns the field numbered field whose value is a encoded
// as an Analysis, ready to be the raw fields of the message that holds it,
// and true; or false when a string of the analysis is not valid
// UTF-8 (proto.Marshal refuses those: the caller then builds the messages
// and gets the same error from the marshaller as before).
func wireAnalysis(field protowire.Number, a *pipeline.Analysis, enc text.Encoding) (protoreflect.RawFields, bool) {
	w := wireWriter{conv: newConverter(a, enc), textOK: utf8.ValidString(a.Text), ok: true}
	b := make([]byte, 0, max(wireSize.Load()+wireSize.Load()/8, 1024))
	b = begin(b, field)
	start := len(b)
	b = w.analysis(b, a)
	b = end(b, start)
	if !w.ok {
		return nil, false
	}
	wireSize.Store(int64(len(b)))
	return b, true
}

// wireWriter appends protobuf fields to a buffer it is given and returns
// (the buffer is never stored: a pointer written to memory costs a write
// barrier while the collector runs). Nested messages are written in place
// after a one-byte length, which end widens when the message turned out
// longer than 127 bytes.
type wireWriter struct {
	conv   *converter
	textOK bool // the analysed text is valid UTF-8
	ok     bool // every string so far was valid UTF-8
}

// begin writes the tag of a message field and room for its length; the
// message starts at the end of what it returns.
func begin(b []byte, num protowire.Number) []byte {
	return append(b, tag(num, protowire.BytesType), 0)
}

// tag is the one-byte key of field num (< 16) of type typ.
func tag(num protowire.Number, typ protowire.Type) byte {
	return byte(num)<<3 | byte(typ)
}

// varint appends v as a varint; the common one-byte case is inlined.
func varint(b []byte, v uint64) []byte {
	if v < 0x80 {
		return append(b, byte(v))
	}
	return protowire.AppendVarint(b, v)
}

// end writes the length of the message that starts at start.
func end(b []byte, start int) []byte {
	n := len(b) - start
	if n < 0x80 {
		b[start-1] = byte(n)
		return b
	}
	k := protowire.SizeVarint(uint64(n))
	b = append(b, make([]byte, k-1)...)
	copy(b[start+k-1:], b[start:start+n])
	protowire.AppendVarint(b[:start-1], uint64(n))
	return b
}

// str writes a string field unless it is empty (proto3).
func (w *wireWriter) str(b []byte, num protowire.Number, s string) []byte {
	if s == "" {
		return b
	}
	if !validUTF8(s) {
		w.ok = false
	}
	return w.strAlways(b, num, s)
}

// validUTF8 is utf8.ValidString, with the test of a short ASCII string (a
// tag, a lemma, a name) inlined: that call cost more than the test.
func validUTF8(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.ValidString(s)
		}
	}
	return true
}

func (w *wireWriter) strAlways(b []byte, num protowire.Number, s string) []byte {
	b = append(b, tag(num, protowire.BytesType))
	b = varint(b, uint64(len(s)))
	b = append(b, s...)
	return b
}

// int32 writes an int32 or enum field unless it is zero.
func (w *wireWriter) int32(b []byte, num protowire.Number, v int32) []byte {
	if v != 0 {
		b = append(b, tag(num, protowire.VarintType))
		b = varint(b, uint64(int64(v)))
	}
	return b
}

// double writes a double field unless it is +0 (-0 is written, as
// proto.Marshal does).
func (w *wireWriter) double(b []byte, num protowire.Number, v float64) []byte {
	if bits := math.Float64bits(v); bits != 0 {
		b = append(b, tag(num, protowire.Fixed64Type))
		b = binary.LittleEndian.AppendUint64(b, bits)
	}
	return b
}

// span writes a TextSpan field, or nothing where converter.span gives nil.
func (w *wireWriter) span(b []byte, num protowire.Number, s text.Span) []byte {
	c := w.conv
	if s.End <= s.Start || s.Start < 0 || s.End > len(c.text) {
		return b
	}
	content := c.text[s.Start:s.End]
	if !w.textOK || !utf8.RuneStart(content[0]) || (s.End < len(c.text) && !utf8.RuneStart(c.text[s.End])) {
		if !utf8.ValidString(content) {
			w.ok = false
		}
	}
	from, to := c.offset(s.Start), c.offset(s.End)
	b = begin(b, num)
	start := len(b)
	b = w.strAlways(b, fSpanContent, content)
	b = w.int32(b, fSpanBegin, from)
	b = w.int32(b, fSpanLength, to-from)
	return end(b, start)
}

func (w *wireWriter) sentiment(b []byte, num protowire.Number, s *pipeline.Sentiment) []byte {
	if s == nil {
		return b
	}
	b = begin(b, num)
	start := len(b)
	b = w.double(b, 1, s.Score)
	b = w.double(b, 2, s.Magnitude)
	b = end(b, start)
	return b
}

// analysis writes the fields of the Analysis converter.analysis builds.
func (w *wireWriter) analysis(b []byte, a *pipeline.Analysis) []byte {
	if a.FromMarkup {
		b = w.str(b, fAnalysisText, a.Text)
	}

	m := a.Metadata
	b = begin(b, fAnalysisMetadata)
	start := len(b)
	b = w.str(b, 1, m.Title)
	for _, au := range m.Authors {
		if !validUTF8(au) {
			w.ok = false
		}
		b = w.strAlways(b, 2, au)
	}
	if pt, ok := m.Published(); ok {
		b = begin(b, 3)
		ts := len(b)
		if s := pt.Unix(); s != 0 {
			b = append(b, tag(fTimestampSeconds, protowire.VarintType))
			b = varint(b, uint64(s))
		}
		b = w.int32(b, fTimestampNanos, int32(pt.Nanosecond()))
		b = end(b, ts)
	}
	b = w.str(b, 4, m.SiteName)
	b = w.str(b, 5, m.CanonicalURL)
	b = end(b, start)

	if l := a.Language; l != nil {
		b = begin(b, fAnalysisLanguage)
		start := len(b)
		b = w.str(b, 1, l.Code)
		b = w.double(b, 2, l.Confidence)
		b = end(b, start)
	}
	if s := a.Statistics; s != nil {
		b = begin(b, fAnalysisStatistics)
		start := len(b)
		b = w.int32(b, 1, int32(s.Words))
		b = w.int32(b, 2, int32(s.Sentences))
		b = w.int32(b, 3, int32(s.Paragraphs))
		b = w.double(b, 4, s.ReadingTimeSeconds)
		b = w.double(b, 5, s.Readability)
		b = end(b, start)
	}
	for _, s := range a.Sentences {
		b = begin(b, fAnalysisSentences)
		start := len(b)
		b = w.span(b, 1, s.Span)
		b = w.sentiment(b, 2, s.Sentiment)
		b = end(b, start)
	}
	for i := range a.Tokens {
		b = w.token(b, &a.Tokens[i])
	}
	for i := range a.Entities {
		b = w.entity(b, &a.Entities[i])
	}
	for _, k := range a.KeyPhrases {
		b = begin(b, fAnalysisKeyPhrases)
		start := len(b)
		b = w.str(b, 1, k.Phrase)
		b = w.double(b, 2, k.Score)
		for _, s := range k.Mentions {
			b = w.span(b, 3, s)
		}
		b = end(b, start)
	}
	if s := a.Summary; s != nil {
		b = begin(b, fAnalysisSummary)
		start := len(b)
		for _, sp := range s.Sentences {
			b = w.span(b, 1, sp)
		}
		b = end(b, start)
	}
	b = w.sentiment(b, fAnalysisSentiment, a.Sentiment)
	for _, q := range a.Quotes {
		b = begin(b, fAnalysisQuotes)
		start := len(b)
		b = w.span(b, 1, q.Content)
		b = w.span(b, 2, q.Cue)
		b = begin(b, 3)
		sp := len(b)
		b = w.span(b, 1, q.Speaker.Span)
		b = w.str(b, 2, q.Speaker.Name)
		if q.Speaker.EntityIndex >= 0 {
			// optional: written even when zero
			b = append(b, tag(fSpeakerEntityIndex, protowire.VarintType))
			b = varint(b, uint64(int64(int32(q.Speaker.EntityIndex))))
		}
		b = end(b, sp)
		b = w.int32(b, 4, quoteKinds.value(string(q.Kind), 0))
		for _, p := range q.Parts {
			b = w.span(b, 5, p)
		}
		b = end(b, start)
	}
	for _, t := range a.TimeExpressions {
		b = begin(b, fAnalysisTimeExpressions)
		start := len(b)
		b = w.span(b, 1, t.Span)
		b = w.int32(b, 2, timexTypes.value(t.Type, 0))
		b = w.str(b, 3, t.Value)
		if t.Anchored {
			b = append(b, tag(4, protowire.VarintType), 1)
		}
		b = end(b, start)
	}
	for _, c := range a.Categories {
		b = begin(b, fAnalysisCategories)
		start := len(b)
		b = w.str(b, 1, c.Name)
		b = w.double(b, 2, c.Confidence)
		b = end(b, start)
	}
	for _, n := range a.Notices {
		b = begin(b, fAnalysisNotices)
		start := len(b)
		b = w.int32(b, 1, int32(n.Feature))
		b = w.str(b, 2, n.Reason)
		b = end(b, start)
	}
	return b
}

// token writes a Token field. A token is most of an answer's messages, so
// the common one (UTF-8 offsets into valid text, a span of under 96 bytes
// on rune boundaries, a tag and a lemma under 128 bytes) is written with
// its lengths reckoned first, in one pass; tokenFields writes the others.
func (w *wireWriter) token(b []byte, t *pipeline.Token) []byte {
	c := w.conv
	sp := t.Span
	if c.offs != nil || !w.textOK || sp.Start < 0 || sp.End <= sp.Start || sp.End > len(c.text) ||
		sp.End-sp.Start >= 0x60 || len(t.POS) >= 0x80 || len(t.Lemma) >= 0x80 ||
		!utf8.RuneStart(c.text[sp.Start]) || (sp.End < len(c.text) && !utf8.RuneStart(c.text[sp.End])) {
		return w.tokenFields(b, t)
	}
	var hi byte // the bytes of the tag and the lemma or'ed: ASCII when < 0x80
	for i := 0; i < len(t.POS); i++ {
		hi |= t.POS[i]
	}
	for i := 0; i < len(t.Lemma); i++ {
		hi |= t.Lemma[i]
	}
	if hi >= utf8.RuneSelf && (!utf8.ValidString(t.POS) || !utf8.ValidString(t.Lemma)) {
		w.ok = false
	}
	n := sp.End - sp.Start
	from := uint64(sp.Start) // c.offset(sp.Start): within the text
	// TextSpan: content, begin (unless 0), length (n > 0): under 0x80
	spanLen := 2 + n + 2
	if from != 0 {
		spanLen += 1 + protowire.SizeVarint(from)
	}
	msgLen := 2 + spanLen
	if t.POS != "" {
		msgLen += 2 + len(t.POS)
	}
	if t.Lemma != "" {
		msgLen += 2 + len(t.Lemma)
	}
	b = slices.Grow(b, 3+msgLen)
	b = append(b, tag(fAnalysisTokens, protowire.BytesType))
	b = varint(b, uint64(msgLen))
	b = append(b, tag(1, protowire.BytesType), byte(spanLen), tag(fSpanContent, protowire.BytesType), byte(n))
	b = append(b, c.text[sp.Start:sp.End]...)
	if from != 0 {
		if from >= 0x80 && from < 1<<14 { // an offset into the first 16 kB
			b = append(b, tag(fSpanBegin, protowire.VarintType), byte(from)|0x80, byte(from>>7))
		} else {
			b = append(b, tag(fSpanBegin, protowire.VarintType))
			b = varint(b, from)
		}
	}
	b = append(b, tag(fSpanLength, protowire.VarintType), byte(n))
	if t.POS != "" {
		b = append(b, tag(2, protowire.BytesType), byte(len(t.POS)))
		b = append(b, t.POS...)
	}
	if t.Lemma != "" {
		b = append(b, tag(3, protowire.BytesType), byte(len(t.Lemma)))
		b = append(b, t.Lemma...)
	}
	return b
}

// tokenFields writes a Token field field by field.
func (w *wireWriter) tokenFields(b []byte, t *pipeline.Token) []byte {
	b = begin(b, fAnalysisTokens)
	start := len(b)
	b = w.span(b, 1, t.Span)
	b = w.str(b, 2, t.POS)
	b = w.str(b, 3, t.Lemma)
	return end(b, start)
}

func (w *wireWriter) entity(b []byte, e *pipeline.Entity) []byte {
	b = begin(b, fAnalysisEntities)
	start := len(b)
	b = w.str(b, 1, e.Name)
	b = w.int32(b, 2, entityTypes.value(string(e.Type), int32(articlev1.EntityType_ENTITY_TYPE_MISC)))
	b = w.double(b, 3, e.Salience)
	for _, m := range e.Mentions {
		b = begin(b, 4)
		ms := len(b)
		b = w.span(b, 1, m.Span)
		b = w.int32(b, 2, mentionTypes.value(string(m.Type), 0))
		b = end(b, ms)
	}
	b = w.sentiment(b, 5, e.Sentiment)
	b = w.str(b, 6, e.CountryCode)
	if l := e.Location; l != nil {
		b = begin(b, 7)
		ls := len(b)
		b = w.double(b, 1, l.Lat)
		b = w.double(b, 2, l.Lng)
		b = end(b, ls)
	}
	for _, r := range e.Roles {
		b = begin(b, 8)
		rs := len(b)
		b = w.str(b, 1, r.Title)
		b = w.str(b, 2, r.Affiliation)
		b = end(b, rs)
	}
	b = w.str(b, 9, e.RegionCode)
	b = end(b, start)
	return b
}
