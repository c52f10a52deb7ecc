// Package extract turns a web page into article text and metadata. It
// wraps go-trafilatura (with its readability and DOM-distiller fallbacks),
// and keeps paragraphs: the text has one paragraph per block, separated by
// a blank line, so that every later offset refers to the returned text.
//
// A cancelled call stops within a few milliseconds of CPU (issue 9: at
// most 50 ms). The page is parsed 16 KB at a time between checks of the
// context, then weighed: a unit per byte of text, 8 per element, 2 per
// attribute, and a fraction per byte of script, style, comment or long
// attribute (weigh). A page of up to 96 K units (about 90 KB of text, or
// 8,000 elements of two attributes: most news pages) goes to go-trafilatura
// whole, with its date search and readability fallback run apart; its
// longest step, which cannot be interrupted, then costs at most ~35 ms of
// CPU. A heavier page (up to the fetcher's 5 MiB) takes the large-page path
// (large.go): the article's container is found by scoring paragraphs on
// their length and link density, as readability does, leaving out
// navigation, asides, footers, forms, hidden elements and boxes named for
// comments, sharing, related stories or ads; it is rendered as Text
// renders, and the metadata comes from go-trafilatura run on a skeleton of
// the page (its head and the start of the body and of the article), whose
// size is bounded. Both walks check the context every 256 nodes. On the
// large test pages its paragraphs agree with go-trafilatura's (precision
// and recall 0.999-1.000; TestLargePathAgreement), and it costs ~30 ms of
// CPU per MB where go-trafilatura costs 460-1,090 (BenchmarkHTMLLarge).
package extract

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	readability "github.com/go-shiori/go-readability"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoContent means the page holds no article text.
var ErrNoContent = errors.New("the page holds no article text")

// ErrUnreadable means the page cannot be parsed as HTML at all, for
// example because its elements nest deeper than the parser's limit of 512.
var ErrUnreadable = errors.New("the HTML cannot be read")

// Metadata describes the page an article came from. Zero values mean unknown.
type Metadata struct {
	Title        string
	Authors      []string
	PublishTime  time.Time
	SiteName     string
	CanonicalURL string
	Language     string // as declared or detected by the extractor
	Description  string
}

// Result is an extracted article.
type Result struct {
	Text     string
	Metadata Metadata
}

// maxTreeSize bounds the elements kept in an extracted tree.
const maxTreeSize = 50000

// HTML extracts the main text of an HTML page and its metadata. pageURL,
// when not empty, is the address the page came from; it resolves relative
// canonical links and helps the site-specific rules.
func HTML(page []byte, pageURL string) (*Result, error) {
	return HTMLContext(context.Background(), page, pageURL)
}

// HTMLContext is HTML that stops early, returning ctx.Err(), once ctx is
// done. It checks ctx between its phases (parsing, preparing the tree, the
// extractor, rendering the text) and inside the ones it owns; the
// extractor's own step (trafilatura.ExtractDocument), which cannot be
// interrupted, gets only pages light enough for it to take ~35 ms of CPU
// at most: heavier ones take the large-page path (see the package doc).
func HTMLContext(ctx context.Context, page []byte, pageURL string) (res *Result, err error) {
	if err := checkpoint(ctx, "start"); err != nil {
		return nil, err
	}
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
		MaxTreeSize:     maxTreeSize,
	}
	if pageURL != "" {
		if u, perr := url.Parse(pageURL); perr == nil {
			opts.OriginalURL = u
		}
	}
	defer func() {
		// The extractor is third-party code run on hostile input: a panic
		// there is a failed extraction, not a crashed server.
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("extracting the page: %v", r)
		}
	}()
	// The page is UTF-8 already (the fetcher decodes it; API strings are
	// UTF-8), so it is parsed here rather than by the extractor, which
	// would re-decode it by the charset the page declares.
	doc, err := parse(ctx, page)
	if cerr := checkpoint(ctx, "parsed"); cerr != nil {
		return nil, cerr
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	weight, err := weigh(ctx, doc)
	if err != nil {
		return nil, err
	}
	if err := checkpoint(ctx, "weighed"); err != nil {
		return nil, err
	}
	exact := exactTime(ctx, doc)
	if err := checkpoint(ctx, "timed"); err != nil {
		return nil, err
	}
	if weight > maxWeight {
		res, err := large(ctx, doc, opts)
		if res != nil {
			withExactTime(&res.Metadata, exact)
		}
		return res, err
	}
	markBlocks(doc)
	var date time.Time
	if len(page) >= mergeFrom {
		// A large page: the extractor's steps that can be run apart
		// are run here, between checks of ctx.
		mergeParagraphs(doc, len(page)/maxParagraphs)
		if err := checkpoint(ctx, "merged"); err != nil {
			return nil, err
		}
		// The date search, as the extractor would run it (its
		// extensive mode, which it uses when the fallback is on).
		dopts := htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: false}
		if opts.OriginalURL != nil {
			dopts.URL = opts.OriginalURL.String()
		}
		if d, derr := htmldate.FromDocument(doc, dopts); derr == nil && !d.IsZero() {
			date = d.DateTime
		}
		opts.HtmlDateMode = trafilatura.Disabled
		if err := checkpoint(ctx, "dated"); err != nil {
			return nil, err
		}
		// The first fallback candidate, which the extractor computes
		// on every page.
		if a, rerr := readability.FromDocument(dom.Clone(doc, true), opts.OriginalURL); rerr == nil && a.Node != nil {
			opts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: a.Node}
		}
	}
	if err := checkpoint(ctx, "prepared"); err != nil {
		return nil, err
	}
	r, err := trafilatura.ExtractDocument(doc, opts)
	if cerr := checkpoint(ctx, "extracted"); cerr != nil {
		return nil, cerr
	}
	if err != nil || r == nil || r.ContentNode == nil {
		return nil, ErrNoContent
	}
	if !date.IsZero() {
		r.Metadata.Date = date
	}
	text := dedupParagraphs(Text(r.ContentNode))
	if err := checkpoint(ctx, "rendered"); err != nil {
		return nil, err
	}
	if !prose(text) {
		return nil, ErrNoContent
	}
	md := metadata(r.Metadata)
	withExactTime(&md, exact)
	return &Result{Text: text, Metadata: md}, nil
}

