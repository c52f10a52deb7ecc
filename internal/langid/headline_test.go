package langid

import "testing"

// A short English headline that opens with a rare word or a name is not
// named another language with high confidence, and a headline before an
// English body is judged with the body.
func TestHeadlines(t *testing.T) {
	d := mustLoad(t)
	for _, s := range []string{
		"Typhoon kills 12",
		"Kabila forces seize town",
		"Sharapova wins in Rome",
		"Hurricane batters Tonga coast",
	} {
		if code, conf := d.Detect(s); code != "en" && conf >= 0.9 {
			t.Errorf("%q: %s %.2f", s, code, conf)
		}
	}
	for _, s := range []string{
		"Sharapova wins in Rome\n\nThe Russian beat her rival in straight sets on Sunday afternoon to take the title.",
		"Typhoon kills 12\n\nA storm killed twelve people along the coast on Monday, officials said.",
		"Makoni to run for president\n\nThe former minister will stand against the incumbent in the March election.",
	} {
		if code, conf := d.Detect(s); code != "en" {
			t.Errorf("%q: %s %.2f", s, code, conf)
		}
	}
	// the first line of a text that is no headline stays in the score
	if code, _ := d.Detect("Die Stadtverwaltung hat am Dienstag beschlossen.\nThe council met."); code != "de" {
		t.Errorf("German first line: %s", code)
	}
}

func TestBodyStart(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"Typhoon kills 12", 0},
		{"Typhoon kills 12\n\nA storm killed twelve people along the coast on Monday, officials said.", 17},
		{"Typhoon kills 12\nshort body", 0},
		{"Typhoon kills 12\nA storm killed people on the coast.", 0},
	} {
		if got := bodyStart(tc.s); got != tc.want {
			t.Errorf("bodyStart(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

// A text of one word is scored the same capitalised or not: the first-word
// clip has no other word to weigh it against and would only flatten the
// posterior.
func TestOneCapitalisedWord(t *testing.T) {
	d := mustLoad(t)
	for _, p := range [][2]string{{"Gracias", "gracias"}, {"Bonjour", "bonjour"}, {"Wetter", "wetter"}, {"Ayuntamiento", "ayuntamiento"}} {
		c1, p1 := d.Detect(p[0])
		c2, p2 := d.Detect(p[1])
		if c1 != c2 || p1 != p2 {
			t.Errorf("%q: %s %.3f, %q: %s %.3f", p[0], c1, p1, p[1], c2, p2)
		}
	}
	if code, conf := d.Detect("Gracias"); code != "es" || conf < 0.6 {
		t.Errorf("Gracias: %s %.2f", code, conf)
	}
}

// A short headline in another language whose first word and the rest
// favour the same language keeps its confidence (the first word's clip is
// undone, Calibration.FirstAgree): the pipeline reads a short text named
// another language below 0.95 as English.
func TestForeignHeadlines(t *testing.T) {
	d := mustLoad(t)
	for _, tc := range []struct{ s, code string }{
		{"Hochwasser in Bayern", "de"},
		{"Überschwemmungen im Süden", "de"},
		{"Chômage en hausse", "fr"},
		{"Inflación sube en marzo", "es"},
	} {
		if code, conf := d.Detect(tc.s); code != tc.code || conf < 0.95 {
			t.Errorf("%q: %s %.2f, want %s at 0.95 or more", tc.s, code, conf, tc.code)
		}
	}
	// the first word an outlier: still clipped
	if code, conf := d.Detect("Typhoon kills 12"); code != "en" && conf >= 0.9 {
		t.Errorf("Typhoon kills 12: %s %.2f", code, conf)
	}
}
