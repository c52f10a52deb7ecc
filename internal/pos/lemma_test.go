package pos_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/pos"
)

// TestLemmaVerbForms checks the lemma of regular and irregular verb forms,
// most of all the silent e that -ed, -ing and -es take away (welcomed,
// praised, criticised) and the consonant they double (travelled, panicked).
func TestLemmaVerbForms(t *testing.T) {
	cases := map[string][]string{ // tag: "form lemma" pairs
		"VBD": {
			// a silent e to put back
			"welcomed welcome", "praised praise", "criticised criticise", "criticized criticize", "closed close",
			"released release", "raised raise", "used use", "caused cause", "hoped hope", "promised promise",
			"surprised surprise", "advised advise", "revised revise", "realised realise", "realized realize",
			"opposed oppose", "proposed propose", "supposed suppose", "ruled rule", "voted vote", "noted note",
			"stated state", "quoted quote", "cited cite", "described describe", "declined decline",
			"announced announce", "introduced introduce", "lodged lodge", "judged judge", "argued argue",
			"continued continue", "issued issue", "included include", "concluded conclude", "ignored ignore",
			"restored restore", "prepared prepare", "compared compare", "declared declare", "required require",
			"invaded invade", "evaded evade", "persuaded persuade", "escaped escape", "guided guide",
			"changed change", "arranged arrange", "challenged challenge", "settled settle", "handled handle",
			"invited invite", "united unite", "scheduled schedule", "consumed consume", "provoked provoke",
			"intervened intervene", "centred centre", "staged stage", "priced price", "typed type",
			"created create", "completed complete", "postponed postpone", "lapsed lapse", "nursed nurse",
			// no e to put back
			"visited visit", "opened open", "happened happen", "edited edit", "limited limit", "targeted target",
			"treated treat", "defeated defeat", "heated heat", "floated float", "remained remain", "joined join",
			"gathered gather", "offered offer", "developed develop", "honored honor", "monitored monitor",
			"banged bang", "longed long", "debuted debut", "added add", "curled curl", "sailed sail", "filmed film",
			"waited wait", "exited exit", "buzzed buzz", "fixed fix", "played play", "keyed key",
			// -ee, -ie, -ye, -oe
			"agreed agree", "freed free", "died die", "tied tie", "lied lie", "dyed dye", "skied ski",
			"eyed eye", "canoed canoe", "needed need",
			// doubled consonants
			"referred refer", "controlled control", "panicked panic", "focused focus", "focussed focus",
			"travelled travel", "cancelled cancel", "labelled label", "signalled signal", "fuelled fuel",
			"quizzed quiz", "stopped stop", "admitted admit", "killed kill", "called call", "rolled roll",
			"spelled spell", "recalled recall", "installed install", "kicked kick", "passed pass",
			// irregular
			// -ced is -ce (an -ic verb takes k); a single g after a vowel is -ge
			"policed police", "voiced voice", "noticed notice", "sacrificed sacrifice", "juiced juice",
			"alleged allege", "engaged engage", "gouged gouge", "ranged range", "lunged lunge",
			"hanged hang", "banged bang", "hugged hug", "tagged tag", "arced arc", "synced sync", "cataloged catalog", "reneged renege",
			"boycotted boycott", "combated combat", "caucused caucus", "bivouacked bivouac",
			"went go", "took take", "said say", "bled bleed", "bred breed", "sped speed", "fled flee",
			"led lead", "underwent undergo", "knelt kneel",
		},
		"VBN": {"shown show", "undergone undergo", "rewritten rewrite", "slain slay", "taken take"},
		"VBG": {
			"closing close", "releasing release", "using use", "hoping hope", "dying die", "lying lie",
			"focusing focus", "travelling travel", "judging judge", "arguing argue", "continuing continue",
			"ruling rule", "seeing see", "agreeing agree", "skiing ski", "panicking panic", "criticising criticise",
			"realising realise", "praising praise", "easing ease", "changing change", "including include",
			"eating eat", "beating beat", "opening open", "visiting visit", "controlling control",
			"policing police", "voicing voice", "alleging allege", "besieging besiege", "ranging range",
			"lunging lunge", "boycotting boycott", "hanging hang",
			"making make", "running run", "dyeing dye", "singing sing", "bringing bring",
		},
		"VBZ": {
			"closes close", "releases release", "uses use", "causes cause", "promises promise",
			"focuses focus", "buses bus", "goes go", "does do", "watches watch", "fixes fix", "buzzes buzz",
			"quizzes quiz", "criticises criticise", "tries try", "says say", "vetoes veto", "echoes echo",
			"canoes canoe", "misses miss", "seizes seize", "waltzes waltz", "biases bias", "aches ache", "is be",
		},
		"NNS": {
			"prizes prize", "sizes size", "quizzes quiz", "niches niche", "boxes box", "houses house",
			// -uses: -us unless a vowel, b, f or m comes before it
			"bonuses bonus", "viruses virus", "campuses campus", "caucuses caucus", "surpluses surplus",
			"geniuses genius", "causes cause", "pauses pause", "abuses abuse", "excuses excuse", "uses use",
			"fuses fuse", "biases bias", "aliases alias", "bases base", "cases case",
			// -oes: one syllable takes e
			"volcanoes volcano", "cargoes cargo", "torpedoes torpedo", "toes toe", "foes foe", "woes woe",
			"shoes shoe", "canoes canoe", "oboes oboe",
			"hypotheses hypothesis", "diagnoses diagnosis", "movies movie", "birdies birdie", "sorties sortie",
			"physics physics", "athletics athletics", "clothes clothes", "innings innings", "gas gas",
			"us us", "ads ad",
		},
	}
	for tag, pairs := range cases {
		for _, p := range pairs {
			var form, want string
			for i := range len(p) {
				if p[i] == ' ' {
					form, want = p[:i], p[i+1:]
				}
			}
			if got := pos.Lemma(form, tag); got != want {
				t.Errorf("Lemma(%q, %s) = %q, want %q", form, tag, got, want)
			}
		}
	}
}
