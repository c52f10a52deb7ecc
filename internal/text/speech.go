package text

// speechVerbForms are the finite forms of the verbs of saying that the
// analysers read without a parser: the past and the third person present
// of each verb, and "say" itself ("they say"). Present forms that are
// more often plural nouns ("states", "notes", "claims", "comments") are
// left out: after a capitalised word they read as a name's noun ("Member
// states", "Treasury notes").
var speechVerbForms = []string{
	"say", "said", "says", "tell", "told", "tells", "add", "added", "adds",
	"argued", "argues", "wrote", "writes", "insisted", "insists", "explained", "explains",
	"noted", "claimed", "warned", "warns", "asked", "asks", "replied", "replies",
	"tweeted", "tweets", "acknowledged", "acknowledges", "admitted", "admits", "denied", "denies",
	"declared", "declares", "stated", "testified", "testifies", "recalled", "recalls",
	"announced", "announces", "suggested", "suggests", "urged", "urges", "vowed", "vows",
	"responded", "responds", "countered", "conceded", "concedes", "contended", "contends",
	"continued", "concluded", "agreed", "quipped", "joked", "shouted", "cried", "whispered",
	"remarked", "observed", "predicted", "commented", "stressed", "stresses", "emphasised", "emphasized",
	"reiterated", "confirmed",
}

var speechVerbs = func() map[string]struct{} { return set(speechVerbForms...) }()

// SpeechVerb reports whether w, in any case, is a finite form of a verb of
// saying ("said", "Says", "warned"): the one list of them that sentence
// splitting, the recogniser's name rules and the entity resolver share.
func SpeechVerb(w string) bool {
	var buf [16]byte // no verb of saying is longer
	_, ok := speechVerbs[string(foldASCII(buf[:], w))]
	return ok
}
