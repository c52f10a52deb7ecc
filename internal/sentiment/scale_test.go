package sentiment

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
	"github.com/lector-nlp/lector/internal/text"
)

// scaleName is an invented name, different for every i.
func scaleName(i int) string {
	syl := []string{"dal", "ver", "mon", "ka", "ri", "sto", "len", "bru", "fa", "gel", "tor", "ni", "pas", "qui", "zem", "ho"}
	var b strings.Builder
	for range 3 {
		b.WriteString(syl[i%len(syl)])
		i /= len(syl)
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// TestTargetScaling: the entity sentiment of an article stays linear in
// its length when every entity is named once, in one sentence without a
// full stop (each target read the whole sentence: entities × tokens, 118 s
// of CPU for 1 MB through the pipeline) or in a sentence of its own (each
// entity stepped through the sentences from the first). The article of
// 8 times the units must take less than 20 times as long (linear: 8).
func TestTargetScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("long articles")
	}
	m := mustLoad(t)
	for _, shape := range []struct {
		name string
		unit string // %s: the entity
	}{
		{"no full stop", "%s and the farmers asked for more money and "},
		{"a sentence each", "%s said the farmers asked for more money. "},
	} {
		t.Run(shape.name, func(t *testing.T) {
			build := func(n int) (*text.Document, [][]text.Span) {
				var b strings.Builder
				spans := make([][]text.Span, n)
				before, after, _ := strings.Cut(shape.unit, "%s")
				for i := range n {
					b.WriteString(before)
					name := scaleName(i)
					spans[i] = []text.Span{{Start: b.Len(), End: b.Len() + len(name)}}
					b.WriteString(name)
					b.WriteString(after)
				}
				return analyze(b.String()), spans
			}
			run := func(doc *text.Document, spans [][]text.Span) time.Duration {
				runtime.GC()
				defer debug.SetGCPercent(debug.SetGCPercent(-1))
				return cputime.Run(func() {
					for _, sp := range spans {
						m.Target(doc, sp)
					}
				})
			}
			const small, large = 1000, 8000
			sd, ss := build(small)
			ld, ls := build(large)
			run(sd, ss)
			st, lt := time.Hour, time.Hour
			for range 3 {
				st, lt = min(st, run(sd, ss)), min(lt, run(ld, ls))
			}
			t.Logf("%d entities in %d tokens: %v; %d in %d: %v (×%.1f)", small, len(sd.Tokens), st, large,
				len(ld.Tokens), lt, float64(lt)/float64(st))
			if lt > max(20*st, 50*time.Millisecond) {
				t.Errorf("%d entities took %v, %d took %v: more than 20 times for 8 times the article", large, lt, small, st)
			}
		})
	}
}
