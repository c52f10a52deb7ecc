// Command quotes evaluates package quotes on the PolNeAR dev split: content
// span precision, recall and F1 (exact on word tokens, and overlap of at
// least half of the tokens of both spans), cue F1, and speaker accuracy on
// the quotes found, for all attributions and for those whose content holds
// a quotation mark. Contents are compared as sets of word tokens (so
// punctuation does not count); annotated contents may be discontinuous, and
// a predicted content that holds its own cue and speaker ("“A,” he said,
// “B.”") is taken without them. Matching is one to one, greedy in text
// order. A found quote's speaker is right when its speaker span overlaps
// the annotated source, or when the annotated source is a mention of the
// entity the speaker was resolved to. "exact (parts)" scores exact with a
// quote its own attribution splits ("“A,” she said on Friday, “B.”") taken
// as its parts (quotes.Parts: the quotations, as the service returns them
// in content_parts), not as its span less its cue and speaker, which keeps
// the words between ("on Friday") that PolNeAR leaves out.
//
//	go run ./cmd/eval/quotes [-data ../shared/data] [-split dev] [-v]
package main

import (
	"cmp"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/pos"
	"github.com/lector-nlp/lector/internal/quotes"
	"github.com/lector-nlp/lector/internal/quotes/polnear"
	"github.com/lector-nlp/lector/internal/text"
)

