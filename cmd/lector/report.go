package main

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"google.golang.org/grpc/codes"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
)

// codeName is the canonical name of a status code, such as INVALID_ARGUMENT.
func codeName(c codes.Code) string {
	if c == codes.Canceled {
		return "CANCELLED"
	}
	var b strings.Builder
	for i, r := range c.String() {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

func enumName(s, prefix string) string { return strings.TrimPrefix(s, prefix) }

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// featureName is the name -features takes, such as key-phrases.
func featureName(f articlev1.Feature) string {
	return strings.ToLower(strings.ReplaceAll(enumName(f.String(), "FEATURE_"), "_", "-"))
}

// oneLine squeezes a span's text onto one line and cuts it to n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// classBand reads a score as the proto documents it: above it positive,
// below its negative negative, otherwise neutral.
const classBand = 0.25

func sentimentText(s *articlev1.Sentiment) string {
	if s == nil {
		return ""
	}
	tone := "neutral"
	switch {
	case s.Score > classBand:
		tone = "positive"
	case s.Score < -classBand:
		tone = "negative"
	case s.Magnitude >= 1:
		tone = "mixed"
	}
	return fmt.Sprintf("%+.2f (magnitude %.2f, %s)", s.Score, s.Magnitude, tone)
}

func roles(e *articlev1.Entity) string {
	var out []string
	for _, r := range e.GetRoles() {
		switch {
		case r.Title != "" && r.Affiliation != "":
			out = append(out, r.Title+" ("+r.Affiliation+")")
		case r.Title != "":
			out = append(out, r.Title)
		case r.Affiliation != "":
			out = append(out, r.Affiliation)
		}
	}
	return strings.Join(out, "; ")
}

func readingTime(sec float64) string {
	d := time.Duration(math.Round(sec)) * time.Second
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d.Seconds()))
	}
	return fmt.Sprintf("%d min %d s", int(d.Minutes()), int(d.Seconds())%60)
}

