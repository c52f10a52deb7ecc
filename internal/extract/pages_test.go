package extract

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The pages of these tests are written here: no text is cut from a data
// set. sentences makes up a paragraph of n sentences of news prose.
func sentences(r *rand.Rand, n int) string {
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch r.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "%s %s told reporters on %s that the %s would cost about %d million euros, more than the %s had planned.",
				pick("Marta", "Jonas", "Ines", "Karl", "Sofia"), pick("Ruiz", "Becker", "Nowak", "Dubois", "Haines"),
				pick("Monday", "Wednesday", "Saturday"), pick("new bridge", "tunnel", "tram depot", "flood barrier"),
				20+r.IntN(400), pick("city", "region", "ministry"))
		case 1:
			fmt.Fprintf(&b, "\"We %s %s,\" said %s, who has lived in %s for %d years.",
				pick("cannot wait for", "were never asked about", "have waited long enough for"), pick("this", "the plan", "a decision"),
				pick("a shopkeeper", "one resident", "a retired teacher"), pick("the old town", "Northgate", "the harbour district"), 3+r.IntN(50))
		case 2:
			fmt.Fprintf(&b, "The %s voted %d to %d in favour, after a debate that lasted until %d in the evening.",
				pick("council", "committee", "assembly"), 10+r.IntN(20), r.IntN(10), 7+r.IntN(5))
		default:
			fmt.Fprintf(&b, "Work is due to begin in %s %d and should take %s.",
				pick("March", "July", "October"), 2026+r.IntN(3), pick("two years", "eighteen months", "most of the decade"))
		}
	}
	return b.String()
}

// magazinePage builds a page of about n bytes with a large menu, an
// article split into chunks between ad slots (with a figure, a quote, a
// list and subheads), a share bar, tags, related stories with teasers, a
// long comment section and a footer of links.
func magazinePage(n int) string {
	r := rand.New(rand.NewPCG(3, 5))
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>City approves the harbour tunnel - The Northgate Post</title>
<meta property="og:title" content="City approves the harbour tunnel"><meta property="og:site_name" content="The Northgate Post">
<meta name="description" content="After years of debate the council votes for the tunnel.">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"City approves the harbour tunnel","datePublished":"2024-10-09T07:30:00Z","author":{"@type":"Person","name":"Helena Marsh"}}</script>
<link rel="canonical" href="https://post.example.com/city/2024/harbour-tunnel">
<style>.menu li{display:inline}</style><script>var cfg={ads:true};</script></head>
<body class="article-page layout-with-sidebar"><header class="site-header"><div class="logo">The Northgate Post</div><nav class="menu"><ul>`)
	for i := range 120 {
		fmt.Fprintf(&b, `<li><a href="/section/%d">Section %d</a><ul><li><a href="/s/%d/a">Local</a></li><li><a href="/s/%d/b">Opinion</a></li></ul></li>`, i, i, i, i)
	}
	b.WriteString(`</ul></nav></header><div class="breadcrumbs"><a href="/">Home</a> › <a href="/city">City</a></div>
<main><article class="story"><header><h1>City approves the harbour tunnel</h1><p class="byline">By Helena Marsh</p><time datetime="2024-10-09">9 October 2024</time></header>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
<figure><img src="/t.jpg"><figcaption>The harbour entrance, where the tunnel will start.</figcaption></figure>`)
	body := n * 5 / 10
	chunk := 0
	for b.Len() < body {
		chunk++
		b.WriteString(`<div class="article-body__chunk">`)
		for range 6 {
			fmt.Fprintf(&b, "<p>%s</p>\n", sentences(r, 2+r.IntN(4)))
		}
		switch chunk % 5 {
		case 1:
			fmt.Fprintf(&b, "<h2>The vote number %d</h2>\n", chunk)
		case 2:
			fmt.Fprintf(&b, "<blockquote><p>%s</p></blockquote>\n", sentences(r, 2))
		case 3:
			b.WriteString("<ul><li>The tunnel will be 2.4 kilometres long.</li><li>It will carry two lanes in each direction.</li><li>Tolls will be charged for ten years.</li></ul>\n")
		case 4:
			fmt.Fprintf(&b, `<p>Read more: <a href="/r/%d">Why the old bridge had to close</a></p>`+"\n", chunk)
		}
		b.WriteString("</div>\n")
		fmt.Fprintf(&b, `<div class="ad-slot" id="ad-%d"><span>Advertisement</span><script>loadAd(%d)</script></div>`+"\n", chunk, chunk)
	}
	b.WriteString(`<div class="tags"><a href="/t/tunnel">Tunnel</a> <a href="/t/harbour">Harbour</a> <a href="/t/council">Council</a></div></article>
