// Command lector is a command-line client of a Lector server over gRPC.
//
//	go run ./cmd/lector analyze [flags] FILE|URL|-    # a readable report, or protojson with -json
//	go run ./cmd/lector stream [flags] FILE|URL|-     # each stage as it arrives
//	go run ./cmd/lector capabilities [flags]           # features, models and limits of the server
//
// FILE is plain text, or HTML when it ends in .html or .htm, starts with a
// tag, or -html is given; "-" reads standard input; an http or https URL is
// fetched by the server. -api-key (or LECTOR_API_KEY) sends an API key;
// -tls, -ca, -cert and -key connect to a server that serves TLS or mutual
// TLS. Run `go run ./cmd/lector analyze -h` for all the flags.
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/types/known/timestamppb"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the call failed
	exitUsage = 2 // bad command line or input
)

const usage = `usage: lector <command> [flags] [FILE|URL|-]

commands:
  analyze       analyse one article and print a report (-json: the analysis as protojson)
  stream        analyse one article and print each stage as it arrives (-json: one protojson message per line)
  capabilities  print the features, models and limits of the server

Run 'lector <command> -h' for the flags of a command.
`

// options are the flags shared by the commands.
type options struct {
	addr        string
	json        bool
	features    string
	publishTime string
	html        bool
	title       string
	language    string
	timeout     time.Duration
	summary     int
	phrases     int
	apiKey      string
	tls         bool
	caFile      string
	certFile    string
	keyFile     string
	serverName  string
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd := args[0]
	switch cmd {
	case "analyze", "analyse", "stream", "capabilities":
	default:
		fmt.Fprintf(stderr, "lector: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
	var o options
	fs := flag.NewFlagSet("lector "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	defAddr := "localhost:50051"
	if v := os.Getenv("LECTOR_ADDR"); v != "" {
		defAddr = v
	}
	fs.StringVar(&o.addr, "addr", defAddr, "gRPC address of the Lector server (env LECTOR_ADDR)")
	fs.BoolVar(&o.json, "json", false, "print protojson instead of a report")
	fs.DurationVar(&o.timeout, "timeout", 2*time.Minute, "deadline of the call")
	fs.StringVar(&o.apiKey, "api-key", os.Getenv("LECTOR_API_KEY"), "API key, sent as \"authorization: Bearer KEY\" (env LECTOR_API_KEY)")
	fs.BoolVar(&o.tls, "tls", false, "connect with TLS, trusting the system's CAs (implied by -ca, -cert)")
	fs.StringVar(&o.caFile, "ca", "", "PEM file of the CAs to trust for the server's certificate")
	fs.StringVar(&o.certFile, "cert", "", "PEM client certificate, for servers that require mutual TLS (with -key)")
	fs.StringVar(&o.keyFile, "key", "", "PEM private key of -cert")
	fs.StringVar(&o.serverName, "server-name", "", "host name to verify the server's certificate against (default: the host of -addr)")
	if cmd != "capabilities" {
		fs.StringVar(&o.features, "features", "", "comma-separated features to run, such as entities,quotes (default: all)")
		fs.StringVar(&o.publishTime, "publish-time", "", "publish date or time of the article (2023-09-20 or RFC 3339); anchors relative dates")
		fs.BoolVar(&o.html, "html", false, "the input is HTML (default: guessed from the file name and content)")
		fs.StringVar(&o.title, "title", "", "title of the article")
		fs.StringVar(&o.language, "language", "", "BCP-47 language hint, such as en")
		fs.IntVar(&o.summary, "summary-sentences", 0, "number of summary sentences (default: the server's, 3)")
		fs.IntVar(&o.phrases, "key-phrases", 0, "maximum number of key phrases (default: the server's, 10)")
		fs.Usage = func() {
			fmt.Fprintf(stderr, "usage: lector %s [flags] FILE|URL|-\n\nflags:\n", cmd)
			fs.PrintDefaults()
		}
	}
	// Flags may come before or after the input: lector analyze FILE -json.
	var pos []string
	for rest := args[1:]; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		pos, rest = append(pos, fs.Arg(0)), fs.Args()[1:]
	}

	var req *articlev1.StreamAnalyzeArticleRequest
	if cmd != "capabilities" {
		if len(pos) != 1 {
			fmt.Fprintf(stderr, "lector %s: give one FILE, URL or - (standard input)\n", cmd)
			return exitUsage
		}
		var err error
		req, err = o.request(pos[0], stdin)
		if err != nil {
			fmt.Fprintf(stderr, "lector %s: %v\n", cmd, err)
			return exitUsage
		}
	} else if len(pos) != 0 {
		fmt.Fprintln(stderr, "lector capabilities: takes no arguments")
		return exitUsage
	}

	creds, err := o.credentials()
	if err != nil {
		fmt.Fprintf(stderr, "lector %s: %v\n", cmd, err)
		return exitUsage
	}
	conn, err := grpc.NewClient(o.addr, grpc.WithTransportCredentials(creds),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(256<<20), grpc.MaxCallSendMsgSize(256<<20)))
	if err != nil {
		fmt.Fprintf(stderr, "lector: %v\n", err)
		return exitUsage
	}
	defer conn.Close()
	client := articlev1.NewArticleAnalysisServiceClient(conn)
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()
	if o.apiKey != "" {
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+o.apiKey)
	}

	switch cmd {
	case "capabilities":
		err = capabilities(ctx, client, o, stdout)
	case "stream":
		err = stream(ctx, client, req, o, stdout)
	default:
		err = analyze(ctx, client, req, o, stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "lector %s: %s\n", cmd, describe(err, o.addr))
		return exitError
	}
	return exitOK
}

