// Command sentences scores the tokeniser and sentence splitter of
// internal/text on the CoNLL-2003 dev documents (valid.txt).
//
// Each document's gold tokens are detokenised into running text (see
// detokenise), keeping the byte span of every gold token. The text is then
// analysed with text.Analyze and compared with the gold data:
//   - sentence boundaries: precision, recall and F1 of the predicted
//     sentence ends against the gold ones (the end of the document, always
//     a boundary, is not counted), and the share of documents whose
//     sentences are all right;
//   - tokens: precision, recall and F1 of the predicted token spans against
//     the gold token spans.
//
// CoNLL keeps no line structure, so two layouts are scored: "flat" joins all
// sentences of a document with a space; "lines" puts a line break after a
// gold sentence that does not end in . ! ? (headlines, datelines such as
// "LONDON 1996-08-30", table rows), as such lines stand on their own in a
// real article, and a space after the others.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lector-nlp/lector/internal/text"
)

func main() {
	data := flag.String("data", "../shared/data", "datasets directory")
	split := flag.String("split", "valid.txt", "CoNLL-2003 file to score")
	show := flag.Int("show", 0, "print up to this many sentence-boundary errors per layout")
	showTok := flag.Int("showtok", 0, "print up to this many token errors per layout")
	flag.Parse()
	docs, err := read(filepath.Join(*data, "conll2003", *split))
	if err != nil {
		log.Fatal(err)
	}
	nsent, ntok := 0, 0
	for _, d := range docs {
		nsent += len(d)
		for _, s := range d {
			ntok += len(s)
		}
	}
	fmt.Printf("CoNLL-2003 %s: %d documents, %d sentences, %d tokens\n", *split, len(docs), nsent, ntok)
	for _, layout := range []string{"flat", "lines"} {
		score(docs, layout, *show, *showTok)
	}
}

type counts struct{ tp, fp, fn int }

func (c counts) prf() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return 100 * p, 100 * r, 100 * f
}

func score(docs [][][]string, layout string, show, showTok int) {
	var sb, inl, tk counts
	docsOK, tokDocsOK, shown, shownTok := 0, 0, 0, 0
	var elapsed time.Duration
	for _, d := range docs {
		txt, spans, ends := detokenise(d, layout == "lines")
		t0 := time.Now()
		doc := text.Analyze(txt)
		elapsed += time.Since(t0)

		// sentence boundaries, without the end of the document
		gold := map[int]bool{}
		for _, e := range ends[:len(ends)-1] {
			gold[e] = true
		}
		pred := map[int]bool{}
		for _, s := range doc.Sentences[:max(len(doc.Sentences)-1, 0)] {
			pred[s.End] = true
		}
		ok := true
		// boundaries not at a line break: those the splitter has to find
		atBreak := func(e int) bool { return e < len(txt) && txt[e] == '\n' }
		for e := range pred {
			if !atBreak(e) {
				if gold[e] {
					inl.tp++
				} else {
					inl.fp++
				}
			}
		}
		for e := range gold {
			if !atBreak(e) && !pred[e] {
				inl.fn++
			}
		}
		for e := range pred {
			if gold[e] {
				sb.tp++
			} else {
				sb.fp++
				ok = false
				if shown < show {
					shown++
					fmt.Printf("  [%s] false boundary: %s\n", layout, context(txt, e))
				}
			}
		}
		for e := range gold {
			if !pred[e] {
				sb.fn++
				ok = false
				if shown < show {
					shown++
					fmt.Printf("  [%s] missed boundary: %s\n", layout, context(txt, e))
				}
			}
		}
		if ok {
			docsOK++
		}

		// tokens
		gs := map[text.Span]bool{}
		for _, s := range spans {
			gs[s] = true
		}
		tp := 0
		for _, t := range doc.Tokens {
			if gs[text.Span{Start: t.Start, End: t.End}] {
				tp++
			} else if shownTok < showTok {
				shownTok++
				fmt.Printf("  [%s] token %q not in CoNLL: %s\n", layout, t.Text, context(txt, t.Start))
			}
		}
		tk.tp += tp
		tk.fp += len(doc.Tokens) - tp
		tk.fn += len(spans) - tp
		if tp == len(spans) && tp == len(doc.Tokens) {
			tokDocsOK++
		}
	}
	p, r, f := sb.prf()
	fmt.Printf("\nlayout %q\n", layout)
	fmt.Printf("  sentence boundaries: P %.2f  R %.2f  F1 %.2f  (tp %d, fp %d, fn %d)\n", p, r, f, sb.tp, sb.fp, sb.fn)
	if layout == "lines" {
		p, r, f := inl.prf()
		fmt.Printf("  of which within lines (not at a line break): P %.2f  R %.2f  F1 %.2f  (tp %d, fp %d, fn %d)\n", p, r, f, inl.tp, inl.fp, inl.fn)
	}
	fmt.Printf("  documents with every sentence right: %.1f%% (%d/%d)\n", 100*float64(docsOK)/float64(len(docs)), docsOK, len(docs))
	p, r, f = tk.prf()
	fmt.Printf("  token spans vs CoNLL: P %.2f  R %.2f  F1 %.2f  (tp %d, fp %d, fn %d); documents tokenised exactly: %d/%d\n",
		p, r, f, tk.tp, tk.fp, tk.fn, tokDocsOK, len(docs))
	fmt.Printf("  Analyze time %v\n", elapsed.Round(time.Millisecond))
}

