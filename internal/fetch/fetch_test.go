package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

var loopback = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}

func encode(t *testing.T, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func testServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	page := func(ct string, body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if ct != "" {
				w.Header().Set("Content-Type", ct)
			}
			w.Write(body)
		}
	}
	mux.HandleFunc("/utf8", page("text/html; charset=utf-8", []byte("<html><body><p>Grüße aus Köln</p></body></html>")))
	mux.HandleFunc("/cp1251-header", page("text/html; charset=windows-1251", encode(t, charmap.Windows1251, "<html><body><p>Привет, мир</p></body></html>")))
	mux.HandleFunc("/cp1251-meta", page("text/html", encode(t, charmap.Windows1251, `<html><head><meta charset="windows-1251"></head><body><p>Москва и Тегеран</p></body></html>`)))
	mux.HandleFunc("/latin1-meta", page("text/html", encode(t, charmap.ISO8859_1, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>Café São Paulo</p></body></html>`)))
	mux.HandleFunc("/plain", page("text/plain; charset=utf-8", []byte("Just text.")))
	mux.HandleFunc("/pdf", page("application/pdf", []byte("%PDF-1.4 ...")))
	mux.HandleFunc("/image", page("", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")))
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusNotFound) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusBadGateway) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>filler text</p>\n"), 1000)
		for i := 0; i < 200; i++ {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>first part"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte("<html><body><p>compressed body</p></body></html>"))
		zw.Close()
	})
	mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		// /redirect/N redirects N more times, then to /utf8.
		n := strings.TrimPrefix(r.URL.Path, "/redirect/")
		if n == "0" {
			http.Redirect(w, r, "/utf8", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/redirect/"+string(rune(n[0]-1)), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.11.12.13/secret", http.StatusFound)
	})
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	srv := testServer(t)
	f := New(Options{Allow: loopback, MaxBytes: 1 << 20, Timeout: 2 * time.Second})
	ok := []struct {
		path, contains, charset, ctype string
	}{
		{"/utf8", "Grüße aus Köln", "utf-8", "text/html"},
		{"/cp1251-header", "Привет, мир", "windows-1251", "text/html"},
		{"/cp1251-meta", "Москва и Тегеран", "windows-1251", "text/html"},
		{"/latin1-meta", "Café São Paulo", "windows-1252", "text/html"}, // per WHATWG, ISO-8859-1 decodes as windows-1252
		{"/plain", "Just text.", "utf-8", "text/plain"},
		{"/gzip", "compressed body", "utf-8", "text/html"},
		{"/redirect/4", "Grüße", "utf-8", "text/html"}, // 5 redirects: the limit
	}
	for _, c := range ok {
		t.Run(c.path, func(t *testing.T) {
			p, err := f.Fetch(context.Background(), srv.URL+c.path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(p.Body), c.contains) {
				t.Errorf("body %q lacks %q", p.Body, c.contains)
			}
			if p.Charset != c.charset || p.ContentType != c.ctype {
				t.Errorf("charset %q type %q, want %q %q", p.Charset, p.ContentType, c.charset, c.ctype)
			}
		})
	}
	bad := []struct {
		url    string
		kind   Kind
		status int
	}{
		{srv.URL + "/missing", KindFetchFailed, 404},
		{srv.URL + "/broken", KindFetchFailed, 502},
		{srv.URL + "/pdf", KindUnsupportedContentType, 0},
		{srv.URL + "/image", KindUnsupportedContentType, 0},
		{srv.URL + "/huge", KindTooLarge, 0},
		{srv.URL + "/slow", KindTimeout, 0},
		{srv.URL + "/redirect/5", KindFetchFailed, 0}, // 6 redirects
		{srv.URL + "/to-private", KindBlockedAddress, 0},
		{srv.URL + "/to-metadata", KindBlockedAddress, 0},
		{srv.URL + "/to-file", KindInvalidURL, 0},
		{"file:///etc/passwd", KindInvalidURL, 0},
		{"ftp://example.com/a.html", KindInvalidURL, 0},
		{"gopher://example.com/", KindInvalidURL, 0},
		{"javascript:alert(1)", KindInvalidURL, 0},
		{"http://user:pw@example.com/", KindInvalidURL, 0},
		{"not a url", KindInvalidURL, 0},
		{"http:///nohost", KindInvalidURL, 0},
	}
	for _, c := range bad {
		t.Run(c.url, func(t *testing.T) {
			start := time.Now()
			_, err := f.Fetch(context.Background(), c.url)
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a fetch error", err)
			}
			if fe.Kind != c.kind || fe.Status != c.status {
				t.Errorf("got %s status %d (%v), want %s status %d", fe.Kind, fe.Status, err, c.kind, c.status)
			}
			if d := time.Since(start); d > 4*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

func TestFetchBlocksLoopbackByDefault(t *testing.T) {
	srv := testServer(t)
	f := New(Options{})
	for _, u := range []string{srv.URL + "/utf8", strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/utf8"} {
		_, err := f.Fetch(context.Background(), u)
		var fe *Error
		if !errors.As(err, &fe) || fe.Kind != KindBlockedAddress {
			t.Errorf("%s: got %v, want BLOCKED_ADDRESS", u, err)
		}
	}
}

func TestFetchCancel(t *testing.T) {
	srv := testServer(t)
	f := New(Options{Allow: loopback, Timeout: 10 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err := f.Fetch(ctx, srv.URL+"/slow")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("cancel took %s", d)
	}
}

func TestBlocked(t *testing.T) {
	for _, c := range []struct {
		ip      string
		blocked bool
	}{
		{"127.0.0.1", true}, {"10.1.2.3", true}, {"172.16.0.1", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"0.0.0.0", true}, {"100.64.0.1", true}, {"224.0.0.1", true},
		{"255.255.255.255", true}, {"::1", true}, {"fe80::1", true}, {"fc00::1", true},
		{"fd00:ec2::254", true}, {"::ffff:127.0.0.1", true}, {"::ffff:10.0.0.1", true}, {"ff02::1", true},
		{"8.8.8.8", false}, {"93.184.216.34", false}, {"2606:4700::1111", false},
	} {
		if got := Blocked(netip.MustParseAddr(c.ip)); got != c.blocked {
			t.Errorf("Blocked(%s) = %v", c.ip, got)
		}
	}
}

// TestFetchUndeclaredUTF8: a page that declares no charset and opens with
// more than a kilobyte of ASCII (the charset sniffer's whole window) is
// read as UTF-8 when it is valid UTF-8; it was read as windows-1252
// ("ZÃ¼rich"). An undeclared page that is not valid UTF-8 is still read as
// windows-1252.
func TestFetchUndeclaredUTF8(t *testing.T) {
	script := "<script>var config = \"" + strings.Repeat("x", 2000) + "\";</script>"
	mux := http.NewServeMux()
	mux.HandleFunc("/utf8", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><head>" + script + "</head><body><p>Zürich, Москва</p></body></html>"))
	})
	mux.HandleFunc("/cp1252", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(append([]byte("<html><head>"+script+"</head><body><p>"), encode(t, charmap.Windows1252, "Zürich café</p></body></html>")...))
	})
	mux.HandleFunc("/controls", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Bell\x07 and NUL\x00 and DEL\x7f.\tTab\r\n"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	f := New(Options{Allow: loopback})
	for path, want := range map[string]string{"/utf8": "Zürich, Москва", "/cp1252": "Zürich café", "/controls": "Bell  and NUL  and DEL .\tTab\r\n"} {
		p, err := f.Fetch(context.Background(), srv.URL+path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(p.Body), want) {
			t.Errorf("%s: body %q lacks %q (charset %s)", path, p.Body[max(0, len(p.Body)-60):], want, p.Charset)
		}
	}
}

// TestAddressClassArticle: the refusal reads "leads to an unspecified
// address", not "a unspecified".
func TestAddressClassArticle(t *testing.T) {
	for ip, want := range map[string]string{
		"0.0.0.0": "an unspecified", "127.0.0.1": "a loopback", "10.0.0.1": "a private",
		"169.254.169.254": "a link-local (cloud metadata)", "224.0.0.1": "a multicast",
	} {
		if got := addressClass(netip.MustParseAddr(ip)); got != want {
			t.Errorf("addressClass(%s) = %q, want %q", ip, got, want)
		}
	}
}
