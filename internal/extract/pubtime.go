package extract

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The date search (htmldate) keeps the day only, so a page that states
// its publication time ("2024-03-12T09:30:00Z") came out at midnight,
// and the time expressions that read the clock of the publish time ("two
// hours ago", "this morning") lost it. exactTime reads the time the page
// states in its metadata, which then replaces the day when they agree.

// pubTimeKeys are the meta names, properties and itemprops that state a
// publication time.
var pubTimeKeys = map[string]bool{
	"article:published_time": true, "og:published_time": true, "datepublished": true, "pubdate": true,
	"publishdate": true, "publish-date": true, "dc.date.issued": true, "dcterms.issued": true,
	"sailthru.date": true, "parsely-pub-date": true, "date": true,
}

// maxLDJSON bounds the JSON-LD read from one script, and maxLDJSONTotal
// from a page: a news page holds a few kB of it, and a page of megabytes
// of scripts would otherwise cost a quarter of a second of decoding.
const (
	maxLDJSON      = 256 << 10
	maxLDJSONTotal = 1 << 20
)

// exactTime returns the publication time, with its time of day, that the
// page states in a meta element, a JSON-LD datePublished or a <time
// pubdate> element; zero when it states none or only a day. The first
// one found in document order wins. It gives up (zero) once ctx is done,
// checking it every 1,024 nodes.
func exactTime(ctx context.Context, doc *html.Node) time.Time {
	var found time.Time
	nodes, budget := 0, maxLDJSONTotal
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if nodes++; nodes%1024 == 0 && ctx.Err() != nil {
			found = time.Time{}
			return true
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				if pubTimeKeys[key] {
					if t, ok := parseTime(attr(n, "content")); ok {
						found = t
						return true
					}
				}
			case atom.Time:
				if _, ok := attrOK(n, "pubdate"); ok || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					if t, ok := parseTime(attr(n, "datetime")); ok {
						found = t
						return true
					}
				}
			case atom.Script:
				if jsonLD(n) && n.FirstChild != nil &&
					n.FirstChild.Type == html.TextNode && len(n.FirstChild.Data) <= min(maxLDJSON, budget) {
					budget -= len(n.FirstChild.Data)
					var v any
					if json.Unmarshal([]byte(n.FirstChild.Data), &v) == nil {
						if t, ok := ldPublished(v, 0); ok {
							found = t
							return true
						}
					}
				}
				return false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	return found
}

// ldPublished finds a datePublished with a time of day in decoded JSON-LD
// (an object, an array of them or a @graph), depth levels down at most 8.
func ldPublished(v any, depth int) (time.Time, bool) {
	if depth > 8 {
		return time.Time{}, false
	}
	switch x := v.(type) {
	case map[string]any:
		if s, ok := x["datePublished"].(string); ok {
			if t, ok := parseTime(s); ok {
				return t, true
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if t, ok := ldPublished(x[k], depth+1); ok {
				return t, true
			}
		}
	case []any:
		for _, e := range x {
			if t, ok := ldPublished(e, depth+1); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// timeLayouts are the forms of a time with its time of day that pages
// write (ISO 8601 with or without seconds, a zone or a fraction).
var timeLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05",
}

// parseTime reads s as a time with its time of day; a date alone is no
// answer (the date search has it).
func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < len("2006-01-02T15:04") || len(s) > 40 {
		return time.Time{}, false
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, t.Year() >= 1900 && t.Year() <= 2200
		}
	}
	return time.Time{}, false
}

// minPubTime is the earliest publication time taken, the date search's
// own bound (htmldate's MinDate); it takes none more than a year ahead
// either (its MaxDate).
var minPubTime = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)

// withExactTime puts exact in md when it agrees with the day found, or
// no day was found and exact lies within the bounds the date search
// keeps to (a page stating 1901 or 2090 had no time, not that one).
func withExactTime(md *Metadata, exact time.Time) {
	if exact.IsZero() {
		return
	}
	d := md.PublishTime
	if d.IsZero() {
		if !exact.Before(minPubTime) && !exact.After(time.Now().AddDate(1, 0, 0)) {
			md.PublishTime = exact
		}
		return
	}
	if d.Year() == exact.Year() && d.Month() == exact.Month() && d.Day() == exact.Day() {
		md.PublishTime = exact
	}
}

// attr returns the value of n's attribute key, "" when n has none.
func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

// attrOK returns the value of n's attribute key and whether n has it.
func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