func context(s string, at int) string {
	a, b := max(at-60, 0), min(at+40, len(s))
	return strings.ReplaceAll(s[a:at]+" ‖ "+s[at:b], "\n", "⏎")
}

// detokenise joins the gold sentences of a document into text and returns
// the span of every gold token and the end offset of every gold sentence.
//
// Spacing: no space before , . ; : ! ? % ) ] } and the clitics 's n't 're
// 've 'll 'd 'm; no space after ( [ { $; straight double quotes alternate
// between opening (space before, none after) and closing (none before)
// within a sentence, a quote that starts a sentence opens and one that ends
// it closes (Reuters often opens a quote in each paragraph without closing
// it in the previous one);
// everything else is separated by one space.
func detokenise(doc [][]string, lines bool) (string, []text.Span, []int) {
	var b strings.Builder
	var spans []text.Span
	var ends []int
	quoteOpen := false
	glue := true // no space before the next token
	for si, sent := range doc {
		if si > 0 {
			prev := doc[si-1]
			if lines && !endsWithTerminal(prev) {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
			glue = true
		}
		quoteOpen = false
		for wi, w := range sent {
			attach := false
			nextGlue := false
			switch w {
			case ",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'RE", "'VE", "'LL", "'D", "'M", "'":
				attach = true
			case "(", "[", "{", "$", "US$":
				nextGlue = true
			case `"`:
				// a quote opens at the start of a sentence, closes at its
				// end, and alternates in between
				switch {
				case wi == 0:
					quoteOpen = false
				case wi == len(sent)-1:
					quoteOpen = true
				}
				if quoteOpen {
					attach = true
				} else {
					nextGlue = true
				}
				quoteOpen = !quoteOpen
			}
			if !glue && !attach {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w)
			spans = append(spans, text.Span{Start: start, End: b.Len()})
			glue = nextGlue
		}
		ends = append(ends, b.Len())
	}
	return b.String(), spans, ends
}

// endsWithTerminal reports whether a sentence ends in . ! ? or ..., maybe
// followed by closing quotes or brackets. A sentence that ends otherwise
// (headlines, datelines, table rows, also after an abbreviation) is taken
// to end its line.
func endsWithTerminal(sent []string) bool {
	for i := len(sent) - 1; i >= 0; i-- {
		switch w := sent[i]; w {
		case `"`, "'", ")", "]":
			continue
		case ".", "!", "?", "...", "..", "....":
			return true
		default:
			return false // including abbreviations: "Jim Courier (U.S.)" ends a table row
		}
	}
	return false
}

// read returns the documents of a CoNLL-2003 file as sentences of words.
func read(path string) ([][][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs [][][]string
	var doc [][]string
	var sent []string
	flushSent := func() {
		if len(sent) > 0 {
			doc = append(doc, sent)
			sent = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(doc) > 0 {
			docs = append(docs, doc)
			doc = nil
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			flushSent()
			continue
		}
		w, _, _ := strings.Cut(line, " ")
		if w == "-DOCSTART-" {
			flushDoc()
			continue
		}
		sent = append(sent, w)
	}
	flushDoc()
	return docs, sc.Err()
}
