package extract

import (
	"context"
	"io"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The large-page path. The extractor (trafilatura.ExtractDocument) cannot
// be interrupted and costs about 0.3 µs of CPU per byte of text and 3 µs
// per element (its language detection reads the whole text; its cleaning,
// its three copies of the tree and its metadata rules visit every
// element), and the date search about 30 ns per byte of page. A page whose
// weight (weigh) is over maxWeight would keep a cancelled call busy for
// longer than issue 9 allows (50 ms of CPU), so it is extracted here
// instead, by code that checks ctx every checkEvery nodes:
//
//   - score: one walk scores the page's paragraphs as readability does,
//     by the length of their text and their link density, leaving out
//     what is not article text (scripts, navigation, forms, footers,
//     asides, hidden elements, and elements whose class or id names
//     comments, sharing, related stories, ads and the like); the
//     container of the article is the element whose paragraphs score
//     highest in all;
//   - render: the container is written out as Text does, one paragraph
//     per block, leaving out the same elements and lists of links;
//   - metadata: the extractor runs on a skeleton of the page (its head,
//     the first part of its body and of the container), whose size is
//     bounded, so its metadata rules, date search and language detection
//     see the page's head and the start of the article.

// maxWeight is the heaviest page the extractor gets whole: its longest
// step then takes 20-38 ms of CPU (TestCancelCPU's pages "at the gate",
// measured on a busy machine). A variable for the tests.
var maxWeight = 96 << 10

// elementWeight, attrWeight, scriptShare and rawShare weigh an element,
// an attribute, a byte of script or style, and a byte of a long attribute
// or a comment against a byte of text: the extractor spends several times
// as much on an element as on a byte of text, and twice as much on an
// attribute; the date search and the readability fallback spend an eighth
// as much on a byte of script (which the extractor drops at once) and a
// fifth as much on a byte of an attribute over shortAttr bytes (a data:
// URI, a long class list) or of a comment. (Calibrated on the shapes of
// TestCancelCPU so that each costs about the same at maxWeight.)
const (
	elementWeight = 8
	attrWeight    = 2
	scriptShare   = 8
	rawShare      = 4
	shortAttr     = 100
)

// An element nested more than deepFrom elements deep weighs deepWeight
// more for each level past deepFrom: the extractor's cleaning copies the
// subtree of every element it strips or unwraps, so its time grows with
// the elements times their depth (a 97 kB page of spans and divs nested
// 400 deep, weighing 91 kB without its depth, took 1.3 s of CPU in one
// uninterruptible step; one of 100 kB nested 100 deep, 0.3-0.4 s; the
// large-page path takes 0.01-0.02 s on them). News pages nest their
// elements some 10 to 30 deep: their weights do not change.
const (
	deepFrom   = 32
	deepWeight = 2
)

// checkEvery is how many nodes the large-page walks visit between checks
// of ctx: some tens of microseconds of work.
const checkEvery = 256

// parseChunk is how many bytes the parser reads between checks of ctx.
const parseChunk = 16 << 10

// ctxReader hands a page to the parser parseChunk bytes at a time and
// fails with ctx.Err() once ctx is done, which stops the parser.
type ctxReader struct {
	ctx context.Context
	b   []byte
}

func (r *ctxReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	n := copy(p[:min(len(p), parseChunk)], r.b)
	r.b = r.b[n:]
	return n, nil
}

// parse parses page, checking ctx every parseChunk bytes.
func parse(ctx context.Context, page []byte) (*html.Node, error) {
	return html.Parse(&ctxReader{ctx: ctx, b: page})
}

// ticker counts visited nodes and checks ctx every checkEvery of them.
type ticker struct {
	ctx context.Context
	n   int
	err error
}

// tick reports whether the walk may go on.
func (t *ticker) tick() bool {
	if t.err != nil {
		return false
	}
	if t.n++; t.n%checkEvery == 0 {
		t.err = t.ctx.Err()
	}
	return t.err == nil
}

// now checks ctx at once, and reports whether the walk may go on.
func (t *ticker) now() bool {
	if t.err == nil {
		t.err = t.ctx.Err()
	}
	return t.err == nil
}

// weigh returns the weight of a page: its bytes of text, its elements
// (elementWeight each, and deepWeight for each level past deepFrom that an
// element nests) and attributes (attrWeight each), its bytes of
// script and style (a scriptShare of one each) and of long attributes and
// comments (a rawShare). It stops, returning ctx.Err(), once ctx is done.
func weigh(ctx context.Context, doc *html.Node) (int, error) {
	t := ticker{ctx: ctx}
	text, elems, attrs, script, raw, deep := 0, 0, 0, 0, 0, 0
	depth := 0 // of the children of the node being walked, the <html> element's 1
	var walk func(n *html.Node, inScript bool)
	walk = func(n *html.Node, inScript bool) {
		depth++
		for c := n.FirstChild; c != nil && t.tick(); c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if inScript {
					script += len(c.Data)
				} else {
					text += len(c.Data)
				}
			case html.ElementNode:
				elems++
				deep += max(0, depth-deepFrom)
				attrs += len(c.Attr)
				for _, a := range c.Attr {
					raw += max(0, len(a.Key)+len(a.Val)-shortAttr)
				}
				walk(c, inScript || c.DataAtom == atom.Script || c.DataAtom == atom.Style)
			case html.CommentNode:
				raw += len(c.Data)
			default:
				walk(c, inScript)
			}
		}
		depth--
	}
	walk(doc, false)
	return text + elementWeight*elems + deepWeight*deep + attrWeight*attrs + script/scriptShare + raw/rawShare, t.err
}