// metadata converts the extractor's metadata, cleaned.
func metadata(md trafilatura.Metadata) Metadata {
	return Metadata{
		Title:        clean(md.Title),
		Authors:      splitAuthors(clean(md.Author)),
		PublishTime:  md.Date,
		SiteName:     clean(md.Sitename),
		CanonicalURL: md.URL,
		Language:     md.Language,
		Description:  clean(md.Description),
	}
}

// blockEnd marks the end of every block element of the page before
// extraction. The extractor's rescue paths join the text of a whole
// subtree, which would run a headline into the paragraph after it; the
// marks survive that and become paragraph breaks. It is a private-use
// character, so a page cannot mean anything by it.
const blockEnd = '\ue000'

// markBlocks appends a blockEnd text node to every block element of doc.
func markBlocks(doc *html.Node) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && blocks[n.DataAtom] {
			n.AppendChild(&html.Node{Type: html.TextNode, Data: string(blockEnd)})
		}
	}
	walk(doc)
}

// trace, when set (by a test), is called at every checkpoint.
var trace func(phase string)

// checkpoint returns ctx.Err(), telling trace of the phase done.
func checkpoint(ctx context.Context, phase string) error {
	if trace != nil {
		trace(phase)
	}
	return ctx.Err()
}

// mergeFrom is the page size from which mergeParagraphs runs, and
// maxParagraphs about the number of <p> elements it leaves. The extractor
// joins the text of every <p> of the page one by one (a string += in
// trafilatura's extractContent), which is quadratic: 1.4 s of CPU and
// 2.4 GB of garbage on a 1 MB page of 3,500 paragraphs.
var mergeFrom = 64 << 10 // a variable for the tests

const maxParagraphs = 128

// mergeParagraphs joins runs of adjacent sibling <p> elements into one
// <p> of about chunk bytes of text. The blockEnd marks at the end of each
// paragraph (markBlocks) keep them apart in the text. Only plain
// paragraphs are merged: one with attributes (a class or id the
// extractor's rules judge) or a link (its link density is judged) stays
// as it is, and ends the run.
func mergeParagraphs(doc *html.Node, chunk int) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		var head *html.Node // the <p> the run is merged into
		size := 0
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch {
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
				// white space between paragraphs does not end a run
			case plainParagraph(c):
				sz := textSize(c)
				if head != nil && size < chunk {
					for g := c.FirstChild; g != nil; g = c.FirstChild {
						c.RemoveChild(g)
						head.AppendChild(g)
					}
					c.Parent.RemoveChild(c)
					size += sz
				} else {
					head, size = c, sz
				}
			default:
				head = nil
				if c.Type == html.ElementNode {
					walk(c)
				}
			}
			c = next
		}
	}
	walk(doc)
}

// minMerged is the shortest paragraph (in bytes of text) that is merged:
// the extractor's filters of boilerplate lines ("Print", "More on this")
// judge short paragraphs on their own.
const minMerged = 100