// writeReport prints an analysis for people.
func writeReport(w io.Writer, a *articlev1.Analysis) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	section := func(title string, n int) {
		tw.Flush()
		if n >= 0 {
			fmt.Fprintf(w, "\n%s (%d)\n", title, n)
		} else {
			fmt.Fprintf(w, "\n%s\n", title)
		}
	}
	if md := a.GetMetadata(); md != nil {
		if md.Title != "" {
			fmt.Fprintf(tw, "Title\t%s\n", md.Title)
		}
		if len(md.Authors) > 0 {
			fmt.Fprintf(tw, "By\t%s\n", strings.Join(md.Authors, ", "))
		}
		if md.SiteName != "" {
			fmt.Fprintf(tw, "Site\t%s\n", md.SiteName)
		}
		if md.CanonicalUrl != "" {
			fmt.Fprintf(tw, "Address\t%s\n", md.CanonicalUrl)
		}
		if md.PublishTime != nil {
			fmt.Fprintf(tw, "Published\t%s\n", md.PublishTime.AsTime().UTC().Format("Mon 2 January 2006 15:04 MST"))
		}
	}
	if l := a.GetLanguage(); l.GetCode() != "" {
		fmt.Fprintf(tw, "Language\t%s (%.0f%% confident)\n", l.Code, 100*l.Confidence)
	}
	if s := a.GetStatistics(); s != nil {
		fmt.Fprintf(tw, "Statistics\t%s, %s, %s; reading time %s", plural(int(s.Words), "word"), plural(int(s.Sentences), "sentence"), plural(int(s.Paragraphs), "paragraph"), readingTime(s.ReadingTimeSeconds))
		if s.Readability != 0 {
			fmt.Fprintf(tw, "; readability %.0f (Flesch)", s.Readability)
		}
		fmt.Fprintln(tw)
	}
	if s := a.GetSentiment(); s != nil {
		fmt.Fprintf(tw, "Sentiment\t%s\n", sentimentText(s))
	}

	if ents := a.GetEntities(); len(ents) > 0 {
		section("Entities by salience", len(ents))
		fmt.Fprintf(tw, "  SALIENCE\tNAME\tTYPE\tMENTIONS\tCOUNTRY\tROLES\tSENTIMENT\n")
		for _, e := range ents {
			s := ""
			if e.Sentiment != nil {
				s = fmt.Sprintf("%+.2f", e.Sentiment.Score)
			}
			fmt.Fprintf(tw, "  %.3f\t%s\t%s\t%d\t%s\t%s\t%s\n", e.Salience, oneLine(e.Name, 40), enumName(e.Type.String(), "ENTITY_TYPE_"),
				len(e.Mentions), e.CountryCode, roles(e), s)
		}
	}

	if qs := a.GetQuotes(); len(qs) > 0 {
		section("Quotes by speaker", len(qs))
		type group struct {
			name   string
			quotes []*articlev1.Quote
		}
		var groups []*group
		byKey := map[string]*group{}
		for _, q := range qs {
			sp := q.GetSpeaker()
			key, name := "?", "(unattributed)"
			switch {
			case sp.EntityIndex != nil && int(sp.GetEntityIndex()) < len(a.GetEntities()):
				key, name = fmt.Sprint("e", sp.GetEntityIndex()), a.Entities[sp.GetEntityIndex()].Name
			case sp.GetName() != "":
				key, name = "n"+strings.ToLower(sp.GetName()), sp.GetName()
			case sp.GetText().GetContent() != "":
				key, name = "t"+strings.ToLower(sp.GetText().GetContent()), sp.GetText().GetContent()
			}
			g := byKey[key]
			if g == nil {
				g = &group{name: name}
				byKey[key] = g
				groups = append(groups, g)
			}
			g.quotes = append(g.quotes, q)
		}
		sort.SliceStable(groups, func(i, j int) bool { return len(groups[i].quotes) > len(groups[j].quotes) })
		for _, g := range groups {
			fmt.Fprintf(w, "  %s (%d)\n", g.name, len(g.quotes))
			for _, q := range g.quotes {
				meta := strings.ToLower(enumName(q.Kind.String(), "QUOTE_KIND_"))
				if c := q.GetCue().GetContent(); c != "" {
					meta += ", cue " + c
				}
				fmt.Fprintf(w, "    %s  [%s]\n", oneLine(quoteText(q), 160), meta)
			}
		}
	}

	if ts := a.GetTimeExpressions(); len(ts) > 0 {
		section("Time expressions", len(ts))
		for _, t := range ts {
			anchored := ""
			if t.Anchored {
				anchored = "anchored"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", oneLine(t.GetText().GetContent(), 50), enumName(t.Type.String(), "TIME_EXPRESSION_TYPE_"), t.Value, anchored)
		}
	}

	if ps := a.GetKeyPhrases(); len(ps) > 0 {
		section("Key phrases", len(ps))
		for _, p := range ps {
			fmt.Fprintf(tw, "  %.3f\t%s\t%s\n", p.Score, p.Phrase, plural(len(p.Mentions), "mention"))
		}
	}

	if s := a.GetSummary().GetSentences(); len(s) > 0 {
		section("Summary", -1)
		for i, sp := range s {
			fmt.Fprintf(w, "  %d. %s\n", i+1, oneLine(sp.GetContent(), 400))
		}
	}

	if cs := a.GetCategories(); len(cs) > 0 {
		section("Categories", len(cs))
		for _, c := range cs {
			fmt.Fprintf(tw, "  %s\t%.0f%%\n", c.Name, 100*c.Confidence)
		}
	}

	if ns := a.GetNotices(); len(ns) > 0 {
		section("Not run", len(ns))
		for _, n := range ns {
			fmt.Fprintf(tw, "  %s\t%s\n", featureName(n.Feature), n.Reason)
		}
	}
	return tw.Flush()
}

// streamWriter prints stream messages as they arrive.
type streamWriter struct {
	w        io.Writer
	text     string
	entities []*articlev1.Entity
}

