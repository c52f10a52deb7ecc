// Package web serves Lector's page: a form that sends an article to the
// JSON gateway, reads the streamed analysis stage by stage and shows it
// (entities highlighted in the text, quotes by speaker, key phrases,
// summary, sentiment, time expressions, categories, statistics).
//
// The page is plain HTML, CSS and JavaScript embedded in the binary, with
// no build step; it makes no third-party requests. Mount the handler at "/"
// of the gateway's mux, with no method in the pattern so that it conflicts
// with none of the others:
//
//	mux.Handle("/", web.Handler())
//
// It answers GET and HEAD of "/" and "/static/...", 404 for other paths and
// 405 for other methods; more specific patterns such as "/v1/" keep their
// routes.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"
)

//go:embed index.html static
var files embed.FS

// Config configures the page.
type Config struct {
	// APIBase is the origin of the JSON gateway the page calls, such as
	// "http://127.0.0.1:8080"; empty means the page's own origin, which is
	// the case when the gateway serves the page.
	APIBase string
}

// Handler returns the page handler for a gateway that serves the page itself.
func Handler() http.Handler { return New(Config{}) }

// New returns the page handler for cfg.
func New(cfg Config) http.Handler {
	base := strings.TrimSuffix(cfg.APIBase, "/")
	index, err := renderIndex(base)
	if err != nil {
		panic("web: " + err.Error()) // the embedded template is fixed; a failure is a bug caught by the tests
	}
	sub, _ := fs.Sub(files, "static")
	h := &handler{index: index, indexTag: etag(index), assets: http.StripPrefix("/static/", http.FileServerFS(sub)),
		tags: map[string]string{}, csp: csp(base)}
	fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := fs.ReadFile(sub, p); err == nil {
				h.tags["/static/"+p] = etag(b)
			}
		}
		return nil
	})
	return h
}

type handler struct {
	index    []byte
	indexTag string
	assets   http.Handler
	tags     map[string]string // ETag of each asset by path
	csp      string
}

// etag is a strong validator of content; embedded files have no
// modification time, so caches revalidate with If-None-Match.
func etag(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:8]) + `"`
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	hd := w.Header()
	hd.Set("Content-Security-Policy", h.csp)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	switch p := r.URL.Path; {
	case p == "/" || p == "/index.html":
		hd.Set("Content-Type", "text/html; charset=utf-8")
		hd.Set("Cache-Control", "no-cache")
		hd.Set("ETag", h.indexTag)
		http.ServeContent(w, r, "index.html", time.Time{}, bytes.NewReader(h.index))
	case strings.HasPrefix(p, "/static/") && h.tags[p] != "":
		hd.Set("Cache-Control", "no-cache")
		hd.Set("ETag", h.tags[p])
		h.assets.ServeHTTP(w, r)
	default:
		http.NotFound(w, r)
	}
}

// csp allows the page's own scripts and styles and calls to its own origin
// and to the API origin; nothing else.
func csp(base string) string {
	connect := "'self'"
	if u, err := url.Parse(base); err == nil && u.Scheme != "" && u.Host != "" {
		connect += " " + u.Scheme + "://" + u.Host
	}
	return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"connect-src " + connect + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}

func renderIndex(base string) ([]byte, error) {
	t, err := template.ParseFS(files, "index.html")
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, struct{ APIBase string }{base}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