// credentials are the transport credentials the flags ask for: plaintext,
// or TLS with the system's or the given CAs and an optional client
// certificate.
func (o options) credentials() (credentials.TransportCredentials, error) {
	if !o.tls && o.caFile == "" && o.certFile == "" && o.keyFile == "" {
		return insecure.NewCredentials(), nil
	}
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: o.serverName}
	if o.caFile != "" {
		pem, err := os.ReadFile(o.caFile)
		if err != nil {
			return nil, err
		}
		cfg.RootCAs = x509.NewCertPool()
		if !cfg.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("-ca %s: no PEM certificate in it", o.caFile)
		}
	}
	if (o.certFile == "") != (o.keyFile == "") {
		return nil, errors.New("-cert and -key go together")
	}
	if o.certFile != "" {
		cert, err := tls.LoadX509KeyPair(o.certFile, o.keyFile)
		if err != nil {
			return nil, err
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	return credentials.NewTLS(cfg), nil
}

// request builds the request for the input named by arg.
func (o options) request(arg string, stdin io.Reader) (*articlev1.StreamAnalyzeArticleRequest, error) {
	art := &articlev1.Article{Title: o.title, LanguageCode: o.language}
	switch {
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
		art.Source = &articlev1.Article_Url{Url: arg}
	default:
		var data []byte
		var err error
		if arg == "-" {
			data, err = io.ReadAll(stdin)
		} else {
			data, err = os.ReadFile(arg)
		}
		if err != nil {
			return nil, err
		}
		if o.html || isHTML(arg, data) {
			art.Source = &articlev1.Article_Html{Html: string(data)}
		} else {
			art.Source = &articlev1.Article_Text{Text: string(data)}
		}
	}
	if o.publishTime != "" {
		t, err := parseTime(o.publishTime)
		if err != nil {
			return nil, err
		}
		art.PublishTime = timestamppb.New(t)
	}
	features, err := parseFeatures(o.features)
	if err != nil {
		return nil, err
	}
	req := &articlev1.StreamAnalyzeArticleRequest{Article: art, Features: features, EncodingType: articlev1.EncodingType_ENCODING_TYPE_UTF8}
	if o.summary != 0 || o.phrases != 0 {
		req.Options = &articlev1.AnalysisOptions{SummarySentences: int32(o.summary), KeyPhraseCount: int32(o.phrases)}
	}
	return req, nil
}

func isHTML(name string, data []byte) bool {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") {
		return true
	}
	head := strings.ToLower(strings.TrimSpace(string(data[:min(len(data), 512)])))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("-publish-time %q: want a date such as 2023-09-20 or an RFC 3339 time", s)
}

