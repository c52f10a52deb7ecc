package main

import (
	"flag"
	"fmt"
	"log/slog"
	"net/netip"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
)

// Config is the server configuration. Every field has a flag and an
// environment variable; the flag wins.
type Config struct {
	GRPCAddr        string
	HTTPAddr        string
	MaxConns        int // per listener; 0: no limit
	MaxArticleBytes int
	MaxBatch        int
	MaxConcurrency  int
	MaxInFlight     int
	MaxQueue        int
	MaxQueueLarge   int // bytes of text
	MaxQueueWait    time.Duration
	MaxFetches      int
	StageBatch      int
	CORSOrigins     []string
	ShutdownTimeout time.Duration
	RequestTimeout  time.Duration
	LogLevel        slog.Level
	// URL sources.
	FetchAllow   []netip.Prefix
	FetchTimeout time.Duration
	MaxPageBytes int
	// Hardening: idle bidirectional streams, TLS, API keys, per-client
	// limits, debug logging of article text.
	StreamIdleTimeout   time.Duration
	WriteTimeout        time.Duration
	ReadTimeout         time.Duration
	GRPCReadTimeout     time.Duration
	TLSCert             string
	TLSKey              string
	TLSClientCA         string
	APIKeysFile         string
	RateLimit           int
	RateBurst           int
	MaxStreamsPerClient int
	LogArticleText      bool
	TrustedProxies      []netip.Prefix
	OTLPEndpoint        string
	OTLPInsecure        bool
	PprofAddr           string
	// Garbage collector: GOGC and the soft memory limit in MiB.
	GCPercent     int
	MemoryLimitMB int
}