// plainParagraph reports whether n is a <p> of some length without
// attributes, links or nested elements that might be judged on their own.
func plainParagraph(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.P || len(n.Attr) > 0 || textSize(n) < minMerged {
		return false
	}
	var ok func(n *html.Node) bool
	ok = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				switch c.DataAtom {
				case atom.A, atom.Img, atom.Iframe, atom.Script, atom.Style, atom.Form, atom.Input, atom.Button:
					return false
				}
				if len(c.Attr) > 0 || !ok(c) {
					return false
				}
			}
		}
		return true
	}
	return ok(n)
}

// textSize is the bytes of text under n.
func textSize(n *html.Node) int {
	size := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			size += len(c.Data)
		} else {
			size += textSize(c)
		}
	}
	return size
}

// dedupParagraphs drops every paragraph that repeats an earlier one
// exactly: the extractor's rescue paths can return the same block twice.
func dedupParagraphs(text string) string {
	paras := strings.Split(text, "\n\n")
	seen := make(map[string]bool, len(paras))
	out := paras[:0]
	for _, p := range paras {
		if seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return strings.Join(out, "\n\n")
}

// clean trims a metadata value and drops block marks from it.
func clean(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, string(blockEnd), " "))
}

// prose reports whether text reads as article text rather than the
// leftovers of navigation or a form: some sentence of six words or more, or
// thirty words in all.
func prose(text string) bool {
	if len(strings.Fields(text)) >= 30 {
		return true
	}
	for _, p := range strings.Split(text, "\n\n") {
		if len(strings.Fields(p)) >= 6 && strings.ContainsAny(p, ".!?") {
			return true
		}
	}
	return false
}

func splitAuthors(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ";") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// blocks are the elements that start a new paragraph.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Tr: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figure: true,
	atom.Figcaption: true, atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Hr: true,
	atom.Main: true, atom.Aside: true, atom.Details: true, atom.Summary: true, atom.Caption: true,
}

// trafilatura's own output vocabulary, which is not HTML.
var blockNames = map[string]bool{"head": true, "list": true, "item": true, "quote": true, "row": true, "code": false}

// Text renders an HTML tree as plain text: one paragraph per block
// element, separated by a blank line; white space inside a paragraph
// folded to single spaces; <br> as a line break.
func Text(n *html.Node) string {
	var w textWriter
	w.walk(n)
	w.endBlock()
	return strings.Join(w.paras, "\n\n")
}

type textWriter struct {
	skip  func(n *html.Node) bool // when set, the nodes it reports are left out
	more  func() bool             // when set, asked between pieces of a long text, which stops on false
	paras []string
	cur   strings.Builder
	space bool
}

func (w *textWriter) walk(n *html.Node) {
	if w.skip != nil && w.skip(n) {
		return
	}
	switch n.Type {
	case html.TextNode:
		if w.more == nil {
			w.text(n.Data)
			return
		}
		for s := n.Data; s != ""; {
			piece := prefix(s, textPiece)
			if piece == "" { // a broken character at the cut
				piece = s[:min(len(s), utf8.UTFMax)]
			}
			w.text(piece)
			if s = s[len(piece):]; s != "" && !w.more() {
				return
			}
		}
		return
	case html.ElementNode:
		switch elementAtom(n) {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Button, atom.Select:
			return
		case atom.Br:
			w.lineBreak()
			return
		case atom.Td, atom.Th:
			w.space = true
		}
	}
	block := n.Type == html.ElementNode && (blocks[elementAtom(n)] || blockNames[n.Data])
	if block {
		w.endBlock()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.endBlock()
	}
}

// textPiece is how much of a text node a textWriter with more set writes
// between two calls of it.
const textPiece = 16 << 10

// elementAtom returns n's atom. The extractor builds new elements by name
// only, leaving DataAtom unset.
func elementAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

func (w *textWriter) text(s string) {
	for _, r := range s {
		if r == blockEnd {
			w.endBlock()
			continue
		}
		if unicode.IsSpace(r) || r == '\u00a0' {
			w.space = true
			continue
		}
		if r == 0 || (unicode.IsControl(r)) || r == '\ufeff' || r == '\u200b' {
			continue
		}
		if w.space && w.cur.Len() > 0 {
			last := w.cur.String()[w.cur.Len()-1]
			if last != '\n' {
				w.cur.WriteByte(' ')
			}
		}
		w.space = false
		w.cur.WriteRune(r)
	}
}

func (w *textWriter) lineBreak() {
	if w.cur.Len() > 0 {
		w.cur.WriteByte('\n')
	}
	w.space = false
}

func (w *textWriter) endBlock() {
	p := strings.TrimSpace(w.cur.String())
	if p != "" {
		w.paras = append(w.paras, p)
	}
	w.cur.Reset()
	w.space = false
}