func main() {
	data := flag.String("data", "../shared/data", "datasets directory")
	split := flag.String("split", "dev", "PolNeAR split (train or dev)")
	verbose := flag.Bool("v", false, "print misses and false alarms")
	heuristic := flag.Bool("heuristic-mentions", false, "find names with a capitalisation heuristic instead of internal/ner")
	ratio := flag.Float64("min-cue-ratio", quotes.DefaultOptions.MinCueRatio, "least annotated share of a learned cue")
	minUncued := flag.Int("min-uncued", quotes.DefaultOptions.MinUncuedTokens, "least tokens of a quote with no cue")
	minCount := flag.Int("min-cue-count", quotes.DefaultOptions.MinCueCount, "least annotations of a learned cue")
	minPrec := flag.Float64("min-cue-precision", quotes.DefaultOptions.MinCuePrecision, "least train precision of a learned cue")
	minScore := flag.Float64("min-score", quotes.DefaultOptions.MinScore, "least filter score of a quote")
	minPartial := flag.Int("min-partial", quotes.DefaultOptions.MinPartialTokens, "least tokens of an uncued quote inside a sentence")
	minCueScore := flag.Float64("min-cue-score", quotes.DefaultOptions.MinCueScore, "least cue-model score of a verb outside the lexicon")
	minEndScore := flag.Float64("min-end-score", quotes.DefaultOptions.MinEndScore, "least end-model score to end content early")
	infinitive := flag.Bool("infinitive", quotes.DefaultOptions.InfinitiveContent, "take \"to ...\" after a cue as its content")
	cueFeature := flag.Bool("cue-feature", quotes.DefaultOptions.CueFeature, "the filter sees the cue model's score")
	fallback := flag.Bool("fallback", quotes.DefaultOptions.Fallback, "a cue no rule places takes what follows it as content")
	nounCues := flag.Bool("noun-cues", quotes.DefaultOptions.NounCues, "the cue model scores nouns too")
	minNoun := flag.Float64("min-noun-score", quotes.DefaultOptions.MinNounScore, "least cue-model score of a noun cue")
	relSpk := flag.Bool("relative-speaker", quotes.DefaultOptions.RelativeSpeaker, "the speaker span of \"X, who said\" is \"who\"")
	fbSubj := flag.Bool("fallback-subject", quotes.DefaultOptions.FallbackSubject, "the fallback takes the noun phrase before the cue as speaker")
	possEnd := flag.Bool("possessive-end", quotes.DefaultOptions.PossessiveEnd, "end \"X's claim that ...\" before the sentence's verb")
	headlines := flag.Bool("headlines", quotes.DefaultOptions.Headlines, "read reporting verbs in title-case headlines")
	passive := flag.Bool("passive", quotes.DefaultOptions.Passive, "\"X was reported by Y\": Y said X")
	dedup := flag.Bool("dedup", quotes.DefaultOptions.Dedup, "keep one of two quotes with mostly the same words")
	startFix := flag.Bool("start-fix", quotes.DefaultOptions.StartFix, "content after its cue starts past an adverb, a hearer or a second reporting verb")
	prep := flag.Bool("prep", quotes.DefaultOptions.PrepContent, "a preposition or particle after a cue joins the cue")
	models := flag.String("models", "", "directory of cues.tsv, cuemodel.tsv, endmodel.tsv and filter.tsv to use instead of the embedded models (as written by cmd/train/quotes -out ...)")
	contextFeatures := flag.Bool("context-features", quotes.DefaultOptions.ContextFeatures, "the filter sees the words around the cue and the content")
	endCue := flag.Bool("end-cue-features", quotes.DefaultOptions.EndCueFeatures, "the end model sees the cue's lemma")
	endLook := flag.Bool("end-lookahead", quotes.DefaultOptions.EndLookahead, "the end model sees what follows a boundary")
	objInf := flag.Bool("object-infinitive", quotes.DefaultOptions.ObjectInfinitive, "\"urged X to act\": the content is \"X to act\"")
	clusterCues := flag.Bool("cluster-cues", quotes.DefaultOptions.ClusterCues, "the cue model sees word clusters")
	newsGlobs := flag.String("news", "", "comma-separated file globs of unlabelled articles: print their quotes and count the defect classes flagged (see news.go) instead of scoring PolNeAR")
	newsLimit := flag.Int("news-limit", 100, "at most this many -news articles (spread evenly over the files in name order)")
	newsQuiet := flag.Bool("news-counts", false, "with -news print the counts only")
	set := flag.String("set", "", "comma-separated quotes.Options fields to set after the flags above, as Name=true|false|number (for experiments)")
	flag.Parse()
	if *split == "test" {
		log.Fatal("the test split is held out")
	}
	tagger, err := pos.Load()
	if err != nil {
		log.Fatal(err)
	}
	rec, mentionSource := loadNER(*heuristic)
	opt := quotes.DefaultOptions
	opt.MinCueRatio = *ratio
	opt.MinUncuedTokens = *minUncued
	opt.MinPartialTokens = *minPartial
	opt.MinCuePrecision = *minPrec
	opt.MinCueCount = *minCount
	opt.MinScore = *minScore
	opt.MinCueScore = *minCueScore
	opt.MinEndScore = *minEndScore
	opt.InfinitiveContent = *infinitive
	opt.CueFeature = *cueFeature
	opt.PrepContent = *prep
	opt.StartFix = *startFix
	opt.Dedup = *dedup
	opt.Passive = *passive
	opt.Headlines = *headlines
	opt.RelativeSpeaker = *relSpk
	opt.FallbackSubject = *fbSubj
	opt.PossessiveEnd = *possEnd
	opt.NounCues = *nounCues
	opt.MinNounScore = *minNoun
	opt.Fallback = *fallback
	opt.ClusterCues = *clusterCues
	opt.ObjectInfinitive = *objInf
	opt.EndLookahead = *endLook
	opt.ContextFeatures = *contextFeatures
	opt.EndCueFeatures = *endCue
	if err := quotes.SetOptions(&opt, *set); err != nil {
		log.Fatal(err)
	}
	if *models != "" {
		read := func(name string) string {
			b, err := os.ReadFile(filepath.Join(*models, name))
			if err != nil {
				log.Fatal(err)
			}
			return string(b)
		}
		opt.Lexicon = quotes.ParseLexicon(read("cues.tsv"))
		opt.CueModel = quotes.ParseFilter(read("cuemodel.tsv"))
		opt.EndModel = quotes.ParseFilter(read("endmodel.tsv"))
		opt.Filter = quotes.ParseFilter(read("filter.tsv"))
	}
	if *newsGlobs != "" {
		if rec == nil {
			rec = heuristicMentions
		}
		news(*newsGlobs, *newsLimit, !*newsQuiet, tagger, rec, opt)
		return
	}
	arts, err := polnear.Load(filepath.Join(*data, "polnear", *split))
	if err != nil {
		log.Fatal(err)
	}

	var all, direct counts
	est := entityStats{mentions: map[entity.MentionKind]int{}}
	var elapsed time.Duration
	nTok := 0
	for _, a := range arts {
		doc := text.Analyze(a.Text)
		tagger.Tag(doc)
		var ms []ner.Mention
		if rec != nil {
			ms = rec(doc)
		} else {
			ms = heuristicMentions(doc)
		}
		t0 := time.Now()
		ents := entity.Resolve(doc, ms)
		qs := quotes.ExtractWith(doc, ents, opt)
		elapsed += time.Since(t0)
		nTok += len(doc.Tokens)
		for _, e := range ents {
			est.entities++
			switch e.Type {
			case ner.Location:
				est.locations++
				if e.CountryCode != "" {
					est.locCoded++
				}
				if e.Location != nil {
					est.located++
				}
			case ner.Nationality:
				est.nationalities++
				if e.CountryCode != "" {
					est.natCoded++
				}
			case ner.Person:
				est.persons++
				if len(e.Roles) > 0 {
					est.withRoles++
				}
			}
			for _, m := range e.Mentions {
				est.mentions[m.Kind]++
			}
		}
		score(doc, a, ents, qs, &all, nil, *verbose)
		score(doc, a, ents, qs, &direct, hasQuoteMark, false)
	}
	shown := opt
	shown.Lexicon, shown.CueModel, shown.EndModel, shown.Filter = nil, nil, nil, nil // models print as their weights
	fmt.Printf("PolNeAR %s: %d articles, mentions from %s, models %s, options %+v\n", *split, len(arts), mentionSource, cmp.Or(*models, "embedded"), shown)
	all.print("all attributions")
	direct.print("content with quote marks")
	fmt.Printf("entities: %d (mentions: %d proper, %d common, %d pronoun); persons %d, %d with roles; "+
		"locations %d, %d with a country code, %d with coordinates; nationalities %d, %d with a country code\n",
		est.entities, est.mentions[entity.Proper], est.mentions[entity.Common], est.mentions[entity.Pronoun],
		est.persons, est.withRoles, est.locations, est.locCoded, est.located, est.nationalities, est.natCoded)
	fmt.Printf("entity.Resolve+quotes.Extract: %.0f tokens/s\n", float64(nTok)/elapsed.Seconds())
}

