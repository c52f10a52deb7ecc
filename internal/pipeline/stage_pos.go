package pipeline

import (
	"context"
	"fmt"
	"strings"

	"github.com/lector-nlp/lector/internal/pos"
)

func init() {
	register(Stage{
		Name:      "pos",
		Order:     30,
		Features:  []Feature{FeatureSyntax},
		Parts:     []Part{PartSyntax},
		Uses:      []string{"language"},
		Languages: []string{"en"},
		Model:     "pos-2026.11: averaged perceptron on CoNLL-2003, Penn Treebank tags, rule lemmatiser",
		Load: func() (RunFunc, error) {
			t, err := pos.Load()
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context, st *State) error {
				if notEnglish(st, FeatureSyntax, "part-of-speech tags and lemmas are") {
					return nil
				}
				t.Tag(st.Doc)
				st.SyncTokens()
				return nil
			}, nil
		},
	})
}

// english reports whether the English-only stages run: the article is
// English or of unknown language, the caller says it is English, or the
// language stage found that it reads as English whatever the detector
// named (scratchReadsEnglish). An empty hint says nothing: isEnglish("")
// is true, and with it every article the detector named another language
// was analysed as English.
//
// The English-only stages list "language" in Uses, so that the detection
// runs before them whatever features were requested: the rule is the same
// for every request. (Before, a request without FEATURE_LANGUAGE took the
// hint, or no hint, for the language: English text hinted "fr" lost its
// entities, French text with no hint was analysed as English.)
//
// So: a text the caller says is English is English, whatever the detector
// says; a text the caller says is in another language is believed unless
// the detector is sure it is English (confidence hintOverride or more: an
// English article sent with a wrong hint); with no hint, a text detected as
// English is English, and the heuristics of readsEnglish (a detector
// unsure, or misled by foreign names) decide the rest. (A French headline
// full of English names, hinted "fr", is detected as English at 0.6-0.8: it
// stays French.)
func english(st *State) bool {
	if englishHint(st) {
		return true
	}
	if st.Request.LanguageHint != "" {
		return st.language != nil && isEnglish(st.language.Code) && st.language.Confidence >= hintOverride
	}
	if isEnglish(st.LanguageCode()) {
		return true
	}
	b, _ := st.Scratch[scratchReadsEnglish].(bool)
	return b
}

// notEnglish reports whether an English-only stage must skip the article
// (english), and then records the notice of feature f, whose subject is
// what ("entities are"), with the reason: the caller's language_code, or
// the detected language.
func notEnglish(st *State, f Feature, what string) bool {
	if english(st) {
		return false
	}
	why := "the article's language is not English"
	if hint := st.Request.LanguageHint; hint != "" {
		why = fmt.Sprintf("the request's language_code is %q", hint)
	} else if l := st.language; l != nil && l.Code != "" {
		why = fmt.Sprintf("the article reads as %s (confidence %.2f)", l.Code, l.Confidence)
	}
	st.Notice(f, what+" available for English only; "+why)
	return true
}

// hintOverride is the least confidence of an English detection that
// overrides a caller's hint of another language.
const hintOverride = 0.95

// englishHint reports whether the caller said the article is English.
func englishHint(st *State) bool {
	hint := st.Request.LanguageHint
	return hint != "" && isEnglish(hint)
}

// isEnglish reports whether a language code names English or nothing:
// "en" or "eng" (ISO 639-2/3, which the service accepts as a hint too),
// alone or with subtags ("en-GB"), in any case ("EN" from a caller of the
// pipeline). A hint "eng" was taken for another language: a short English
// article sent with it lost its entities, categories and sentiment.
func isEnglish(lang string) bool {
	if lang == "" {
		return true
	}
	if i := strings.IndexByte(lang, '-'); i >= 0 {
		lang = lang[:i]
	}
	return strings.EqualFold(lang, "en") || strings.EqualFold(lang, "eng")
}
