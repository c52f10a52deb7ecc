package pipeline

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lector-nlp/lector/internal/cputime"
)

// The adversarial shapes below are written for this test (no dataset
// text): each builds an article of about n bytes out of one pattern
// repeated, the inputs that made single analysers quadratic before (a
// surname repeated in the key phrases, a town before a comma in the entity
// resolution). TestAdversarialScaling checks that every stage stays about
// linear on them, from 100 kB to the 1 MB article limit.

// syllables make invented names: name(i) is distinct for every i.
var scaleSyllables = []string{"dal", "ver", "mon", "ka", "ri", "sto", "len", "bru", "fa", "gel", "tor", "ni", "pas", "qui", "zem", "ho"}

func scaleName(i int) string {
	var b strings.Builder
	for k := 0; k < 3; k++ {
		b.WriteString(scaleSyllables[i%len(scaleSyllables)])
		i /= len(scaleSyllables)
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

var scaleWords = strings.Fields("the council voted to extend the old road past the river and the farmers who work " +
	"near the school asked for more money while the mayor spoke about water prices rising in winter " +
	"because rain was late this year and many families have left the valley for jobs in the city")

// repeatTo repeats unit(i) for i = 0, 1, ... until the text has n bytes.
func repeatTo(n int, unit func(i int) string) string {
	var b strings.Builder
	b.Grow(n + 256)
	for i := 0; b.Len() < n; i++ {
		b.WriteString(unit(i))
	}
	return b.String()
}

type scaleShape struct {
	name string
	html bool
	gen  func(n int) string
}

// scaleWithout names the shapes that run without a feature, and why: a
// known superlinear path, reported to the package's owner. Remove the
// entry with the fix; the other stages are still checked.
var scaleWithout = map[string]struct {
	features []Feature
	why      string
}{
	// none: the quotes' end scan per cue and the recogniser's probe chains of
	// numbers were fixed in session 16 (giant-sentence, names-no-stop,
	// number-list)
}

// scaleEnglish is an English sentence, different for each i, so that the
// language stage reads the article as English and every stage runs.
func scaleEnglish(i int) string {
	return fmt.Sprintf("The %s said the %s would %s the %s. ", scaleWords[i%len(scaleWords)],
		scaleWords[(i*3)%len(scaleWords)], scaleWords[(i*5)%len(scaleWords)], scaleWords[(i*11)%len(scaleWords)])
}

// scaleFrame puts an English paragraph of about 4 kB before and after
// middle.
func scaleFrame(middle string) string {
	p := repeatTo(4<<10, scaleEnglish)
	return p + middle + "\n\n" + p
}

var scaleShapes = []scaleShape{
	{"giant-sentence", false, func(n int) string {
		return "The " + repeatTo(n, func(i int) string { return scaleWords[(i*7)%len(scaleWords)] + " " }) + "end."
	}},
	{"giant-paragraph", false, func(n int) string {
		return repeatTo(n, func(i int) string {
			return fmt.Sprintf("The %s %s %s near the %s. ", scaleWords[i%len(scaleWords)],
				scaleWords[(i*3)%len(scaleWords)], scaleWords[(i*5)%len(scaleWords)], scaleWords[(i*11)%len(scaleWords)])
		})
	}},
	{"one-word-lines", false, func(n int) string {
		return repeatTo(n, func(i int) string { return scaleWords[i%len(scaleWords)] + "\n" })
	}},
	{"same-quote", false, func(n int) string {
		return repeatTo(n, func(int) string { return "\u201cWe will rebuild the bridge before winter,\u201d the mayor said. " })
	}},
	{"unterminated-quote", false, func(n int) string {
		return "\u201c" + repeatTo(n, func(i int) string {
			return fmt.Sprintf("The %s asked for the %s to be %s. ", scaleWords[i%len(scaleWords)],
				scaleWords[(i*3)%len(scaleWords)], scaleWords[(i*5)%len(scaleWords)])
		})
	}},
	{"said-cues", false, func(n int) string {
		return repeatTo(n, func(i int) string {
			return fmt.Sprintf("The road will open in May, said %s %s. According to %s, the work is late. ",
				scaleName(i), scaleName(i+7), scaleName(i+13))
		})
	}},
	{"dates", false, func(n int) string {
		days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
		return repeatTo(n, func(i int) string {
			return fmt.Sprintf("On %s, %d/%d, the talks of the %d0s resumed, and on March %d, %d, next %s, they ended. ",
				days[i%7], 1+i%12, 1+i%28, 190+i%12, 1+i%28, 1950+i%70, days[(i+3)%7])
		})
	}},
	{"names-acronyms", false, func(n int) string {
		return repeatTo(n, func(i int) string {
			a, b := scaleName(i), scaleName(i+1)
			return fmt.Sprintf("%s %s of the %s Trade Board (%s) met %s's team and the %s Group. ",
				a, b, scaleName(i+2), strings.ToUpper(a[:1]+b[:1])+"B", b, scaleName(i+3))
		})
	}},
	{"same-names", false, func(n int) string {
		return repeatTo(n, func(int) string {
			return "Mr. Harlow Denvik met Elsa Marrow in Tarnbridge, and Denvik said Marrow's plan for Tarnbridge would work. "
		})
	}},
	{"mr-titles", false, func(n int) string {
		return repeatTo(n, func(i int) string { return "Mr. Mrs. Dr. Mr. " + scaleName(i%50) + " " + scaleEnglish(i) })
	}},
	{"names-no-stop", false, func(n int) string {
		return "The " + repeatTo(n, func(i int) string {
			if i%8 == 0 {
				return scaleName(i/8) + " " + scaleName(i/8+5) + " and "
			}
			return scaleWords[(i*7)%len(scaleWords)] + " "
		}) + "end."
	}},
	{"long-sentences-names", false, func(n int) string {
		return repeatTo(n, func(i int) string {
			if i%300 == 299 {
				return scaleName(i) + " left. "
			}
			if i%4 == 0 {
				return scaleName(i) + " and "
			}
			return scaleWords[(i*7)%len(scaleWords)] + " "
		})
	}},
	{"open-quotes", false, func(n int) string {
		return repeatTo(n, func(i int) string { return "\u201c" + scaleEnglish(i) + "said " + scaleName(i) + ". " })
	}},
	{"number-list", false, func(n int) string {
		return "The counts were " + repeatTo(n, func(i int) string { return fmt.Sprintf("%d, ", i) }) + "and more."
	}},
	{"same-word", false, func(n int) string {
		return "The " + repeatTo(n, func(int) string { return "council " }) + "met."
	}},
	{"brackets", false, func(n int) string {
		return repeatTo(n, func(i int) string { return "The ((" + scaleName(i) + " (ABC) [x] {y})) board met. " })
	}},
	{"digits-urls", false, func(n int) string {
		return repeatTo(n, func(i int) string {
			return fmt.Sprintf("%d%d%d https://www.example.org/a/%d?q=%d&r=x#f 3.14159 1,234,567 +44 20 7946 0%03d %s",
				i, i*31, i*977, i, i*3, i%1000, scaleEnglish(i))
		})
	}},
	{"emoji-scripts", false, func(n int) string {
		return repeatTo(n, func(i int) string {
			return "The team 🎉🔥👍🏽 won again. Ça va très bien, Ελλάδα και Россия. 北京市政府今天宣布新的交通计划并开始实施 " +
				"مرحبا بكم في المدينة שלום עולם " + scaleEnglish(i) + scaleEnglish(i+1)
		})
	}},
	{"cjk-no-spaces", false, func(n int) string {
		return scaleFrame(repeatTo(n, func(int) string { return "北京市政府今天宣布新的交通计划并开始实施" }))
	}},
	{"digit-run", false, func(n int) string { return scaleFrame("Figure " + strings.Repeat("7", n) + " reported.") }},
	{"single-token", false, func(n int) string { return scaleFrame(strings.Repeat("a", n)) }},
	{"rtl-text", false, func(n int) string {
		return scaleFrame(repeatTo(n, func(int) string {
			return "مرحبا بكم في المدينة الجديدة، قال رئيس البلدية. שלום עולם. "
		}))
	}},
	{"html-nested", true, func(n int) string {
		// tags nested 400 deep (under the reader's 512), then siblings
		unit := strings.Repeat("<div><span>", 200) + "<p>The council voted to extend the road past the river.</p>" +
			strings.Repeat("</span></div>", 200)
		return "<html><head><title>Road</title></head><body><article>" +
			repeatTo(n, func(int) string { return unit }) + "</article></body></html>"
	}},
	{"html-attributes", true, func(n int) string {
		return "<html><body><article>" + repeatTo(n, func(i int) string {
			return fmt.Sprintf("<p class=\"%s\" data-x=\"%d\">The mayor spoke about water prices in the valley.</p>",
				strings.Repeat("c", 2000), i)
		}) + "</article></body></html>"
	}},
	{"html-huge-attribute", true, func(n int) string {
		return "<html><body><article><p data-x=\"" + strings.Repeat("x", n) +
			"\">The mayor spoke about water prices in the valley.</p>" +
			"<p>The farmers asked for more money while the rain was late.</p></article></body></html>"
	}},
}

// scaleRun analyses s once with collection off and returns the process
// CPU time and the per-stage timings.
func scaleRun(tb testing.TB, e *Engine, sh scaleShape, s string) (time.Duration, []StageTiming) {
	tb.Helper()
	req := benchRequest(s)
	if sh.html {
		req.Source = SourceHTML
	}
	if w, ok := scaleWithout[sh.name]; ok {
		var fs []Feature
		for _, f := range AllFeatures {
			if !slices.Contains(w.features, f) {
				fs = append(fs, f)
			}
		}
		req.Features = NewFeatureSet(fs...)
	}
	runtime.GC()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	c0 := cputime.Process()
	res, err := e.Analyze(context.Background(), req, nil)
	cpu := cputime.Process() - c0
	if err != nil {
		tb.Fatalf("%v", err)
	}
	for _, n := range res.Analysis.Notices {
		if strings.Contains(n.Reason, "English only") {
			tb.Fatalf("%s: %s (every stage should run)", n.Feature, n.Reason)
		}
	}
	return cpu, res.Timings
}

// stageRatio lists the stages whose time grew most from small to large.
func stageRatios(small, large []StageTiming) string {
	m := map[string]time.Duration{}
	for _, t := range small {
		m[t.Stage] += t.Duration
	}
	type r struct {
		stage  string
		s, l   time.Duration
		growth float64
	}
	var rs []r
	for _, t := range large {
		s := m[t.Stage]
		rs = append(rs, r{t.Stage, s, t.Duration, float64(t.Duration) / float64(max(s, time.Microsecond))})
	}
	slices.SortFunc(rs, func(a, b r) int { return int(b.l - a.l) })
	var b strings.Builder
	for _, x := range rs[:min(5, len(rs))] {
		fmt.Fprintf(&b, " %s %v→%v (×%.1f)", x.stage, x.s.Round(time.Millisecond/10), x.l.Round(time.Millisecond), x.growth)
	}
	return b.String()
}

// TestAdversarialScaling analyses each shape at about 100 kB and 1 MB and
// fails when the 1 MB article takes more than 40 times the CPU of the
// 100 kB one (linear work takes about 10 times, and up to 25 where the
// larger buffers of a 1 MB article miss the caches; a quadratic path takes
// about 100), or when the 100 kB one
// takes more than the 1 MB one (a cliff: a path taken below a size). Each
// size is timed with collection off; the 100 kB one is timed three times
// and the 1 MB one once, and again (up to three times, the 100 kB one with
// it) only when a check fails, which the first run on a large article,
// growing the buffers, may make it do; the best run of each is kept. Every stage must run (the article reads as English).
// LECTOR_SCALE=shape runs one shape.
func TestAdversarialScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("1 MB articles")
	}
	if raceEnabled {
		t.Skip("the race detector's slowdown is not linear in the input")
	}
	e := benchEngine(t)
	only := os.Getenv("LECTOR_SCALE")
	const small, large = 100 << 10, 1 << 20
	for _, sh := range scaleShapes {
		if only != "" && only != sh.name {
			continue
		}
		t.Run(sh.name, func(t *testing.T) {
			if w, ok := scaleWithout[sh.name]; ok {
				t.Logf("without %v: %s", w.features, w.why)
			}
			ss, ls := sh.gen(small), sh.gen(large)
			best := func(s string, n int) (time.Duration, []StageTiming) {
				var bd time.Duration = time.Hour
				var bt []StageTiming
				for range n {
					d, ts := scaleRun(t, e, sh, s)
					if d < bd {
						bd, bt = d, ts
					}
				}
				return bd, bt
			}
			sd, st := best(ss, 3)
			// the first call on a large article grows the analysers'
			// buffers (the recogniser's: 0.7-1 s): the 1 MB article is
			// timed again whenever a check fails, and the best run is
			// kept (a warm-up run on it before each shape took 40 % of
			// the test's time)
			ld, lt := best(ls, 1)
			bound := func() time.Duration { return max(40*sd, 250*time.Millisecond) }
			cliff := func() bool { return sd > max(ld, 50*time.Millisecond) }
			runs := 1
			for k := 0; k < 3 && (ld > bound() || cliff()); k++ {
				runs++
				d, ts := best(ls, 1)
				if d < ld {
					ld, lt = d, ts
				}
				if d2, ts2 := best(ss, 1); d2 < sd {
					sd, st = d2, ts2
				}
			}
			t.Logf("%s: %d B %v, %d B %v (×%.1f, best of %d);%s", sh.name, len(ss), sd.Round(time.Millisecond/10),
				len(ls), ld.Round(time.Millisecond), float64(ld)/float64(sd), runs, stageRatios(st, lt))
			// a cliff the other way: the 100 kB article costs more than the
			// 1 MB one (a 100 kB page nested 400 deep went to the HTML
			// extractor whole and took 0.7-1 s; the 1 MB one, 0.3 s)
			if cliff() {
				t.Errorf("%s: %d bytes took %v of CPU, more than %d bytes (%v)", sh.name, len(ss), sd, len(ls), ld)
			}
			if ld > bound() {
				t.Errorf("%s: %d bytes took %v of CPU, %d bytes %v: more than 40 times for 10 times the text",
					sh.name, len(ls), ld, len(ss), sd)
			}
		})
	}
}
