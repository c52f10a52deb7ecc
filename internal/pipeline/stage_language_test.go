package pipeline

import (
	"context"
	"strings"
	"testing"
)

// readsEnglish lets English the detector misnamed through, but no text of
// another script and no short text the detector is sure of.
func TestReadsEnglish(t *testing.T) {
	for _, c := range []struct {
		s    string
		conf float64
		want bool
	}{
		{"Hawks 102, Pacers 97", 0.5, true},
		{"Rojas beats Okonkwo", 0.9, true},
		{"Le ministre a démissionné hier soir.", 1, false},
		{"Путин встретился с министром.", 1, false},
		{"Путин встретился с министром.", 0.5, false},
		{"外交部发言人周四表示，The Daily Ledger and the Morning Gazette 的报道不准确，他在例行记者会上说。", 1, false},
		{"Ustinova and Karimova, who were seeded first and third, said the rain that fell after the draw had been the worst of their careers.", 1, true},
		{"La ministra ha dicho que el gobierno no cambiará su política económica este año.", 0.99, false},
		// long enough, no English function words, but the detector is unsure
		{"Governor Tamsin Okafor met Senator Ruud Villanueva in Porto Alegre on Friday.", 0.3, true},
		{"Governor Tamsin Okafor met Senator Ruud Villanueva in Porto Alegre on Friday.", 0.7, false},
	} {
		if got := readsEnglish(c.s, c.conf); got != c.want {
			t.Errorf("readsEnglish(%q, %v) = %v, want %v", c.s, c.conf, got, c.want)
		}
	}
}

// An article the detector names another language gets no English-only
// analysis unless it reads as English or the caller says it is English.
func TestEnglishOnlyStagesByLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	e := mustEngine(t, Config{})
	run := func(text, hint string) *Analysis {
		t.Helper()
		req := textReq(text)
		req.LanguageHint = hint
		res, err := e.Analyze(context.Background(), req, nil)
		if err != nil {
			t.Fatal(err)
		}
		return res.Analysis
	}
	german := "Die Regierung in Berlin hat am Montag beschlossen, die Steuern für kleine Betriebe im kommenden Jahr deutlich zu senken, sagte ein Sprecher des Ministeriums."
	a := run(german, "")
	if a.Language == nil || a.Language.Code != "de" {
		t.Fatalf("language %+v", a.Language)
	}
	if len(a.Categories) > 0 || a.Sentiment != nil || len(a.KeyPhrases) > 0 {
		t.Errorf("German article analysed as English: categories %v, sentiment %v, key phrases %v", a.Categories, a.Sentiment, a.KeyPhrases)
	}
	// the notice says why: the detected language here, the caller's hint below
	hasNotice := func(a *Analysis, f Feature, why string) bool {
		for _, n := range a.Notices {
			if n.Feature == f && strings.Contains(n.Reason, "English only") && strings.Contains(n.Reason, why) {
				return true
			}
		}
		return false
	}
	if !hasNotice(a, FeatureEntities, "reads as de") {
		t.Errorf("German article: notices %+v do not say it reads as de", a.Notices)
	}
	if a = run(german, "en"); len(a.Categories) == 0 {
		t.Error("the caller's English hint: no categories")
	}
	// a caller's hint of another language holds against an unsure English
	// detection (a French headline full of English names), but not against
	// a sure one (an English article sent with a wrong hint)
	french := "Super Bowl : les Green Bay Packers battent les New York Giants"
	if a = run(french, "fr"); len(a.Categories) > 0 || len(a.Entities) > 0 {
		t.Errorf("French headline hinted fr analysed as English: categories %v, entities %v", a.Categories, a.Entities)
	}
	if !hasNotice(a, FeatureEntities, `language_code is "fr"`) {
		t.Errorf("French headline hinted fr: notices %+v do not name the hint", a.Notices)
	}
	english := "The city council in Leeds voted on Tuesday to close two libraries next spring, saying the savings would pay for longer opening hours at the central branch."
	if a = run(english, "fr"); len(a.Categories) == 0 {
		t.Error("English article hinted fr: no categories")
	}
	// "eng" (ISO 639-2, which the service accepts) and a code in capitals
	// from a caller of the pipeline are English hints: a short English
	// text, which the detector is not sure of, keeps its analyses
	short := "Shares in Acme rose 5% on Friday."
	for _, hint := range []string{"en", "eng", "EN", "en-GB", "eng-US"} {
		if a = run(short, hint); len(a.Categories) == 0 || len(a.Entities) == 0 {
			t.Errorf("short English text hinted %q: categories %v, entities %v, notices %v", hint, a.Categories, a.Entities, a.Notices)
		}
	}
	for _, hint := range []string{"fr", "eo", "enm"} {
		if a = run(german, hint); len(a.Categories) > 0 {
			t.Errorf("German article hinted %q analysed as English", hint)
		}
	}
	a = run("Hawks 102, Pacers 97", "")
	if a.Language != nil && a.Language.Code != "en" && len(a.Categories) == 0 {
		t.Errorf("a short score line named %s: no categories", a.Language.Code)
	}
	for _, n := range a.Notices {
		t.Errorf("notice %+v: a notice says a feature did not run", n)
	}
}