<section class="related-stories"><h2>Related stories</h2>`)
	for i := range 12 {
		fmt.Fprintf(&b, `<div class="teaser"><h3><a href="/story/%d">Ferry prices rise again for the %dth time</a></h3><p>Commuters face higher fares from next month.</p></div>`, i, i+2)
	}
	b.WriteString(`</section><section id="comments" class="comments"><h2>Comments</h2>`)
	for i := 0; b.Len() < n*9/10; i++ {
		fmt.Fprintf(&b, `<div class="comment"><div class="comment-author">reader%d</div><p>%s</p><a href="#reply">Reply</a></div>`+"\n", i, sentences(r, 1+r.IntN(3)))
	}
	b.WriteString(`</section></main><aside class="sidebar"><h3>Most read</h3><ol>`)
	for i := range 10 {
		fmt.Fprintf(&b, `<li><a href="/m/%d">Storm warnings for the coast, day %d</a></li>`, i, i)
	}
	b.WriteString(`</ol><div class="newsletter"><p>Sign up for our morning newsletter and get the news before breakfast, every day.</p><form><input type="email"><button>Subscribe</button></form></div></aside><footer><ul>`)
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, `<li><a href="/f/%d">Footer link %d</a></li>`, i, i)
	}
	b.WriteString(`</ul><p>© 2024 The Northgate Post. All rights reserved.</p></footer></body></html>`)
	return b.String()
}

// blogPage builds a page of about n bytes whose article is one <div> of
// text broken by <br> (no <p> at all), beside a sidebar of widgets, with
// a comment list and a footer.
func blogPage(n int) string {
	r := rand.New(rand.NewPCG(7, 1))
	var b strings.Builder
	b.WriteString(`<html><head><title>Notes from the harbour: a long walk</title><meta name="author" content="P. Okonjo"></head><body>
<div id="wrapper"><div id="top"><a href="/">Notes from the harbour</a> | <a href="/about">About</a> | <a href="/archive">Archive</a></div>
<div id="main"><div id="sidebar"><div class="widget"><h4>Archive</h4><ul>`)
	for i := range 60 {
		fmt.Fprintf(&b, `<li><a href="/archive/%d">Month %d</a> (%d)</li>`, i, i, r.IntN(30))
	}
	b.WriteString(`</ul></div><div class="widget"><h4>Blogroll</h4><a href="https://a.example">A friend's blog</a><br><a href="https://b.example">Another one</a></div></div>
<div id="content"><h2 class="post-title">A long walk along the harbour</h2><div class="post-body">`)
	for b.Len() < n*7/10 {
		fmt.Fprintf(&b, "%s<br><br>\n", sentences(r, 2+r.IntN(4)))
		if r.IntN(15) == 0 {
			fmt.Fprintf(&b, "<b>%s</b><br><br>\n", "What I saw on the way")
		}
	}
	b.WriteString(`</div><div class="post-footer">Posted by P. Okonjo at 10:14 | <a href="/p#c">14 comments</a> | <a href="/share">Share</a></div>
