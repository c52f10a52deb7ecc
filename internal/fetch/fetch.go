// Package fetch downloads web pages for analysis, safely: http and https
// only, no connections to loopback, private, link-local, multicast or
// cloud-metadata addresses unless an allow-list admits them (checked on
// the address actually dialled, so after every redirect and with no DNS
// rebinding window), a bounded number of redirects, connect and total
// timeouts, a response size limit, content-type checks and decoding of the
// declared charset to UTF-8.
package fetch

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
)

// Kind says why a fetch failed. The values are the ErrorInfo reasons the
// service reports.
type Kind string

// Failure kinds.
const (
	KindInvalidURL             Kind = "INVALID_URL"
	KindBlockedAddress         Kind = "BLOCKED_ADDRESS"
	KindFetchFailed            Kind = "FETCH_FAILED"
	KindUnsupportedContentType Kind = "UNSUPPORTED_CONTENT_TYPE"
	KindTooLarge               Kind = "ARTICLE_TOO_LARGE"
	KindTimeout                Kind = "FETCH_TIMEOUT"
)

// Error is a failed fetch.
type Error struct {
	Kind   Kind
	URL    string
	Status int // upstream HTTP status, when there was a response
	Err    error
	// Msg says what went wrong in words the caller can act on ("the site
	// answered 404 Not Found", "the page is \"application/pdf\", not HTML
	// or plain text"); it never holds an address the URL's host resolved
	// to. Empty when there is nothing to add to the Kind.
	Msg string
}

func (e *Error) Error() string {
	msg := string(e.Kind)
	if e.URL != "" {
		msg += " " + e.URL
	}
	if e.Status != 0 {
		msg += fmt.Sprintf(": upstream status %d", e.Status)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Options configure a Fetcher. Zero values take the defaults.
type Options struct {
	MaxBytes       int64          // largest body accepted, after decompression (default 5 MiB)
	ConnectTimeout time.Duration  // per connection (default 5 s)
	Timeout        time.Duration  // whole fetch, redirects included (default 15 s)
	MaxRedirects   int            // default 5
	Allow          []netip.Prefix // addresses admitted even though they are private, loopback, ...
	UserAgent      string
}

// Page is a fetched document.
type Page struct {
	URL         string // final URL, after redirects
	ContentType string // media type without parameters
	Charset     string // the charset the body was decoded from
	Body        []byte // UTF-8
}

// HTML reports whether the page is an HTML document.
func (p *Page) HTML() bool {
	return p.ContentType == "text/html" || p.ContentType == "application/xhtml+xml"
}

// Fetcher fetches pages. It is safe for concurrent use.
type Fetcher struct {
	opt    Options
	client *http.Client
}

var acceptedTypes = map[string]bool{
	"text/html":             true,
	"application/xhtml+xml": true,
	"text/plain":            true,
}

// New returns a Fetcher.
func New(opt Options) *Fetcher {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = 5 << 20
	}
	if opt.ConnectTimeout <= 0 {
		opt.ConnectTimeout = 5 * time.Second
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 15 * time.Second
	}
	if opt.MaxRedirects <= 0 {
		opt.MaxRedirects = 5
	}
	if opt.UserAgent == "" {
		opt.UserAgent = "Lector/1 (+article analysis)"
	}
	f := &Fetcher{opt: opt}
	dialer := &net.Dialer{
		Timeout: opt.ConnectTimeout,
		// Control runs on the resolved address just before connecting, for
		// every connection (redirects included), so a name that resolves to
		// a public address at check time and to a private one at connect
		// time is still refused.
		Control: func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			ip, err := netip.ParseAddr(host)
			if err != nil {
				return err
			}
			if !f.allowed(ip) {
				return &blockedError{ip}
			}
			return nil
		},
	}
	tr := &http.Transport{
		Proxy:                 nil, // never through an environment proxy: it would bypass the address check
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   opt.ConnectTimeout,
		ResponseHeaderTimeout: opt.Timeout,
		MaxIdleConns:          32,
		IdleConnTimeout:       30 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	f.client = &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opt.MaxRedirects {
				return &Error{Kind: KindFetchFailed, URL: req.URL.String(), Err: fmt.Errorf("more than %d redirects", opt.MaxRedirects),
					Msg: fmt.Sprintf("the site redirected more than %d times", opt.MaxRedirects)}
			}
			if err := checkURL(req.URL); err != nil {
				var fe *Error
				if errors.As(err, &fe) {
					fe.Msg = "the site redirected to a URL that is not followed: " + fe.Msg
				}
				return err
			}
			return nil
		},
	}
	return f
}