// parseFeatures reads "entities,key-phrases,FEATURE_QUOTES".
func parseFeatures(s string) ([]articlev1.Feature, error) {
	var out []articlev1.Feature
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		name := strings.ToUpper(strings.ReplaceAll(f, "-", "_"))
		if !strings.HasPrefix(name, "FEATURE_") {
			name = "FEATURE_" + name
		}
		v, ok := articlev1.Feature_value[name]
		if !ok || v == 0 {
			return nil, fmt.Errorf("unknown feature %q; known: %s", f, knownFeatures())
		}
		out = append(out, articlev1.Feature(v))
	}
	return out, nil
}

func knownFeatures() string {
	var names []string
	for f := articlev1.Feature(1); ; f++ {
		n, ok := articlev1.Feature_name[int32(f)]
		if !ok {
			break
		}
		names = append(names, strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(n, "FEATURE_"), "_", "-")))
	}
	return strings.Join(names, ", ")
}

var jsonOut = protojson.MarshalOptions{Multiline: true, Indent: "  "}

func analyze(ctx context.Context, c articlev1.ArticleAnalysisServiceClient, req *articlev1.StreamAnalyzeArticleRequest, o options, w io.Writer) error {
	resp, err := c.AnalyzeArticle(ctx, &articlev1.AnalyzeArticleRequest{
		Article: req.Article, Features: req.Features, EncodingType: req.EncodingType, Options: req.Options})
	if err != nil {
		return err
	}
	if o.json {
		b, err := jsonOut.Marshal(resp.GetAnalysis())
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	return writeReport(w, resp.GetAnalysis())
}

func stream(ctx context.Context, c articlev1.ArticleAnalysisServiceClient, req *articlev1.StreamAnalyzeArticleRequest, o options, w io.Writer) error {
	start := time.Now()
	st, err := c.StreamAnalyzeArticle(ctx, req)
	if err != nil {
		return err
	}
	sw := &streamWriter{w: w, text: req.GetArticle().GetText()}
	for {
		msg, err := st.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if o.json {
			b, err := protojson.Marshal(msg)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "%s\n", b)
			continue
		}
		sw.write(time.Since(start), msg)
	}
}

func capabilities(ctx context.Context, c articlev1.ArticleAnalysisServiceClient, o options, w io.Writer) error {
	resp, err := c.GetCapabilities(ctx, &articlev1.GetCapabilitiesRequest{})
	if err != nil {
		return err
	}
	if o.json {
		b, err := jsonOut.Marshal(resp)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	writeCapabilities(w, resp)
	return nil
}

// describe turns a call error into one line: the status code, the
// ErrorInfo reason, the message and any field violations.
func describe(err error, addr string) string {
	st, ok := status.FromError(err)
	if !ok {
		return err.Error()
	}
	var b strings.Builder
	b.WriteString(codeName(st.Code()))
	var fields []string
	requestID := ""
	for _, d := range st.Details() {
		switch d := d.(type) {
		case *errdetails.ErrorInfo:
			fmt.Fprintf(&b, " %s", d.Reason)
		case *errdetails.BadRequest:
			for _, v := range d.FieldViolations {
				fields = append(fields, v.Field)
			}
		case *errdetails.RequestInfo:
			requestID = d.RequestId
		}
	}
	fmt.Fprintf(&b, ": %s", st.Message())
	if len(fields) > 0 {
		fmt.Fprintf(&b, " (field %s)", strings.Join(fields, ", "))
	}
	if requestID != "" {
		fmt.Fprintf(&b, " [request id %s]", requestID)
	}
	if st.Code() == codes.Unavailable {
		fmt.Fprintf(&b, "\nIs a Lector server running at %s? Start one with `go run ./server`, or give -addr.", addr)
	}
	return b.String()
}