// ParseFlags parses the command line, taking defaults from the environment
// (lookup is os.LookupEnv outside tests).
func ParseFlags(args []string, lookup func(string) (string, bool)) (Config, error) {
	var cfg Config
	fs := flag.NewFlagSet("lector", flag.ContinueOnError)
	var envErr error
	env := func(name, def string) string {
		if v, ok := lookup(name); ok {
			return v
		}
		return def
	}
	str := func(p *string, name, envName, def, usage string) {
		fs.StringVar(p, name, env(envName, def), usage+" (env "+envName+")")
	}
	num := func(p *int, name, envName string, def int, usage string) {
		v := def
		if s, ok := lookup(envName); ok {
			n, err := strconv.Atoi(s)
			if err != nil && envErr == nil {
				envErr = fmt.Errorf("%s=%q: not a number", envName, s)
			}
			v = n
		}
		fs.IntVar(p, name, v, usage+" (env "+envName+")")
	}
	dur := func(p *time.Duration, name, envName string, def time.Duration, usage string) {
		v := def
		if s, ok := lookup(envName); ok {
			d, err := time.ParseDuration(s)
			if err != nil && envErr == nil {
				envErr = fmt.Errorf("%s=%q: not a duration", envName, s)
			}
			v = d
		}
		fs.DurationVar(p, name, v, usage+" (env "+envName+")")
	}
	var origins, level, fetchAllow, trustedProxies string
	str(&cfg.GRPCAddr, "grpc-addr", "LECTOR_GRPC_ADDR", ":50051", "gRPC listen address")
	str(&cfg.HTTPAddr, "http-addr", "LECTOR_HTTP_ADDR", ":8080", "HTTP (JSON gateway) listen address")
	num(&cfg.MaxConns, "max-conns", "LECTOR_MAX_CONNS", DefaultMaxConns, "most connections open at once on each listener (gRPC, HTTP); at the limit the connection idle the longest (HTTP keep-alive, or gRPC with no call in progress) is closed to make room, else a new connection is accepted and refused at once: HTTP with 503 and reason TOO_MANY_CONNECTIONS, gRPC with UNAVAILABLE on its first call, then GOAWAY; under TLS it is closed. Calls in progress are never affected (0: no limit)")
	num(&cfg.MaxArticleBytes, "max-article-bytes", "LECTOR_MAX_ARTICLE_BYTES", 1<<20, "largest article accepted, in bytes")
	num(&cfg.MaxBatch, "max-batch", "LECTOR_MAX_BATCH", 100, "most articles in one batch request")
	num(&cfg.MaxConcurrency, "max-concurrency", "LECTOR_MAX_CONCURRENCY", 0, "articles of one stream or batch analysed at once (0: as many as --max-in-flight)")
	num(&cfg.MaxInFlight, "max-in-flight", "LECTOR_MAX_IN_FLIGHT", 0, "analysis slots in the server: a news article takes one, an article of more than 256 KiB of text one per 256 KiB, at most all but one, and such large articles together at most all but one (with the default on up to 8 CPUs, one 1 MB article at a time); more calls queue, in arrival order (0: 2 per CPU; article URLs are fetched before, without a slot)")
	num(&cfg.MaxQueue, "max-queue", "LECTOR_MAX_QUEUE", 0, "analyses of one slot (news articles, and HTML and URL sources until their text is out) waiting for a slot; beyond it calls fail at once with RESOURCE_EXHAUSTED, reason OVERLOADED, and a retry hint that grows while more calls are refused than analyses finish; under sustained overload only half the queue is used. Articles of more than 256 KiB of text wait apart (--max-queue-large-bytes) and take none of these places (0: as many as --max-in-flight; -1: no queue)")
	num(&cfg.MaxQueueLarge, "max-queue-large-bytes", "LECTOR_MAX_QUEUE_LARGE_BYTES", 0, "text of the articles of more than 256 KiB of text waiting for their slots, apart from --max-queue's places, so that news articles keep flowing while large ones queue; a large article that would take it over fails at once with RESOURCE_EXHAUSTED, reason OVERLOADED, and a retry hint of the large articles before it. One large article may always wait when no other does; under sustained overload only half is used (0: 3 MiB, three 1 MB articles beside the one that runs, or none with --max-queue -1; -1: none)")
	dur(&cfg.MaxQueueWait, "max-queue-wait", "LECTOR_MAX_QUEUE_WAIT", time.Second, "longest an analysis waits for a slot before it fails with RESOURCE_EXHAUSTED (OVERLOADED); a call expected to wait longer, or whose deadline is sooner than its expected wait plus one analysis, fails at once; an article of more than 256 KiB of text waits this long for every 128 KiB of its text and of the large articles ahead of it")
	num(&cfg.MaxFetches, "max-fetches", "LECTOR_MAX_FETCHES", 16, "article URLs fetched at once, before their analyses take a slot; further URL calls wait for a fetch as for an analysis slot")
	num(&cfg.StageBatch, "stage-batch", "LECTOR_STAGE_BATCH", 0, "most analyses one worker runs a stage for back to back while its model is in the caches, when more analyses are in flight than CPUs (0: 4; 1: off)")
	str(&origins, "cors-origins", "LECTOR_CORS_ORIGINS", "", "comma-separated origins allowed to call the JSON API from browsers (* for any)")
	dur(&cfg.ShutdownTimeout, "shutdown-timeout", "LECTOR_SHUTDOWN_TIMEOUT", 15*time.Second,
		"on SIGINT/SIGTERM, the time the calls accepted (running or queued) have to finish; those still running 3 s before it runs out (a quarter of it, if shorter) are stopped and answered UNAVAILABLE (SHUTTING_DOWN), and the server exits by then. A queued call not expected to finish before that cut is answered SHUTTING_DOWN at once; a stream sends no message not expected to reach its caller before the exit, and ends SHUTTING_DOWN instead")
	dur(&cfg.RequestTimeout, "request-timeout", "LECTOR_REQUEST_TIMEOUT", 60*time.Second, "deadline of calls that set none (not bidirectional streams; 0: none)")
	str(&fetchAllow, "fetch-allow", "LECTOR_FETCH_ALLOW", "", "comma-separated address ranges (CIDR) that article URLs may reach although private or loopback, e.g. 127.0.0.0/8 for tests")
	dur(&cfg.FetchTimeout, "fetch-timeout", "LECTOR_FETCH_TIMEOUT", 15*time.Second, "time limit for fetching an article URL, redirects included")
	num(&cfg.MaxPageBytes, "max-page-bytes", "LECTOR_MAX_PAGE_BYTES", 5<<20, "largest web page fetched for an article URL, in bytes")
	dur(&cfg.StreamIdleTimeout, "stream-idle-timeout", "LECTOR_STREAM_IDLE_TIMEOUT", 5*time.Minute, "end a bidirectional stream with no article in flight and no message for this long, and close (GOAWAY) a gRPC connection with no call for this long (0: never)")
	dur(&cfg.ReadTimeout, "read-timeout", "LECTOR_READ_TIMEOUT", 30*time.Second, "time a REST caller has to send its request body, plus one second per 16 KiB of it; a slower body is answered 408 (REQUEST_BODY_TIMEOUT) and its connection closed (0: no limit)")
	dur(&cfg.GRPCReadTimeout, "grpc-read-timeout", "LECTOR_GRPC_READ_TIMEOUT", time.Minute, "time a gRPC caller has to send the request message of a unary or server-streaming call, from the start of the call until the whole message is in, whatever the call's own deadline; a slower call ends with DEADLINE_EXCEEDED. Bidirectional streams may wait between articles: --stream-idle-timeout bounds them instead. Raise it for large batches over slow links: 60 s is 1.7 MB/s for a full batch of 1 MB articles. A new gRPC connection has 10 s, or this if shorter, for its TLS and HTTP/2 handshake (0: no limit on messages)")
	dur(&cfg.WriteTimeout, "write-timeout", "LECTOR_WRITE_TIMEOUT", 30*time.Second, "longest one write of a response may wait for a caller that does not read: a REST response's (an NDJSON or SSE stream included) or one message of a gRPC stream's; past it the call is cut and its analysis cancelled (0: no limit)")
	str(&cfg.TLSCert, "tls-cert", "LECTOR_TLS_CERT", "", "PEM certificate (chain) of the server; with --tls-key, gRPC and HTTP serve TLS only")
	str(&cfg.TLSKey, "tls-key", "LECTOR_TLS_KEY", "", "PEM private key of --tls-cert")
	str(&cfg.TLSClientCA, "tls-client-ca", "LECTOR_TLS_CLIENT_CA", "", "PEM CA certificates; when set, every client must present a certificate they signed (mutual TLS)")
	str(&cfg.APIKeysFile, "api-keys-file", "LECTOR_API_KEYS_FILE", "", "file of API keys, one per line (# comments); when set, calls need \"authorization: Bearer KEY\" or \"x-api-key: KEY\" (health, reflection, /healthz, /readyz, /metrics and / stay open)")
	num(&cfg.RateLimit, "rate-limit", "LECTOR_RATE_LIMIT", 0, "requests per second per client (API key, else IP address); a batch counts its articles; over it RESOURCE_EXHAUSTED, reason RATE_LIMITED (0: no limit)")
	num(&cfg.RateBurst, "rate-burst", "LECTOR_RATE_BURST", 0, "largest burst of requests one client may make at once, the size of its token bucket (0: twice --rate-limit)")
	num(&cfg.MaxStreamsPerClient, "max-streams-per-client", "LECTOR_MAX_STREAMS_PER_CLIENT", 0, "streaming calls open at once per client; beyond it RESOURCE_EXHAUSTED, reason TOO_MANY_STREAMS (0: no limit)")
	str(&trustedProxies, "trusted-proxies", "LECTOR_TRUSTED_PROXIES", "", "comma-separated addresses or CIDR ranges of the reverse proxies in front of Lector: only their X-Forwarded-For (gRPC: x-forwarded-for metadata) is believed when per-client limits and logs name the client (empty: none; the client is the connecting address)")
	fs.BoolVar(&cfg.LogArticleText, "log-article-text", envBool(lookup, "LECTOR_LOG_ARTICLE_TEXT"), "log request messages, article text included, at debug level (for debugging only; env LECTOR_LOG_ARTICLE_TEXT=true)")
	str(&cfg.OTLPEndpoint, "otlp-endpoint", "LECTOR_OTLP_ENDPOINT", "", "OTLP/gRPC collector (host:port) to send traces to: a span per call, per article and per analysis stage (empty: no tracing)")
	str(&cfg.PprofAddr, "pprof-addr", "LECTOR_PPROF_ADDR", "", "serve Go's pprof profiles (/debug/pprof/) on this separate address, e.g. 127.0.0.1:6060 (empty: off; keep it off public interfaces)")
	num(&cfg.GCPercent, "gc-percent", "LECTOR_GC_PERCENT", DefaultGCPercent, "garbage collection target: the Go heap grows this many percent over the live heap between collections (Go's GOGC, which it replaces; 0: leave GOGC's). The default 200 halves the collector's CPU per article against Go's 100 for about 55 MB more memory")
	num(&cfg.MemoryLimitMB, "memory-limit", "LECTOR_MEMORY_LIMIT", DefaultMemoryLimitMB, "soft limit of the Go heap and runtime in MiB: nearing it, the collector runs more often, whatever --gc-percent (Go's GOMEMLIMIT, which it replaces; 0: leave GOMEMLIMIT's). The models' tables outside the Go heap and the program come on top (about 150 MB)")
	fs.BoolVar(&cfg.OTLPInsecure, "otlp-insecure", envBool(lookup, "LECTOR_OTLP_INSECURE"), "reach --otlp-endpoint in plaintext rather than TLS (env LECTOR_OTLP_INSECURE=true)")
	str(&level, "log-level", "LECTOR_LOG_LEVEL", "info", "log level: debug, info, warn or error")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if envErr != nil {
		return cfg, envErr
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	for _, o := range strings.Split(origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			cfg.CORSOrigins = append(cfg.CORSOrigins, strings.TrimSuffix(o, "/"))
		}
	}
	var err error
	if cfg.FetchAllow, err = parsePrefixes("--fetch-allow", fetchAllow); err != nil {
		return cfg, err
	}
	if cfg.TrustedProxies, err = parsePrefixes("--trusted-proxies", trustedProxies); err != nil {
		return cfg, err
	}
	if err := cfg.LogLevel.UnmarshalText([]byte(level)); err != nil {
		return cfg, fmt.Errorf("--log-level: %w", err)
	}
	switch {
	case cfg.MaxConns < 0:
		return cfg, fmt.Errorf("--max-conns must not be negative (0: no limit)")
	case cfg.MaxArticleBytes <= 0:
		return cfg, fmt.Errorf("--max-article-bytes must be positive")
	case cfg.MaxBatch <= 0:
		return cfg, fmt.Errorf("--max-batch must be positive")
	case cfg.MaxConcurrency < 0:
		return cfg, fmt.Errorf("--max-concurrency must not be negative")
	case cfg.MaxPageBytes <= 0:
		return cfg, fmt.Errorf("--max-page-bytes must be positive")
	case cfg.FetchTimeout <= 0:
		return cfg, fmt.Errorf("--fetch-timeout must be positive")
	case cfg.MaxInFlight < 0:
		return cfg, fmt.Errorf("--max-in-flight must not be negative")
	case cfg.MaxFetches <= 0:
		return cfg, fmt.Errorf("--max-fetches must be positive")
	case cfg.StageBatch < 0:
		return cfg, fmt.Errorf("--stage-batch must not be negative")
	case cfg.ShutdownTimeout <= 0:
		return cfg, fmt.Errorf("--shutdown-timeout must be positive")
	case cfg.MaxQueue < -1:
		return cfg, fmt.Errorf("--max-queue must be -1 (no queue), 0 (default) or positive")
	case cfg.MaxQueueLarge < -1:
		return cfg, fmt.Errorf("--max-queue-large-bytes must be -1 (no queue), 0 (default) or positive")
	case cfg.RateLimit < 0 || cfg.RateBurst < 0 || cfg.MaxStreamsPerClient < 0:
		return cfg, fmt.Errorf("--rate-limit, --rate-burst and --max-streams-per-client must not be negative")
	case cfg.WriteTimeout < 0 || cfg.StreamIdleTimeout < 0:
		return cfg, fmt.Errorf("--write-timeout and --stream-idle-timeout must not be negative")
	case cfg.ReadTimeout < 0 || cfg.GRPCReadTimeout < 0:
		return cfg, fmt.Errorf("--read-timeout and --grpc-read-timeout must not be negative")
	case cfg.MaxQueueWait <= 0:
		return cfg, fmt.Errorf("--max-queue-wait must be positive")
	case cfg.GCPercent < 0 || cfg.MemoryLimitMB < 0:
		return cfg, fmt.Errorf("--gc-percent and --memory-limit must not be negative")
	}
	return cfg, nil
}