type blockedError struct{ ip netip.Addr }

func (e *blockedError) Error() string { return "address " + e.ip.String() + " is not allowed" }

// Blocked reports whether ip is an address that must not be fetched:
// loopback, private, link-local (cloud metadata included), multicast,
// unspecified, shared (CGNAT) and other special-purpose ranges.
func Blocked(ip netip.Addr) bool {
	ip = ip.Unmap()
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() {
		return true
	}
	for _, p := range specialRanges {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

var specialRanges = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),         // "this" network
	netip.MustParsePrefix("100.64.0.0/10"),     // shared address space (CGNAT)
	netip.MustParsePrefix("192.0.0.0/24"),      // IETF protocol assignments
	netip.MustParsePrefix("198.18.0.0/15"),     // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),       // reserved, broadcast
	netip.MustParsePrefix("64:ff9b::/96"),      // NAT64 can reach private IPv4
	netip.MustParsePrefix("64:ff9b:1::/48"),    // local-use NAT64
	netip.MustParsePrefix("2002::/16"),         // 6to4 can embed private IPv4
	netip.MustParsePrefix("fd00:ec2::254/128"), // AWS metadata over IPv6 (also in fc00::/7)
}

func (f *Fetcher) allowed(ip netip.Addr) bool {
	ip = ip.Unmap()
	for _, p := range f.opt.Allow {
		if p.Contains(ip) {
			return true
		}
	}
	return !Blocked(ip)
}

func checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		err := fmt.Errorf("scheme %q is not allowed: only http and https", u.Scheme)
		return &Error{Kind: KindInvalidURL, URL: u.Redacted(), Err: err, Msg: err.Error()}
	}
	if u.Hostname() == "" {
		return &Error{Kind: KindInvalidURL, URL: u.Redacted(), Err: errors.New("no host"), Msg: "the URL has no host"}
	}
	if u.User != nil {
		err := errors.New("credentials in URLs are not accepted")
		return &Error{Kind: KindInvalidURL, URL: u.Redacted(), Err: err, Msg: err.Error()}
	}
	return nil
}

// ParseURL checks that raw is an absolute http or https URL.
func ParseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, &Error{Kind: KindInvalidURL, Err: err, Msg: "the URL cannot be parsed"}
	}
	if err := checkURL(u); err != nil {
		return nil, err
	}
	return u, nil
}

// Fetch downloads rawURL and returns its body decoded to UTF-8.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	u, err := ParseURL(rawURL)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{Kind: KindInvalidURL, URL: rawURL, Err: err}
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.classify(ctx, rawURL, err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &Error{Kind: KindFetchFailed, URL: final, Status: resp.StatusCode,
			Msg: strings.TrimSpace(fmt.Sprintf("the site answered %d %s", resp.StatusCode, http.StatusText(resp.StatusCode)))}
	}
	mediaType, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err != nil {
		mediaType = "" // sniffed below
	}
	if resp.ContentLength > f.opt.MaxBytes {
		return nil, &Error{Kind: KindTooLarge, URL: final, Err: fmt.Errorf("content length %d exceeds the limit of %d bytes", resp.ContentLength, f.opt.MaxBytes),
			Msg: fmt.Sprintf("the page is %d bytes, over the limit of %d bytes", resp.ContentLength, f.opt.MaxBytes)}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opt.MaxBytes+1))
	if err != nil {
		return nil, f.classify(ctx, final, err)
	}
	if int64(len(body)) > f.opt.MaxBytes {
		return nil, &Error{Kind: KindTooLarge, URL: final, Err: fmt.Errorf("body exceeds the limit of %d bytes", f.opt.MaxBytes),
			Msg: fmt.Sprintf("the page is over the limit of %d bytes", f.opt.MaxBytes)}
	}
	if mediaType == "" {
		mediaType, params, _ = mime.ParseMediaType(http.DetectContentType(body))
	}
	if !acceptedTypes[mediaType] {
		err := fmt.Errorf("content type %q is not HTML or plain text", mediaType)
		return nil, &Error{Kind: KindUnsupportedContentType, URL: final, Err: err, Msg: "the page's " + err.Error()}
	}
	ct := mediaType
	if cs := params["charset"]; cs != "" {
		ct += "; charset=" + cs
	}
	enc, name, certain := charset.DetermineEncoding(body, ct)
	if !certain && name != "utf-8" && isUTF8Text(body) {
		// DetermineEncoding looks at the first 1,024 bytes only: a UTF-8
		// page that declares no charset and opens with a kilobyte of ASCII
		// (scripts, styles) was read as windows-1252, and "Zürich" came
		// out "ZÃ¼rich". A whole body that is valid UTF-8 with letters
		// beyond ASCII is UTF-8, whatever an uncertain guess or a <meta>
		// says.
		enc, name = unicode.UTF8, "utf-8"
	}
	utf8Body, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, &Error{Kind: KindFetchFailed, URL: final, Err: fmt.Errorf("decoding %s: %w", name, err),
			Msg: fmt.Sprintf("the page could not be decoded from its charset %s", name)}
	}
	utf8Body = bytes.TrimPrefix(utf8Body, []byte("\ufeff"))
	blankControls(utf8Body)
	return &Page{URL: final, ContentType: mediaType, Charset: name, Body: utf8Body}, nil
}