// stats are what the scoring walk learns of an element's subtree.
type stats struct {
	text, link int  // bytes of text, and of link text
	score      int  // the paragraphs' scores summed
	main       bool // it holds an <h1> or <main>: not a box to leave out
	drop       bool // it is left out
}

// scorer scores the elements of a page (see score).
type scorer struct {
	ticker
	info map[*html.Node]*stats
}

// Paragraphs shorter than minPara bytes (without their links) score
// nothing; a paragraph whose links make up more than a third of its text
// counts against its container.
const minPara = 30

// paraScore scores a paragraph of text bytes, link of them in links.
func paraScore(text, link int, heading bool) int {
	switch {
	case text == 0 || heading:
		return 0
	case 3*link > text:
		return -text
	case text-link < minPara:
		return 0
	}
	return text - link
}

// score walks the subtree of n, filling s.info. It returns n's stats,
// the inline text not yet in a paragraph (and its link text), and the
// best-scoring element of the subtree with its score.
func (s *scorer) score(n *html.Node, inLink bool) (st stats, inline, inlineLink int, best *html.Node, bestScore int) {
	for c := n.FirstChild; c != nil && s.tick(); c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			l := len(strings.TrimSpace(c.Data))
			st.text += l
			inline += l
			if inLink {
				st.link += l
				inlineLink += l
			}
		case html.ElementNode:
			if skipped(c) {
				continue
			}
			cs, ci, cl, cb, cbs := s.score(c, inLink || c.DataAtom == atom.A)
			st.main = st.main || cs.main
			if cs.drop {
				continue
			}
			st.text += cs.text
			st.link += cs.link
			st.score += cs.score
			inline += ci
			inlineLink += cl
			if cb != nil && (best == nil || cbs > bestScore) {
				best, bestScore = cb, cbs
			}
		}
	}
	if n.Type != html.ElementNode {
		return st, inline, inlineLink, best, bestScore
	}
	a := n.DataAtom
	st.main = st.main || a == atom.H1 || a == atom.Main
	if block(n) {
		heading := a == atom.H1 || a == atom.H2 || a == atom.H3 || a == atom.H4 || a == atom.H5 || a == atom.H6
		st.score += paraScore(inline, inlineLink, heading)
		inline, inlineLink = 0, 0
	}
	if !st.main && boilerplate(n) {
		st.drop = true
		best, bestScore = nil, 0
	}
	if !st.drop && st.score > 0 && (best == nil || st.score > bestScore) {
		best, bestScore = n, st.score
	}
	p := new(stats)
	*p = st
	s.info[n] = p
	return st, inline, inlineLink, best, bestScore
}

// block reports whether n starts a paragraph, as Text sees it.
func block(n *html.Node) bool {
	return n.Type == html.ElementNode && (blocks[n.DataAtom] || n.DataAtom == atom.Body || n.DataAtom == atom.Td || n.DataAtom == atom.Th)
}

