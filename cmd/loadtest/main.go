// Command loadtest measures a Lector server on loopback: articles/s,
// words/s and p50/p90/p99 latency over gRPC unary (AnalyzeArticle), the
// bidirectional stream (AnalyzeArticles) and REST (POST
// /v1/articles:analyze) at several concurrencies, with error counts by
// code; the time from exec to ready and the resident memory of the server;
// and, with -overload, how the server behaves at twice its sustainable
// load and whether it recovers when the load drops.
//
// By default it builds ./server, starts it on free loopback ports, runs the
// whole matrix and prints a markdown table (progress goes to stderr):
//
//	go run ./cmd/loadtest                                  # matrix: grpc, stream, rest × 1, 8, 64
//	go run ./cmd/loadtest -duration 20s -concurrency 8     # one concurrency, longer runs
//	go run ./cmd/loadtest -modes grpc -overload 60s        # plus 60 s at 2× the sustainable rate
//	go run ./cmd/loadtest -grpc-addr 127.0.0.1:50051 -http-addr 127.0.0.1:8080   # a running server
//
// Every run is bounded: by -duration, or by -requests calls per cell.
// Closed-loop callers that get RESOURCE_EXHAUSTED (HTTP 429) wait the
// server's RetryInfo delay before their next call, as a well-behaved client
// does: over REST the one in the error body; on the bidirectional stream
// the refused article's place in flight stays taken that long. The
// -overload run does not wait.
//
// The load generator shares the machine with the server it measures, so it
// reports its own CPU per article too, and keeps it low: it decodes one
// gRPC answer in -decode-every 16 into the generated messages and checks
// the others on the wire (checkCodec), and runs its garbage collector at
// -gc-percent 400 (decoding a gRPC answer allocates about 180 kB over a
// live heap of a few MB).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/cputime"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

type options struct {
	grpcAddr, httpAddr string
	pid                int
	serverBin          string
	serverFlags        string
	modes              []string
	concurrency        []int
	duration, warmup   time.Duration
	requests           int
	articlePath        string
	timeout            time.Duration
	streamInFlight     int
	grpcConns          int
	readyRuns          int
	overload           time.Duration
	overloadRate       float64
	overloadFactor     float64
	window             time.Duration
	minBackoff         time.Duration
	gcPercent          int
	decodeEvery        int
	cpuProfile         string
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var modes, conc string
	fs.StringVar(&o.grpcAddr, "grpc-addr", "", "gRPC address of a running server; empty: build and start ./server on loopback")
	fs.StringVar(&o.httpAddr, "http-addr", "", "HTTP address of the running server given by -grpc-addr")
	fs.IntVar(&o.pid, "pid", 0, "process id of the running server, to report its memory")
	fs.StringVar(&o.serverBin, "server-bin", "", "server binary to start instead of building ./server")
	fs.StringVar(&o.serverFlags, "server-flags", "", "extra flags for the started server, e.g. \"--max-in-flight 4\"")
	fs.StringVar(&modes, "modes", "grpc,stream,rest", "comma-separated modes: grpc (unary), stream (bidi AnalyzeArticles), rest (POST /v1/articles:analyze)")
	fs.StringVar(&conc, "concurrency", "1,8,64", "comma-separated concurrencies (callers, or articles in flight for stream)")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "length of each cell of the matrix (0: bounded by -requests only)")
	fs.IntVar(&o.requests, "requests", 0, "calls per cell (0: bounded by -duration only)")
	fs.DurationVar(&o.warmup, "warmup", 2*time.Second, "warm-up before each mode (not measured)")
	fs.StringVar(&o.articlePath, "article", "internal/pipeline/testdata/bench_600.txt", "the article sent in every call (plain text)")
	fs.DurationVar(&o.timeout, "timeout", 10*time.Second, "deadline of each call")
	fs.IntVar(&o.streamInFlight, "stream-in-flight", 8, "articles in flight per bidi stream (the server's --max-concurrency); concurrency c opens ceil(c/this) streams")
	fs.IntVar(&o.grpcConns, "grpc-conns", 1, "gRPC connections shared by the callers")
	fs.IntVar(&o.readyRuns, "ready-runs", 3, "times the server is started to measure the time to ready (only when it is started here)")
	fs.DurationVar(&o.overload, "overload", 0, "after the matrix, drive gRPC unary open-loop at -overload-factor × the sustainable rate for this long (0: skip), then check recovery")
	fs.Float64Var(&o.overloadRate, "overload-rate", 0, "sustainable rate in articles/s for -overload (0: the gRPC concurrency-8 figure of the matrix, or a 10 s measurement)")
	fs.Float64Var(&o.overloadFactor, "overload-factor", 2, "overload rate as a multiple of the sustainable rate")
	fs.DurationVar(&o.window, "window", 10*time.Second, "reporting window of the overload run")
	fs.DurationVar(&o.minBackoff, "min-backoff", 0, "least time a caller waits after RESOURCE_EXHAUSTED (HTTP 429), whatever the server's retry hint")
	fs.IntVar(&o.gcPercent, "gc-percent", 400, "this process's garbage collection target (Go's GOGC; 0: leave GOGC's): decoding a gRPC answer allocates about 180 kB over a live heap of a few MB, so with Go's 100 the load generator collects every few dozen answers; 400 cuts its CPU per article by about a fifth (0.77 → 0.63 ms at concurrency 8) for a few MB")
	fs.IntVar(&o.decodeEvery, "decode-every", 16, "decode one gRPC answer in this many into the generated messages and check its parts (1: every answer); the others are checked on the wire (well-formed fields, every part asked for present) without building the messages, which costs the load generator about 0.45 ms of the shared CPUs per 600-word answer")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write the load generator's own CPU profile to this file (the server has --pprof-addr)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %v", fs.Args())
	}
	for _, m := range strings.Split(modes, ",") {
		m = strings.TrimSpace(m)
		if m != modeGRPC && m != modeStream && m != modeREST {
			return nil, fmt.Errorf("-modes: unknown mode %q", m)
		}
		o.modes = append(o.modes, m)
	}
	for _, c := range strings.Split(conc, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("-concurrency: %q is not a positive number", c)
		}
		o.concurrency = append(o.concurrency, n)
	}
	if o.duration <= 0 && o.requests <= 0 {
		return nil, fmt.Errorf("set -duration or -requests: every run must be bounded")
	}
	if (o.grpcAddr == "") != (o.httpAddr == "") {
		return nil, fmt.Errorf("-grpc-addr and -http-addr go together")
	}
	return o, nil
}