<div id="comments"><h4>14 comments:</h4><dl>`)
	for i := 0; b.Len() < n*95/100; i++ {
		fmt.Fprintf(&b, `<dt><a href="/u/%d">visitor %d</a> said...</dt><dd><p>%s</p></dd>`+"\n", i, i, sentences(r, 1+r.IntN(2)))
	}
	b.WriteString(`</dl></div></div></div><div id="bottom">`)
	for b.Len() < n {
		b.WriteString(`<a href="/tag/x">walks</a> `)
	}
	b.WriteString(`</div></div></body></html>`)
	return b.String()
}

// liveBlogPage builds a page of about n bytes of many timed entries, each
// in its own <div> with a heading and paragraphs, inside a live-blog
// container, between a header and a footer.
func liveBlogPage(n int) string {
	r := rand.New(rand.NewPCG(13, 17))
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Live: the storm reaches the coast</title><meta property="og:site_name" content="Coastal Live">
<meta property="article:published_time" content="2025-01-17T06:00:00Z"></head><body><header><nav><a href="/">Coastal Live</a> <a href="/weather">Weather</a></nav></header>
<main><h1>Live: the storm reaches the coast</h1><div class="live-blog">`)
	for i := 0; b.Len() < n*9/10; i++ {
		fmt.Fprintf(&b, `<div class="entry" id="e%d"><time>%02d:%02d</time><h3>Update %d from the coast</h3><p>%s</p><p>%s</p><div class="entry-share"><a href="#">Share</a></div></div>`+"\n",
			i, 6+i/60%18, i%60, i, sentences(r, 2+r.IntN(3)), sentences(r, 1+r.IntN(3)))
	}
	b.WriteString(`</div></main><footer>`)
	for b.Len() < n {
		b.WriteString(`<a href="/help">Help</a> <a href="/terms">Terms</a> `)
	}
	b.WriteString(`© Coastal Live</footer></body></html>`)
	return b.String()
}