// The garbage collector's defaults. Between collections the heap of a busy
// server grows by the garbage of the analyses (about 320 kB per 600-word
// article) over a live heap of about 60 MB (models' maps, the date parser's
// regular expressions, analyses in flight); each collection costs about
// 40 ms of CPU whatever the garbage. With Go's GOGC=100 that is 0.29 ms of
// CPU per article, 8 % of the server's CPU; with 200, 0.14 ms, for a peak
// heap of about 175 MB instead of 117 MB (measured with GODEBUG=gctrace=1
// under the load test at concurrency 8; 300 saves another 0.04 ms for 55 MB
// more). The memory limit bounds the heap when the live heap itself grows,
// as with many long articles at once: the collector then runs as often as
// it must (up to half the CPU) to stay under it, instead of letting the heap
// grow to three times the live heap.
const (
	DefaultGCPercent     = 200
	DefaultMemoryLimitMB = 256
)

// applyGC sets the collector's target and soft memory limit; zero leaves
// the runtime's own (GOGC, GOMEMLIMIT).
func applyGC(cfg Config) {
	if cfg.GCPercent > 0 {
		debug.SetGCPercent(cfg.GCPercent)
	}
	if cfg.MemoryLimitMB > 0 {
		debug.SetMemoryLimit(int64(cfg.MemoryLimitMB) << 20)
	}
}

// envBool reads a boolean environment variable (1, t, true, ...); unset or
// unreadable is false.
func envBool(lookup func(string) (string, bool), name string) bool {
	v, _ := lookup(name)
	b, _ := strconv.ParseBool(v)
	return b
}

// parsePrefixes reads a comma-separated list of addresses and CIDR ranges.
func parsePrefixes(flagName, list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, c := range strings.Split(list, ",") {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		p, err := netip.ParsePrefix(c)
		if err != nil {
			a, aerr := netip.ParseAddr(c)
			if aerr != nil {
				return nil, fmt.Errorf("%s: %q is not an address or CIDR range", flagName, c)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}