func (f *Fetcher) classify(ctx context.Context, rawURL string, err error) error {
	var fe *Error
	if errors.As(err, &fe) {
		return fe
	}
	var be *blockedError
	if errors.As(err, &be) {
		return &Error{Kind: KindBlockedAddress, URL: rawURL, Err: be,
			Msg: fmt.Sprintf("the URL leads to %s address, which this server does not fetch", addressClass(be.ip))}
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		err := fmt.Errorf("the page did not arrive within %s", f.opt.Timeout)
		return &Error{Kind: KindTimeout, URL: rawURL, Err: err, Msg: err.Error()}
	}
	if errors.Is(ctx.Err(), context.Canceled) {
		return ctx.Err()
	}
	return &Error{Kind: KindFetchFailed, URL: rawURL, Err: err, Msg: connectMessage(err)}
}

// connectMessage describes a failure to reach a site: the name not found,
// the connection refused or unreachable, a TLS failure. The resolved
// address is left out (the host is the caller's own).
func connectMessage(err error) string {
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	var hostname x509.HostnameError
	var unknownCA x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var rec tls.RecordHeaderError
	switch {
	case errors.As(err, &dns) && dns.IsNotFound:
		return fmt.Sprintf("the host %s was not found (DNS)", dns.Name)
	case errors.As(err, &dns):
		return fmt.Sprintf("the host %s could not be looked up (DNS)", dns.Name)
	case errors.Is(err, syscall.ECONNREFUSED):
		return "the site refused the connection"
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return "the site is unreachable from this server"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "the site closed the connection before the page arrived"
	case errors.As(err, &hostname), errors.As(err, &unknownCA), errors.As(err, &invalid), errors.As(err, &cert):
		return "the site's TLS certificate is not valid for it or not trusted"
	case errors.As(err, &rec):
		return "the site did not answer in TLS (an http URL written as https?)"
	}
	return "the site could not be reached"
}

// addressClass names the kind of address Blocked refuses, with its
// article, for messages ("a loopback", "an unspecified").
func addressClass(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case ip.IsLoopback():
		return "a loopback"
	case ip.IsPrivate():
		return "a private"
	case ip.IsLinkLocalUnicast():
		return "a link-local (cloud metadata)"
	case ip.IsMulticast(), ip.IsLinkLocalMulticast(), ip.IsInterfaceLocalMulticast():
		return "a multicast"
	case ip.IsUnspecified():
		return "an unspecified"
	}
	return "a reserved"
}

// blankControls replaces the C0 control characters other than tab, line
// feed and carriage return, and DEL, with spaces, in place. The service
// refuses them in an article it is sent (CONTROL_CHARACTERS); a fetched
// page, which the caller cannot fix, has them blanked instead, so they
// never reach the analysers or the caller's JSON. Offsets are unchanged
// (one byte for one byte).
func blankControls(b []byte) {
	for i, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			b[i] = ' '
		}
	}
}

// isUTF8Text reports whether b is valid UTF-8 with at least one byte
// beyond ASCII (pure ASCII reads the same in every charset the guess could
// pick).
func isUTF8Text(b []byte) bool {
	for i, c := range b {
		if c >= 0x80 {
			return utf8.Valid(b[i:])
		}
	}
	return false
}