func (s *streamWriter) write(elapsed time.Duration, m *articlev1.StreamAnalyzeArticleResponse) {
	at := fmt.Sprintf("[%7.1f ms]", float64(elapsed.Microseconds())/1000)
	line := func(part, format string, args ...any) {
		fmt.Fprintf(s.w, "%s %-16s %s\n", at, part, fmt.Sprintf(format, args...))
	}
	names := func(n int, f func(i int) string, total int) string {
		var out []string
		for i := 0; i < min(n, total); i++ {
			out = append(out, f(i))
		}
		if total > n {
			out = append(out, fmt.Sprintf("… %d more", total-n))
		}
		return strings.Join(out, "; ")
	}
	switch r := m.Result.(type) {
	case *articlev1.StreamAnalyzeArticleResponse_Source:
		if t := r.Source.GetText(); t != "" {
			s.text = t
		}
		line("source", "%d bytes of text%s", len(s.text), titleOf(r.Source.GetMetadata()))
	case *articlev1.StreamAnalyzeArticleResponse_Language:
		line("language", "%s (%.0f%%)", r.Language.Code, 100*r.Language.Confidence)
	case *articlev1.StreamAnalyzeArticleResponse_Syntax:
		line("syntax", "%d sentences, %d tokens", len(r.Syntax.Sentences), len(r.Syntax.Tokens))
	case *articlev1.StreamAnalyzeArticleResponse_Entities:
		e := r.Entities.GetEntities()
		s.entities = e
		line("entities", "%d: %s", len(e), names(6, func(i int) string {
			return fmt.Sprintf("%s %s", e[i].Name, enumName(e[i].Type.String(), "ENTITY_TYPE_"))
		}, len(e)))
	case *articlev1.StreamAnalyzeArticleResponse_TimeExpressions:
		t := r.TimeExpressions.GetTimeExpressions()
		line("time expressions", "%d: %s", len(t), names(6, func(i int) string {
			return fmt.Sprintf("%s = %s", oneLine(t[i].GetText().GetContent(), 30), t[i].Value)
		}, len(t)))
	case *articlev1.StreamAnalyzeArticleResponse_Quotes:
		q := r.Quotes.GetQuotes()
		line("quotes", "%d: %s", len(q), names(4, func(i int) string {
			who := q[i].GetSpeaker().GetName()
			if who == "" {
				who = "?"
			}
			return fmt.Sprintf("%s: %s", who, oneLine(quoteText(q[i]), 40))
		}, len(q)))
	case *articlev1.StreamAnalyzeArticleResponse_KeyPhrases:
		p := r.KeyPhrases.GetKeyPhrases()
		line("key phrases", "%d: %s", len(p), names(8, func(i int) string { return p[i].Phrase }, len(p)))
	case *articlev1.StreamAnalyzeArticleResponse_Summary:
		line("summary", "%d sentences", len(r.Summary.GetSentences()))
	case *articlev1.StreamAnalyzeArticleResponse_Sentiment:
		line("sentiment", "article %s; %d sentences, %d entities", sentimentText(r.Sentiment.GetDocument()), len(r.Sentiment.GetSentences()), len(r.Sentiment.GetEntities()))
	case *articlev1.StreamAnalyzeArticleResponse_Categories:
		c := r.Categories.GetCategories()
		line("categories", "%s", names(3, func(i int) string { return fmt.Sprintf("%s %.0f%%", c[i].Name, 100*c[i].Confidence) }, len(c)))
	case *articlev1.StreamAnalyzeArticleResponse_Statistics:
		st := r.Statistics
		line("statistics", "%d words, %d sentences, %d paragraphs", st.Words, st.Sentences, st.Paragraphs)
	case *articlev1.StreamAnalyzeArticleResponse_Completion:
		c := r.Completion
		var stages []string
		for _, t := range c.GetStageTimings() {
			stages = append(stages, fmt.Sprintf("%s %s", t.Stage, t.GetDuration().AsDuration().Round(10*time.Microsecond)))
		}
		line("completion", "total %s; %s", c.GetTotalDuration().AsDuration().Round(10*time.Microsecond), strings.Join(stages, ", "))
		for _, n := range c.GetNotices() {
			line("", "not run: %s: %s", featureName(n.Feature), n.Reason)
		}
	default:
		line("?", "a part this client does not know")
	}
}

func titleOf(md *articlev1.Metadata) string {
	if md.GetTitle() == "" {
		return ""
	}
	return fmt.Sprintf(", title %q", md.GetTitle())
}

func writeCapabilities(w io.Writer, c *articlev1.GetCapabilitiesResponse) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Server version\t%s\n", c.ServerVersion)
	if l := c.GetLimits(); l != nil {
		fmt.Fprintf(tw, "Limits\t%d bytes per article, %d articles per batch, %d at once\n", l.MaxArticleBytes, l.MaxBatchSize, l.MaxConcurrency)
		if l.MaxHtmlBytes > 0 {
			fmt.Fprintf(tw, "\t%d bytes per HTML page (its text: the article limit)\n", l.MaxHtmlBytes)
		}
	}
	fmt.Fprintf(tw, "\nFEATURE\tAVAILABLE\tLANGUAGES\tMODEL\n")
	for _, f := range c.GetFeatures() {
		avail := "yes"
		if !f.Available {
			avail = "no: " + f.Reason
		}
		langs := strings.Join(f.LanguageCodes, ",")
		if langs == "" {
			langs = "any"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", featureName(f.Feature), avail, langs, f.ModelVersion)
	}
	tw.Flush()
}

// quoteText is what a quote says: its parts around its own attribution,
// joined by " … ", else its content.
func quoteText(q *articlev1.Quote) string {
	if len(q.GetContentParts()) == 0 {
		return q.GetContent().GetContent()
	}
	parts := make([]string, len(q.GetContentParts()))
	for i, p := range q.GetContentParts() {
		parts[i] = p.GetContent()
	}
	return strings.Join(parts, " … ")
}