type entityStats struct {
	entities, persons, withRoles, locations, locCoded, located, nationalities, natCoded int
	mentions                                                                            map[entity.MentionKind]int
}

type counts struct {
	kindPred, kindHit          map[string]int
	gold, pred, exact, overlap int
	partsExact                 int // exact, a quote its attribution splits scored on its parts (quotes.Parts, what the service returns)
	cueGold, cuePred, cueHit   int
	spkTotal, spkHit           int
	// the same with the greedy matching in text order (session 9's)
	gExact, gOverlap, gCueHit, gSpkTotal, gSpkHit int
}

func f1(hit, pred, gold int) (float64, float64, float64) {
	p := float64(hit) / float64(max(pred, 1))
	r := float64(hit) / float64(max(gold, 1))
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func (c *counts) print(name string) {
	fmt.Printf("== %s: gold %d, predicted %d\n", name, c.gold, c.pred)
	line := func(name string, hit, pred, gold, gHit int) {
		p, r, f := f1(hit, pred, gold)
		gp, gr, gf := f1(gHit, pred, gold)
		fmt.Printf("%-16s P %.3f R %.3f F1 %.3f (%d right)   (greedy matching: P %.3f R %.3f F1 %.3f, %d right)\n", name, p, r, f, hit, gp, gr, gf, gHit)
	}
	fmt.Println("optimal one-to-one matching (most pairs, then most shared words), greedy in text order beside it:")
	line("content exact", c.exact, c.pred, c.gold, c.gExact)
	pp, pr, pf := f1(c.partsExact, c.pred, c.gold)
	fmt.Printf("%-16s P %.3f R %.3f F1 %.3f (%d right)   (a split quote scored on its parts, quotes.Parts, as the service returns it)\n", "exact (parts)", pp, pr, pf, c.partsExact)
	line("content overlap", c.overlap, c.pred, c.gold, c.gOverlap)
	line("cue", c.cueHit, c.cuePred, c.cueGold, c.gCueHit)
	fmt.Printf("speaker accuracy %.3f (%d of %d found quotes with a gold source)   (greedy matching: %.3f, %d of %d)\n",
		float64(c.spkHit)/float64(max(c.spkTotal, 1)), c.spkHit, c.spkTotal,
		float64(c.gSpkHit)/float64(max(c.gSpkTotal, 1)), c.gSpkHit, c.gSpkTotal)
	var kinds []string
	for k := range c.kindPred {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Printf("  %-16s predicted %4d, overlap precision %.3f\n", k, c.kindPred[k], float64(c.kindHit[k])/float64(c.kindPred[k]))
	}
}

func hasQuoteMark(doc *text.Document, sp []text.Span) bool {
	for _, s := range sp {
		if strings.ContainsAny(doc.Text[s.Start:s.End], "\"“”") || strings.Contains(doc.Text[s.Start:s.End], "''") {
			return true
		}
	}
	return false
}

func inter(a, b map[int]bool) int {
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return n
}

func equal(a, b map[int]bool) bool {
	return len(a) == len(b) && inter(a, b) == len(a)
}

func overlaps(a, b text.Span) bool { return a.Start < b.End && b.Start < a.End }

type goldQ struct {
	at    polnear.Attribution
	words map[int]bool
}

type predQ struct {
	q     quotes.Quote
	words map[int]bool
}

func score(doc *text.Document, a polnear.Article, ents []entity.Entity, qs []quotes.Quote, c *counts,
	filter func(*text.Document, []text.Span) bool, verbose bool) {
	var gold []goldQ
	for _, at := range a.Attributions {
		if filter != nil && !filter(doc, at.Content) {
			continue
		}
		w := polnear.Words(doc, at.Content)
		if len(w) == 0 {
			continue
		}
		gold = append(gold, goldQ{at, w})
	}
	var pred []predQ
	for _, q := range qs {
		if filter != nil && !filter(doc, []text.Span{q.Content}) {
			continue
		}
		w := polnear.ContentWords(doc, q.Content, q.Cue, q.Speaker)
		if len(w) == 0 {
			continue
		}
		pred = append(pred, predQ{q, w})
	}
	c.gold += len(gold)
	c.pred += len(pred)
	greedy(pred, gold, c, ents)
	gw := make([]map[int]bool, len(gold))
	for i := range gold {
		gw[i] = gold[i].words
	}
	pw := make([]map[int]bool, len(pred))
	for i := range pred {
		pw[i] = pred[i].words
	}
	// content: optimal one-to-one matchings, the most equal pairs and the
	// most overlapping pairs (sharing the most words among those)
	for _, gi := range polnear.MatchExact(pw, gw) {
		if gi >= 0 {
			c.exact++
		}
	}
	for i := range pred {
		if ps := quotes.Parts(doc, pred[i].q); ps != nil {
			pw[i] = polnear.Words(doc, ps)
		}
	}
	for _, gi := range polnear.MatchExact(pw, gw) {
		if gi >= 0 {
			c.partsExact++
		}
	}
	for i := range pred {
		pw[i] = pred[i].words
	}
	usedG := make([]bool, len(gold))
	for pi, gi := range polnear.MatchOverlap(pw, gw) {
		pq := pred[pi]
		kind := pq.q.Kind.String()
		if pq.q.Cue.End == 0 {
			kind += "/uncued"
		}
		if c.kindPred == nil {
			c.kindPred, c.kindHit = map[string]int{}, map[string]int{}
		}
		c.kindPred[kind]++
		if gi < 0 {
			if verbose {
				fmt.Fprintf(os.Stderr, "FA   %s | %s | %q | %q\n", a.Name, pq.q.Kind, doc.Text[pq.q.Cue.Start:pq.q.Cue.End], clip(doc.Text[pq.q.Content.Start:pq.q.Content.End]))
			}
			continue
		}
		c.kindHit[kind]++
		if verbose {
			fmt.Fprintf(os.Stderr, "HIT  %s | %s | %q\n", a.Name, pq.q.Kind, doc.Text[pq.q.Cue.Start:pq.q.Cue.End])
		}
		usedG[gi] = true
		c.overlap++
		gq := gold[gi]
		if verbose && !equal(pq.words, gq.words) {
			gb, pb := bounds(gq.words), bounds(pq.words)
			fmt.Fprintf(os.Stderr, "BNDX %s start %+d end %+d\n", pq.q.Kind, pb[0]-gb[0], pb[1]-gb[1])
			fmt.Fprintf(os.Stderr, "BND  %s | gold %q | pred %q\n", a.Name, clip(spans(doc, gq.at.Content)), clip(doc.Text[pq.q.Content.Start:pq.q.Content.End]))
		}
		if len(gq.at.Source) > 0 {
			c.spkTotal++
			if speakerOK(pq.q, gq.at.Source, ents) {
				c.spkHit++
			} else if verbose {
				fmt.Fprintf(os.Stderr, "SPK  %s | gold %q pred %q (%s) | %q\n", a.Name, spans(doc, gq.at.Source), doc.Text[pq.q.Speaker.Start:pq.q.Speaker.End], pq.q.SpeakerName, clip(doc.Text[pq.q.Content.Start:pq.q.Content.End]))
			}
		}
	}
	if verbose {
		for gi, gq := range gold {
			if !usedG[gi] {
				why := "nocue"
				for _, pq := range pred {
					for _, s := range gq.at.Cue {
						if overlaps(s, pq.q.Cue) {
							why = "cue-found"
							if verbose {
								fmt.Fprintf(os.Stderr, "MISP %q | %q\n", spans(doc, gq.at.Content), doc.Text[pq.q.Content.Start:pq.q.Content.End])
							}
						}
					}
				}
				if why == "nocue" {
					for _, s := range gq.at.Cue {
						for _, t := range doc.Tokens {
							if t.Start >= s.Start && t.End <= s.End && strings.HasPrefix(t.POS, "VB") {
								why = "nocue-verb"
							}
						}
					}
				}
				fmt.Fprintf(os.Stderr, "MISS %s %s | %q %q | %q\n", why, a.Name, spans(doc, gq.at.Source), spans(doc, gq.at.Cue), clip(spans(doc, gq.at.Content)))
			}
		}
	}
	// cues: overlap, optimal one to one
	c.cueGold += len(gold)
	var cues []text.Span
	for _, pq := range pred {
		if pq.q.Cue.End > 0 {
			cues = append(cues, pq.q.Cue)
		}
	}
	ats := make([]polnear.Attribution, len(gold))
	for i, gq := range gold {
		ats[i] = gq.at
	}
	c.cuePred += len(cues)
	c.cueHit += polnear.CueHits(cues, ats)
}

// greedy scores with the session-9 matching, greedy in text order: each
// predicted content takes the first equal unmatched annotation (exact), the
// unmatched overlapping annotation sharing the most words (overlap; its
// speaker is scored), and the first unmatched annotation whose cue
// overlaps its cue (cue). Kept beside the optimal matching for comparison.
func greedy(pred []predQ, gold []goldQ, c *counts, ents []entity.Entity) {
	usedG := make([]bool, len(gold))
	for _, pp := range pred {
		for gi, gg := range gold {
			if !usedG[gi] && equal(pp.words, gg.words) {
				usedG[gi] = true
				c.gExact++
				break
			}
		}
	}
	usedG = make([]bool, len(gold))
	for _, pp := range pred {
		q, pw := pp.q, pp.words
		best, bestN := -1, 0
		for gi, gg := range gold {
			if usedG[gi] {
				continue
			}
			gw := gg.words
			n := inter(pw, gw)
			if 2*n >= len(gw) && 2*n >= len(pw) && n > bestN {
				best, bestN = gi, n
			}
		}
		if best < 0 {
			continue
		}
		usedG[best] = true
		c.gOverlap++
		if at := gold[best].at; len(at.Source) > 0 {
			c.gSpkTotal++
			if speakerOK(q, at.Source, ents) {
				c.gSpkHit++
			}
		}
	}
	usedC := make([]bool, len(gold))
	for _, pp := range pred {
		q := pp.q
		if q.Cue.End == 0 {
			continue
		}
		for gi, gg := range gold {
			if usedC[gi] {
				continue
			}
			hit := false
			for _, s := range gg.at.Cue {
				if overlaps(s, q.Cue) {
					hit = true
				}
			}
			if hit {
				usedC[gi] = true
				c.gCueHit++
				break
			}
		}
	}
}

// speakerOK is polnear.SpeakerOK with the mentions of the entity the
// speaker was resolved to.
func speakerOK(q quotes.Quote, src []text.Span, ents []entity.Entity) bool {
	var ms []text.Span
	if q.EntityIndex >= 0 {
		for _, m := range ents[q.EntityIndex].Mentions {
			ms = append(ms, m.Span)
		}
	}
	return polnear.SpeakerOK(q.Speaker, ms, src)
}

func spans(doc *text.Document, sp []text.Span) string {
	var parts []string
	for _, s := range sp {
		parts = append(parts, doc.Text[s.Start:s.End])
	}
	return strings.Join(parts, " … ")
}

func clip(s string) string {
	if len(s) > 140 {
		return s[:140] + "…"
	}
	return s
}

func bounds(w map[int]bool) [2]int {
	lo, hi := -1, -1
	for k := range w {
		if lo < 0 || k < lo {
			lo = k
		}
		if k > hi {
			hi = k
		}
	}
	return [2]int{lo, hi}
}