// skipped reports whether n is never text: scripts, media, controls.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Iframe, atom.Object,
		atom.Embed, atom.Canvas, atom.Video, atom.Audio, atom.Button, atom.Select, atom.Input, atom.Textarea,
		atom.Dialog, atom.Head, atom.Time, atom.Figure:
		return true
	}
	if n.DataAtom == 0 && n.Namespace != "" { // inside <svg> or <math>
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			v := strings.ToLower(strings.ReplaceAll(prefix(a.Val, maxAttr), " ", ""))
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// boilerplate reports whether n is a box around the article rather than
// part of it: navigation, a form, a footer, an aside, or an element whose
// class or id names one (or comments, sharing, related stories, ads...).
// A box that holds the headline or <main> is kept whatever its name.
func boilerplate(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Aside, atom.Footer, atom.Form, atom.Menu:
		return true
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "role" {
			continue
		}
		for _, name := range strings.Fields(strings.ToLower(prefix(a.Val, maxAttr))) {
			if boxNames[name] {
				return true
			}
			for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' }) {
				if boxWords[part] {
					return true
				}
			}
		}
	}
	return false
}

// boxWords, as a part of a class or id (split at - and _), and boxNames,
// as a whole one, name a box around an article.
var (
	boxWords = wordSet("comment comments disqus share sharing social related recommended recommendations promo " +
		"byline sponsored sponsor sidebar widget newsletter subscribe subscription cookie cookies consent banner popup " +
		"modal breadcrumb breadcrumbs menu footer navbar nav navigation masthead outbrain taboola trending " +
		"popular mostread ad ads advert advertisement advertising")
	boxNames = wordSet("ad ads navigation complementary contentinfo banner")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// large extracts a page too heavy for the extractor (see the notes at the
// head of this file).
func large(ctx context.Context, doc *html.Node, opts trafilatura.Options) (*Result, error) {
	s := scorer{ticker: ticker{ctx: ctx}, info: map[*html.Node]*stats{}}
	_, _, _, container, _ := s.score(doc, false)
	if s.err != nil {
		return nil, s.err
	}
	if err := checkpoint(ctx, "scored"); err != nil {
		return nil, err
	}
	if container == nil {
		container = findBody(doc)
		if container == nil {
			return nil, ErrNoContent
		}
	}
	if leafBlock(container) && container.Parent != nil && container.Parent.Type == html.ElementNode {
		container = container.Parent // one long paragraph: its article, with the headline
	}
	text, err := s.render(container)
	if err != nil {
		return nil, err
	}
	if err := checkpoint(ctx, "rendered"); err != nil {
		return nil, err
	}
	if !prose(prefix(text, 64<<10)) { // its start tells, in bounded time
		return nil, ErrNoContent
	}
	skel := skeleton(doc, container)
	if err := checkpoint(ctx, "skeleton"); err != nil {
		return nil, err
	}
	res := &Result{Text: text}
	if r, err := trafilatura.ExtractDocument(skel, opts); err == nil && r != nil {
		res.Metadata = metadata(r.Metadata)
	}
	if err := checkpoint(ctx, "metadata"); err != nil {
		return nil, err
	}
	return res, nil
}

// leafBlock reports whether n is a paragraph rather than a box of them.
func leafBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Blockquote, atom.Li, atom.Td, atom.Th, atom.Dd, atom.Dt,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func findBody(doc *html.Node) *html.Node {
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.DataAtom == atom.Html {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.DataAtom == atom.Body {
					return c
				}
			}
		}
	}
	return nil
}