func grpcDialOptions() []grpc.DialOption {
	return []grpc.DialOption{
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(math.MaxInt32)),
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	article, err := os.ReadFile(o.articlePath)
	if err != nil {
		return err
	}
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, format+"\n", a...) }
	if o.gcPercent > 0 {
		defer debug.SetGCPercent(debug.SetGCPercent(o.gcPercent))
	}
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	var srv *server
	var readyTimes, readyCPU []time.Duration
	startLoad := loadAverage()
	pid := o.pid
	if o.grpcAddr == "" {
		bin := o.serverBin
		dir, err := os.MkdirTemp("", "lector-loadtest")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if bin == "" {
			logf("building ./server ...")
			if bin, err = buildServer(ctx, dir); err != nil {
				return err
			}
		}
		extra := strings.Fields(o.serverFlags)
		logPath := dir + "/server.log"
		for i := range max(1, o.readyRuns) {
			if srv, err = startServer(ctx, bin, extra, logPath); err != nil {
				return err
			}
			readyTimes = append(readyTimes, srv.ready)
			readyCPU = append(readyCPU, srv.readyCPU)
			logf("server ready in %v, %v of CPU (start %d)", srv.ready.Round(time.Millisecond), srv.readyCPU, i+1)
			if i < o.readyRuns-1 {
				srv.stop()
			}
		}
		defer srv.stop()
		o.grpcAddr, o.httpAddr, pid = srv.grpcAddr, srv.httpAddr, srv.cmd.Process.Pid
	}
	idleRSS, _ := memory(pid)

	t := &target{
		article:        string(article),
		restBody:       restBody(string(article)),
		words:          len(strings.Fields(string(article))),
		timeout:        o.timeout,
		streamInFlight: o.streamInFlight,
		minBackoff:     o.minBackoff,
		restURL:        "http://" + o.httpAddr + "/v1/articles:analyze",
	}
	codec := newCheckCodec(o.decodeEvery)
	for range max(1, o.grpcConns) {
		conn, err := grpc.NewClient(o.grpcAddr, append(grpcDialOptions(), grpc.WithDefaultCallOptions(grpc.ForceCodecV2(codec)))...)
		if err != nil {
			return err
		}
		defer conn.Close()
		t.conns = append(t.conns, conn)
		t.clients = append(t.clients, articlev1.NewArticleAnalysisServiceClient(conn))
	}
	maxConc := slices.Max(o.concurrency)
	t.http = &http.Client{Transport: &http.Transport{MaxIdleConns: maxConc * 2, MaxIdleConnsPerHost: maxConc * 2, IdleConnTimeout: time.Minute}}

	var results []result
	for _, mode := range o.modes {
		if o.warmup > 0 {
			t.run(ctx, mode, 8, newBound(o.warmup, 0))
		}
		for _, c := range o.concurrency {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			cpu0, own0 := cpuTime(pid), cputime.Process()
			r := t.run(ctx, mode, c, newBound(o.duration, o.requests))
			own := cputime.Process() - own0
			if cpu := cpuTime(pid) - cpu0; cpu > 0 && r.OK > 0 {
				r.CPUPerOK = cpu / time.Duration(r.OK)
			}
			if r.OK > 0 {
				r.OwnCPUPerOK = own / time.Duration(r.OK)
			}
			r.RSSKB, r.HWMKB = memory(pid)
			r.Load = loadAverage()
			logf("%-6s c=%-3d %7.1f articles/s  p50 %-8v p90 %-8v p99 %-8v errors %s  cpu %s ms/article (load generator %s)  rss %d MB  load %s",
				mode, c, r.ArticlesPS, r.P50.Round(100*time.Microsecond), r.P90.Round(100*time.Microsecond),
				r.P99.Round(100*time.Microsecond), errorSummary(r.Errors), ms2(r.CPUPerOK), ms2(r.OwnCPUPerOK), r.RSSKB>>10, r.Load)
			results = append(results, r)
		}
	}
	printMatrix(stdout, o, t, results, readyTimes, readyCPU, startLoad, idleRSS, pid)

	if o.overload > 0 {
		rate := o.overloadRate
		if rate <= 0 {
			for _, r := range results {
				if r.Mode == modeGRPC && r.Concurrency == 8 {
					rate = r.ArticlesPS
				}
			}
		}
		if rate <= 0 {
			logf("measuring the sustainable rate (gRPC, concurrency 8, 10 s) ...")
			rate = t.run(ctx, modeGRPC, 8, newBound(10*time.Second, 0)).ArticlesPS
		}
		rep := t.overloadRun(ctx, rate*o.overloadFactor, o.overload, o.window, pid, logf)
		rep.sustainable = rate
		rep.print(stdout)
	}
	return ctx.Err()
}