// scriptPage builds a page of about n bytes that is mostly script: a
// short article after one big inline script, among many small scripts and
// ad slots.
func scriptPage(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Small story | The Site</title><script>`)
	for b.Len() < n/2 {
		b.WriteString(`window.__data = {"items":[{"id":12,"name":"a thing","price":"12.50","tags":["x","y"]}]};function f(a,b){return a+b*2;}` + "\n")
	}
	b.WriteString(`</script></head><body><nav><a href="/">Home</a></nav><article><h1>Small story</h1>`)
	r := rand.New(rand.NewPCG(1, 2))
	for range 12 {
		fmt.Fprintf(&b, "<p>%s</p>\n", sentences(r, 3))
	}
	b.WriteString("</article>")
	for b.Len() < n {
		b.WriteString(`<script>track({slot:1,unit:"banner",sizes:[[300,250],[728,90]]});</script><div class="ad"><span>ad</span></div>` + "\n")
	}
	b.WriteString("</body></html>")
	return b.String()
}

// oneScriptPage builds a page of about n bytes that is one inline script
// and a short article.
func oneScriptPage(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Small story | The Site</title><script>`)
	for b.Len() < n {
		b.WriteString(`window.__data = {"items":[{"id":12,"name":"a thing","price":"12.50","tags":["x","y"]}]};function f(a,b){return a+b*2;}` + "\n")
	}
	b.WriteString(`</script></head><body><article><h1>Small story</h1>`)
	r := rand.New(rand.NewPCG(1, 2))
	for range 12 {
		fmt.Fprintf(&b, "<p>%s</p>\n", sentences(r, 3))
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

// markupPage builds a page of about n bytes that is mostly markup with
// little text: a huge menu and a grid of teasers around a short article.
func markupPage(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Small story | The Site</title></head><body><nav><ul>`)
	for b.Len() < n/2 {
		b.WriteString(`<li class="menu-item"><a href="/x"><span class="icon"></span><span>Section</span></a></li>`)
	}
	b.WriteString(`</ul></nav><article><h1>Small story</h1>`)
	r := rand.New(rand.NewPCG(1, 2))
	for range 12 {
		fmt.Fprintf(&b, "<p>%s</p>\n", sentences(r, 3))
	}
	b.WriteString("</article><div class=\"grid\">")
	for b.Len() < n {
		b.WriteString(`<div class="card"><div class="img"><img src="/a.jpg"></div><div class="t"><a href="/s">Other story</a></div></div>`)
	}
	b.WriteString("</div></body></html>")
	return b.String()
}

// Pages of n bytes or so built to be hard on one step or another: a short
// article beside n bytes of data: URIs, one class list, one comment, a
// 500-deep nesting repeated, elements of 50 attributes, a table of small
// cells; or an article that is one text node, or one <pre>.
var hardPages = map[string]func(n int) string{
	"data URIs": func(n int) string {
		img := `<img src="data:image/png;base64,` + strings.Repeat("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg", 400) + `">`
		return hardHead + shortArticle + strings.Repeat(img, max(1, n/len(img))) + "</body></html>"
	},
	"class list": func(n int) string {
		return hardHead + `<div class="` + strings.Repeat("a-b c-d ", n/8) + `">` + shortArticle + "</div></body></html>"
	},
	"comment": func(n int) string {
		return hardHead + "<!--" + strings.Repeat("x y z ", n/6) + "-->" + shortArticle + "</body></html>"
	},
	"deep": func(n int) string {
		unit := strings.Repeat("<div>", 400) + "<p>Deep text that goes on for a while, with words, commas and more.</p>" + strings.Repeat("</div>", 400)
		return hardHead + shortArticle + strings.Repeat(unit, max(1, n/len(unit))) + "</body></html>"
	},
	"attributes": func(n int) string {
		var b strings.Builder
		b.WriteString("<span")
		for i := range 50 {
			fmt.Fprintf(&b, ` data-x%d="v"`, i)
		}
		b.WriteString("></span>")
		return hardHead + shortArticle + strings.Repeat(b.String(), max(1, n/b.Len())) + "</body></html>"
	},
	"table": func(n int) string {
		return hardHead + shortArticle + "<table>" + strings.Repeat("<tr><td>1</td><td>two</td><td>3.5</td></tr>", n/44) + "</table></body></html>"
	},
	"one text node": func(n int) string {
		return hardHead + "<article><h1>Big</h1><p>" + strings.Repeat("The council met on Tuesday, and most members said they would support it. ", n/72) + "</p></article></body></html>"
	},
	"pre": func(n int) string {
		return hardHead + "<pre>" + strings.Repeat("line of code(x, y);\n", n/20) + "</pre>" + shortArticle + "</body></html>"
	},
}

const (
	hardHead     = "<!doctype html><html><head><title>Small story</title></head><body>"
	shortArticle = "<article><h1>Small story</h1><p>The council met on Tuesday to discuss the plan for the harbour, and most members said they would support it if the budget allowed.</p>\n<p>Work on the new quay is due to start in the spring, and the port expects it to take two years.</p></article>"
)

// formPage builds a page of about n bytes laid out as an old site does:
// the whole page in a <form>, a table of a link column and the article.
func formPage(n int) string {
	r := rand.New(rand.NewPCG(21, 4))
	var b strings.Builder
	b.WriteString(`<html><head><title>Port news: the quay</title></head><body><form id="aspnetForm" action="/x"><div id="hdr"><a href="/">Port news</a></div><table width="100%"><tr><td class="left">`)
	for i := range 80 {
		fmt.Fprintf(&b, `<a href="/l/%d">Link %d</a><br>`, i, i)
	}
	b.WriteString(`</td><td class="main"><h1>The quay reopens</h1>`)
	for b.Len() < n*8/10 {
		fmt.Fprintf(&b, "<p>%s</p>\n", sentences(r, 2+r.IntN(3)))
	}
	b.WriteString(`</td></tr></table><div id="ftr">Copyright Port news</div></form></body></html>`)
	return b.String()
}

// unnamedCommentsPage builds a page of about n bytes whose article is
// followed by a long list of readers' responses with no class or id to
// tell them apart.
func unnamedCommentsPage(n int) string {
	r := rand.New(rand.NewPCG(8, 4))
	var b strings.Builder
	b.WriteString(`<html><head><title>The quay</title></head><body><div id="page"><div id="story"><h1>The quay reopens</h1>`)
	for range 60 {
		fmt.Fprintf(&b, "<p>%s</p>\n", sentences(r, 3+r.IntN(3)))
	}
	b.WriteString(`</div><h3>Responses</h3><ol>`)
	for b.Len() < n {
		fmt.Fprintf(&b, "<li><cite>user</cite><p>%s</p></li>\n", sentences(r, 1+r.IntN(2)))
	}
	b.WriteString(`</ol></div></body></html>`)
	return b.String()
}
