package gateway

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/protobuf/proto"
)

// NewDecoder reads request bodies as runtime.JSONPb does, except that an
// article's publish_time (publishTime) written as a date ("2024-03-14") or
// as a time without a zone ("2024-03-14T09:30:00", "2024-03-14 09:30")
// reads as that time in UTC. protojson takes a Timestamp only in RFC 3339
// with a zone, and the whole call failed (400, MALFORMED_REQUEST): a caller
// who sends an article's date as its source gives it, as a TimeML creation
// time, got no analysis at all. A time with a zone but no seconds
// ("2024-03-14T09:30+02:00") gets them; any other value with a zone is
// left to protojson.
//
// A byte order mark before the JSON is skipped (RFC 8259 8.1 allows it;
// Windows tools write one). A body that holds one request (oneValue: every
// REST method of the API) has nothing but white space after it: the rest
// was ignored, so two requests sent in one body ("{...}{...}", NDJSON to a
// unary method) got the first one's analysis and no word about the second.
func (m *fastJSON) NewDecoder(r io.Reader) runtime.Decoder {
	_, single := r.(oneValue)
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3)
	}
	d := json.NewDecoder(br)
	return runtime.DecoderFunc(func(v any) error {
		p, ok := v.(proto.Message)
		if !ok {
			return runtime.DecoderWrapper{Decoder: d, UnmarshalOptions: m.UnmarshalOptions}.Decode(v)
		}
		var b json.RawMessage
		if err := d.Decode(&b); err != nil {
			return err
		}
		if single {
			if _, err := d.Token(); err != io.EOF {
				var se *json.SyntaxError
				if err != nil && !errors.As(err, &se) {
					return err // reading failed: too large, too slow
				}
				return errTrailingData
			}
		}
		err := m.UnmarshalOptions.Unmarshal(lenientTimes(b), p)
		if err != nil {
			if line, col, esc, ok := loneSurrogate(b); ok {
				// protojson's own error said "unexpected EOF", or "invalid
				// escape code" quoting what follows
				return fmt.Errorf("(line %d:%d): invalid UTF-8: %s is half of a UTF-16 surrogate pair, without its other half; "+
					"JSON strings must hold whole characters (a text cut inside a character such as an emoji?)", line, col, esc)
			}
		}
		return err
	})
}

// loneSurrogate finds the first \u escape in the JSON b that is half of a
// UTF-16 surrogate pair without its other half, and returns its line and
// column (from 1, in characters) and the escape itself.
func loneSurrogate(b []byte) (line, col int, esc string, ok bool) {
	hex := func(i int) (rune, bool) { // the \uXXXX escape at b[i]
		if i+6 > len(b) || b[i] != '\\' || b[i+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16)
		return rune(v), err == nil
	}
	inString := false
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case !inString:
			inString = c == '"'
		case c == '"':
			inString = false
		case c == '\\' && i+1 < len(b) && b[i+1] == 'u':
			r, _ := hex(i)
			if utf16.IsSurrogate(r) {
				if r < 0xdc00 { // a high half: a low one must follow
					if r2, ok := hex(i + 6); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
						i += 11
						continue
					}
				}
				before := b[:i]
				start := bytes.LastIndexByte(before, '\n') + 1
				return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1, string(b[i : i+6]), true
			}
			i++
		case c == '\\':
			i++ // an escaped character: \" or \\ does not end or start anything
		}
	}
	return 0, 0, "", false
}

// errTrailingData is the error of a body with more after its JSON value.
var errTrailingData = errors.New("the request body has more after its JSON object; send one request per call (or use batchAnalyze)")

// zonelessTime matches a publish_time string value that is a date, or a
// date and a time of day, without a zone or with one but without seconds
// ("2024-03-14T09:30+02:00", which RFC 3339 does not allow either).
var zonelessTime = regexp.MustCompile(`("publish_?[tT]ime"\s*:\s*")(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?"`)

// numericTime matches a publish_time written as a JSON number.
var numericTime = regexp.MustCompile(`("publish_?[tT]ime"\s*:\s*)(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)`)

// lenientTimes rewrites such publish times in b to RFC 3339 (in UTC when
// they have no zone).
func lenientTimes(b []byte) []byte {
	if !bytes.Contains(b, []byte("ublish")) {
		return b
	}
	// a number (Unix seconds?) is quoted, so that protojson's error is the
	// Timestamp's, which malformedMessage follows with the forms it takes,
	// not "unexpected token 1710408600", which named no field
	b = numericTime.ReplaceAll(b, []byte(`$1"$2"`))
	return zonelessTime.ReplaceAllFunc(b, func(m []byte) []byte {
		s := zonelessTime.FindSubmatch(m)
		hm, sec, zone := s[3], s[4], s[5]
		if zone == nil {
			zone = []byte("Z") // no zone: UTC
		}
		if hm == nil {
			hm = []byte("00:00")
		}
		if sec == nil {
			sec = []byte(":00")
		}
		out := append([]byte(nil), s[1]...)
		out = append(out, s[2]...)
		out = append(out, 'T')
		out = append(out, hm...)
		out = append(out, sec...)
		out = append(out, zone...)
		if _, err := time.Parse(time.RFC3339Nano, string(out[len(s[1]):])); err != nil {
			// not a time ("2023-13-45"): left as sent, so the error quotes
			// what the caller wrote, not "2023-13-45T00:00:00Z"
			return m
		}
		return append(out, '"')
	})
}

// oneValue is a request body that holds one request.
type oneValue struct{ io.ReadCloser }

// withOneValue marks the bodies of the API's methods, each of which takes
// one request, for the decoder.
func withOneValue(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil && r.Body != http.NoBody && strings.HasPrefix(r.URL.Path, "/v1/") {
			r.Body = oneValue{r.Body}
		}
		next.ServeHTTP(w, r)
	})
}