// render writes out the container as Text does, leaving out the boxes
// the scorer dropped, skipped elements, lists of links, and repeated
// paragraphs.
func (s *scorer) render(container *html.Node) (string, error) {
	w := textWriter{more: s.now}
	w.skip = func(n *html.Node) bool {
		if !s.tick() {
			return true
		}
		if n.Type != html.ElementNode {
			return false
		}
		if skipped(n) {
			return true
		}
		st := s.info[n]
		if st == nil || st.drop {
			return st != nil
		}
		// a list or box of links: "most read", tags, "see also"
		return block(n) && n.DataAtom != atom.P && n != container && st.text > 0 && 2*st.link > st.text
	}
	w.walk(container)
	w.endBlock()
	if s.err != nil {
		return "", s.err
	}
	// as dedupParagraphs: a paragraph of <br><br>-separated lines is
	// several
	seen := make(map[string]bool, len(w.paras))
	var out []string
	for _, block := range w.paras {
		for _, p := range strings.Split(block, "\n\n") {
			if !s.tick() {
				return "", s.err
			}
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return strings.Join(out, "\n\n"), nil
}

// Bounds of the skeleton: elements and bytes of text copied from the head,
// the start of the body, and the start of the container.
const (
	skelHead       = 2000
	skelHeadText   = 64 << 10
	skelBody       = 600
	skelBodyText   = 8 << 10
	skelContent    = 600
	skelContentTxt = 16 << 10
	skelDepth      = 48
)

// skeleton returns a copy of doc bounded in size for the extractor's
// metadata rules: the <html> element, the head without scripts (but with
// JSON-LD) and styles, the start of the body in document order, and the
// start of the container. Its work is bounded by its size.
func skeleton(doc, container *html.Node) *html.Node {
	onPath := map[*html.Node]*html.Node{} // ancestor → its child towards the container
	for c := container; c.Parent != nil; c = c.Parent {
		onPath[c.Parent] = c
	}
	sk := skel{onPath: onPath, container: container}
	out := &html.Node{Type: html.DocumentNode}
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type != html.ElementNode || n.DataAtom != atom.Html {
			continue
		}
		root := shallow(n)
		out.AppendChild(root)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.ElementNode && c.DataAtom == atom.Head:
				sk.elems, sk.text = skelHead, skelHeadText
				root.AppendChild(sk.copy(c, 0))
			case c.Type == html.ElementNode && c.DataAtom == atom.Body:
				sk.elems, sk.text = skelBody, skelBodyText
				root.AppendChild(sk.copy(c, 0))
			}
		}
	}
	return out
}

type skel struct {
	onPath      map[*html.Node]*html.Node
	container   *html.Node
	elems, text int // left to copy
}

// shallow copies n without its children, and with at most maxAttrs
// attributes of at most maxAttr bytes each.
func shallow(n *html.Node) *html.Node {
	out := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace}
	for _, a := range n.Attr[:min(len(n.Attr), maxAttrs)] {
		a.Val = prefix(a.Val, maxAttr)
		out.Attr = append(out.Attr, a)
	}
	return out
}

// maxAttr is the most of an attribute's value that the large-page path
// looks at, and maxAttrs the most attributes of an element it copies into
// the skeleton: a class list or a meta tag is shorter; a data: URI is no
// metadata.
const (
	maxAttr  = 1 << 10
	maxAttrs = 8
)

// prefix returns s cut to at most n bytes, at a character boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}

// copy copies n and as much of its subtree as the budget allows, down to
// skelDepth levels below the body, and always the path to the container.
func (s *skel) copy(n *html.Node, depth int) *html.Node {
	out := shallow(n)
	s.elems--
	if n == s.container {
		elems, text := s.elems, s.text
		s.elems, s.text = skelContent, skelContentTxt
		defer func() { s.elems, s.text = elems, text }()
	}
	path := s.onPath[n]
	pathDone := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if s.elems <= 0 || s.text <= 0 {
			if path == nil || pathDone {
				break
			}
			c = path // out of budget: straight on to the container
		}
		pathDone = pathDone || c == path
		switch c.Type {
		case html.TextNode:
			t := prefix(c.Data, s.text)
			s.text -= len(t)
			out.AppendChild(&html.Node{Type: html.TextNode, Data: t})
		case html.ElementNode:
			if c != path && (depth >= skelDepth || c.DataAtom == atom.Style || c.DataAtom == atom.Script && !jsonLD(c)) {
				continue
			}
			out.AppendChild(s.copy(c, depth+1))
		}
	}
	return out
}

// jsonLD reports whether the script n holds JSON-LD metadata.
func jsonLD(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "type" && strings.Contains(strings.ToLower(prefix(a.Val, maxAttr)), "ld+json") {
			return true
		}
	}
	return false
}