func ms(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 1, 64) }

// ms2 is ms with two decimals.
func ms2(d time.Duration) string { return strconv.FormatFloat(float64(d)/1e6, 'f', 2, 64) }

func printMatrix(w io.Writer, o *options, t *target, results []result, ready, readyCPU []time.Duration, startLoad string, idleRSS int64, pid int) {
	fmt.Fprintf(w, "\nLoad test: %d-word article (%s), all features, %d CPUs, load average %s at the end.\n\n",
		t.words, o.articlePath, numCPU(), loadAverage())
	fmt.Fprintln(w, "| mode | concurrency | articles/s | words/s | p50 ms | p90 ms | p99 ms | errors | server CPU ms/article | load generator CPU ms/article | server RSS MB | load avg |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|")
	for _, r := range results {
		fmt.Fprintf(w, "| %s | %d | %.0f | %.0f | %s | %s | %s | %s | %s | %s | %d | %s |\n", modeLabel(r.Mode), r.Concurrency,
			r.ArticlesPS, r.WordsPS, ms(r.P50), ms(r.P90), ms(r.P99), errorSummary(r.Errors), ms(r.CPUPerOK), ms2(r.OwnCPUPerOK), r.RSSKB>>10, r.Load)
	}
	fmt.Fprintln(w)
	if len(ready) > 0 {
		s := slices.Sorted(slices.Values(ready))
		c := slices.Sorted(slices.Values(readyCPU))
		fmt.Fprintf(w, "Time from exec to ready (/readyz 200 and gRPC health SERVING), %d starts: min %s ms, median %s ms, max %s ms; "+
			"CPU time used by then: median %s ms (load average %s before the starts).\n",
			len(s), ms(s[0]), ms(s[len(s)/2]), ms(s[len(s)-1]), ms(c[len(c)/2]), startLoad)
	}
	if pid > 0 {
		rss, hwm := memory(pid)
		fmt.Fprintf(w, "Server memory: %d MB resident when idle after start, %d MB after the runs, peak (VmHWM) %d MB.\n",
			idleRSS>>10, rss>>10, hwm>>10)
	}
	if len(results) > 0 {
		var grpc8, rest8 float64
		for _, r := range results {
			if r.Concurrency == 8 && r.Mode == modeGRPC {
				grpc8 = r.ArticlesPS
			}
			if r.Concurrency == 8 && r.Mode == modeREST {
				rest8 = r.ArticlesPS
			}
		}
		if grpc8 > 0 && rest8 > 0 {
			fmt.Fprintf(w, "REST at concurrency 8 runs at %.0f %% of gRPC unary.\n", 100*rest8/grpc8)
		}
		for _, r := range results {
			if r.Concurrency == 8 && r.CPUPerOK > 0 {
				fmt.Fprintf(w, "%s at concurrency 8: %s ms of server CPU per article, so at most %.0f articles/s on %d idle CPUs.\n",
					modeLabel(r.Mode), ms(r.CPUPerOK), float64(numCPU())*float64(time.Second)/float64(r.CPUPerOK), numCPU())
			}
		}
	}
}

func modeLabel(m string) string {
	switch m {
	case modeGRPC:
		return "gRPC unary"
	case modeStream:
		return "gRPC bidi stream"
	case modeREST:
		return "REST JSON"
	}
	return m
}
