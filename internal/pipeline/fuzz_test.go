package pipeline

import (
	"context"
	"testing"
	"time"
)

// FuzzAnalyze runs every stage with every feature, on real models, over
// arbitrary text: no stage may fail with an internal error (a panic the
// engine recovers comes back as one). The analysers' own fuzz targets
// drive one package each with rough tags; this one reaches them through
// the real tokeniser, tagger and recogniser, where a two-letter stem once
// crashed the lemmatiser ("000000000000000000 ated").
//
//	go test ./internal/pipeline -run '^$' -fuzz FuzzAnalyze -fuzztime 60s
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"The mayor spoke on Monday. \"It took ten years,\" she said.\n\nTraffic eased.",
		"Ferry talks resume on Monday\n\nThe Bank said on Tuesday it would raise rates. The BoE's governor said: \"No.\"",
		"The council met.\n000000000000000000 ated\n",
		"Middlesbrough mayor Jo Price said the 9/11 attacks in 2001 changed everything, he claims.",
		"s\n\nS s s. 'em ’n’ ‘‘a’’ — “…” £5m €3 9/11 Q3 2004-W08",
		"A. B. C.\n\n\n.\n,\n;",
	} {
		f.Add(s)
	}
	e := benchEngine(f)
	f.Fuzz(func(t *testing.T, s string) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		_, err := e.Analyze(ctx, benchRequest(s), nil)
		if err != nil && KindOf(err) == KindInternal {
			t.Fatalf("internal error on %q: %v", s, err)
		}
	})
}
