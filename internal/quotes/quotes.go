// Package quotes finds who said what in a news article: direct quotes
// (straight and curly marks, quotes over several paragraphs, partial
// quotes), reported speech ("X said (that) ...", "according to X", "...,
// said X", "..., adding that ...", "X's claim that ...", "criticism of
// ...", "was reported by X") and their speakers, resolved through the
// entities of package entity to names ("he added that ..." after
// "Ashtiani said ..." belongs to Ashtiani).
//
// The extractor is rules plus small learned models, all trained by
// cmd/train/quotes on the PolNeAR train split and embedded: a cue lexicon
// (cues.tsv) plus reporting verbs listed here; a logistic cue model over
// verbs and nouns (cuemodel.tsv) that finds cues no lexicon lists
// ("reckons", "is questioning", "his pledge to") from the word's lemma,
// the words around it and its subject or owner; heuristics over
// part-of-speech tags for the speaker and the extent of the content; a
// logistic end model (endmodel.tsv) that ends reported content before what
// is not said (", while ...", "and left ...", ", the minister told ..."),
// from the words at the boundary, the cue's lemma and what follows (a verb
// phrase, a new clause, a new attribution); and a logistic filter
// (filter.tsv) that scores every candidate quote from its rule, cue,
// speaker, the shape of its content (a clause, a quotation, a bare noun
// phrase: PolNeAR marks "criticized the plan", seldom "welcomed the
// decision") and the words around its cue and its ends, drops the unlikely
// ones and keeps one of two candidates that read mostly the same words.
package quotes

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/lector-nlp/lector/internal/entity"
	"github.com/lector-nlp/lector/internal/ner"
	"github.com/lector-nlp/lector/internal/text"
)

// Kind tells how a quote is given.
type Kind int

// Quote kinds.
const (
	Direct   Kind = iota // the words inside quotation marks
	Indirect             // reported speech: "X said that ..."
	Mixed                // reported speech with a quoted part
)

func (k Kind) String() string {
	switch k {
	case Direct:
		return "DIRECT"
	case Indirect:
		return "INDIRECT"
	case Mixed:
		return "MIXED"
	}
	return "UNKNOWN"
}

// Quote is one attributed statement.
type Quote struct {
	Content     text.Span // what was said (direct quotes keep their marks)
	Cue         text.Span // the reporting words ("said", "according to"); empty when none
	Speaker     text.Span // the speaker as the text names it here ("he"); empty when unknown
	SpeakerName string    // the speaker's entity name, else the speaker text
	EntityIndex int       // index into the entities given to Extract, -1 when none
	Kind        Kind
}

// Options tune the extractor; the zero value is not useful, use
// DefaultOptions.
type Options struct {
	MinCueRatio       float64  // least share of a learned cue's occurrences that were annotated
	MinCueCount       int      // least annotations of a learned cue
	MinUncuedTokens   int      // least length of a quote with no cue to keep it
	InheritSpeaker    bool     // give quotes with no cue the speaker of the quote before
	RequireVerbCue    bool     // a cue must start with a verb when the text is tagged
	MergeContinued    bool     // join an uncued quote to the quote before it by the same speaker
	UncuedParagraphs  int      // how many paragraphs back a speaker is inherited from
	MinPartialTokens  int      // least length of an uncued quote inside a sentence
	MinCuePrecision   float64  // least share of right quotes a learned cue made on train
	Lexicon           *Lexicon // nil: the embedded lexicon
	Filter            *Filter  // nil: the embedded filter
	MinScore          float64  // least filter score of a quote kept; 0 keeps all (0.36 since session 20, when the filter learnt wrongly bounded candidates at half weight: cmd/train/quotes -part-weight)
	CueModel          *Filter  // nil: the embedded cue model
	MinCueScore       float64  // least cue-model score of a verb outside the lexicon taken as a cue; 0 takes none
	EndModel          *Filter  // nil: the embedded end model
	MinEndScore       float64  // least end-model score to end content that follows its cue early; 0 never does
	InfinitiveContent bool     // take "to ..." after a cue ("wants to ...") as its content
	CueFeature        bool     // the filter sees the cue model's score of a cue verb
	PrepContent       bool     // "spoke about X", "pointed out that": the preposition or particle joins the cue
	Fallback          bool     // a cue no rule places takes what follows it as content
	NounCues          bool     // the cue model scores nouns too ("his claim that", "criticism of")
	MinNounScore      float64  // least cue-model score of a noun taken as a cue; 0 takes none
	PossessiveEnd     bool     // "X's claim that A was disputed": the clause ends before the verb of the sentence
	RelativeSpeaker   bool     // in "X, who said ...", the speaker span is "who" (resolved to X)
	FallbackSubject   bool     // the fallback takes the noun phrase before the cue as the speaker
	Headlines         bool     // read reporting verbs in title-case headlines ("Senator Says ...")
	Passive           bool     // "X was reported by Y": Y said X
	Dedup             bool     // of two quotes with mostly the same words keep the one the filter scores higher
	NestFeature       bool     // the filter sees whether a quote lies inside another or holds one
	StartFix          bool     // content after its cue starts past an adverb, a hearer or a second reporting verb
	RichFeatures      bool     // the filter sees conjunctions of the rule with the content and the quotes around
	EndNPFeatures     bool     // the end model sees whether the content so far is a complete noun phrase
	StrictInverted    bool     // "..., said X" only when X ends the clause; "X, the head of Y, said Z" reads Z
	ClusterCues       bool     // the cue model sees the word clusters of the word (package wordclusters), for cues rare in train
	ContextFeatures   bool     // the filter sees the words around the cue and the content's ends
	EndCueFeatures    bool     // the end model sees the lemma of the cue and time adjuncts
	EndLookahead      bool     // the end model sees what follows a boundary: a verb phrase, a new clause, a new attribution
	ObjectInfinitive  bool     // "urged lawmakers to act": the content is the hearer and the infinitive, never what stands before the subject
	VecCues           bool     // the cue model sees the GloVe vector of the word's lemma (package wordvec), for cues rare or unseen in train
	VecFilter         bool     // the filter sees the GloVe vector of the lemma of the cue's head
	MinBareScore      float64  // least filter score of a bare noun phrase read after a verb cue only the cue model found ("shocked Wall Street"); 0 keeps all (0.4 / 0.5 cost PolNeAR train 0.001 overlap F1 and 0.002-0.003 cue F1: PolNeAR marks "disputed the findings")
	TellHearer        bool     // "told Reuters by telephone": a bare noun phrase after "tell" is its hearer, not what was said
	PlaceModifier     bool     // a place that modifies the speaker's noun ("U.S. senators", "China's central bank") is not the speaker's entity
	FigureContent     bool     // a bare noun phrase holding money or a percentage is a figure reported, not a statement ("reported a loss of 43 cents a share"); off: PolNeAR marks such figures (train overlap F1 0.738 -> 0.737, exact 0.547 -> 0.546; with any number 0.736, cue 0.780)
	SpeakerPrep       bool     // "church sources in Hong Kong said": the speaker is the noun before "in", "at" or "from", not the place after it
	// Session 10, from reading Reuters and BBC news; chosen on PolNeAR train (cmd/train/quotes cross-fitted over 5 filter seeds, and cmd/eval/quotes -split train with the embedded models):
	PossessiveSpeaker  bool // "Doyle's lawyer said": the owner is not the speaker's entity, a name after the owner's role noun is ("Napier's lawyer Tony Kelly"); the owner of a statement still speaks ("Ryan's language")
	NumberSubject      bool // "One analyst said", "Two officials said": a subject may start with a number ("5 percent" may not)
	TemporalPrep       bool // "said on Thursday (that) ...": the time is no content and "on" no cue; ", traders and sources said on Thursday." says the clause before the comma
	ParticipleModifier bool // a present participle between the words of a noun phrase modifies the noun after it: "Brindle managing director Ola Senn said"
	SentenceCapital    bool // with SpeakerPrep, a common noun that opens the sentence heads the speaker too ("Traders in Singapore said")
	// Session 10, from reading BBC news (rules_news.go); PolNeAR train and dev identical with them:
	SeemCue           bool // "the World Cup appears to be beyond them": a named thing (not a person, group or place) that "appears" or "seems" is no speaker (the quote stays: PolNeAR marks it the writer's)
	NestedFirstPerson bool // an unresolved "I" or "we" inside quotation marks is the speaker of those marks
	PronounSpeaker    bool // an unresolved "it" (or an inherited "they", "he", "she") takes the entity of the quote before (a statement continued over paragraphs); not an expletive "it is expected"
	ExpectedTime      bool // "which is widely expected next May": a passive cue with no speaker and a bare time is no quote
	ScheduledDiscuss  bool // "is discussing the issue next Monday": a meeting planned, no quote
	// Session 11, from the cross-fitted misses on PolNeAR train (rules_recall.go):
	FrontedAdverbial     bool // "In 2012, X pleaded guilty to ...", "Courted by many, X said that ...": a phrase fronted before the subject is no content when it opens with a preposition, a participle or "when"
	InvertedSpeech       bool // "..., said X" only with verbs of saying ("said", "added", "wrote"): not "..., praised the efforts of ...", "..., saying ..."
	PollPrep             bool // "In a CNN poll released Monday, 50 percent chose X", "X leads in the latest polls": "in" is the cue, the poll the source
	PassiveTarget        bool // "The losses were blamed on the weather", "She was criticised for ...": the subject of a passive verb of judging is its target, no speaker
	QuoteBefore          bool // "“Really,” she added when ...", "“A,” X told Reuters in an interview ...": a quote closing before the subject is the content when a subordinate clause or a hearer and an adjunct follow the cue
	ParentheticalSubject bool // "Jason Sims — a teacher from Ames — says", "Six papers in Ohio, including the Blade, said": the subject before a parenthesis set off by commas or dashes speaks
	ParticipleSubject    bool // "Clinton's aide rallied supporters, saying ...": the subject before the sentence's first verb speaks when no name or pronoun heads it
	FrontedParticiple    bool // "After thanking the crowd, he touted ...", "Having announced that ..., Judge Berman proceeded": the subject of the clause after the fronted phrase speaks
	NounSubject          bool // a noun cue with no owner is said by the subject before it: "Viguerie notes that ..." (a verb tagged as a noun), "Trump has raised questions about ..."
	PercentSubject       bool // "Twenty-four percent said", "About 4 in 10 say": a share of those polled speaks
	ReducedRelative      bool // "the discrepancies Mercury blamed on a clerk": a name or pronoun right after a noun is the subject of a relative clause with no "that"; the speaker is the name, and "blamed on", "attributed to" there make no quote
	// Session 11 review:
	HearerAdjunct     bool // "The talks have stalled, an official told reporters on Monday.": after "told" and its hearer, a phrase that ends the sentence is no content (the clause before is)
	AppositiveName    bool // ParentheticalSubject: when the parenthesis is a name ("The owner of the chain that supplies ..., Rita Moss, praised"), the name speaks, not the noun before it
	ParenNoParticiple bool // ParentheticalSubject not for a participle cue: in "Rain flooded the valley on Sunday, prompting officials to act, saying ..." "Sunday" is no speaker
	NounReceiver      bool // NounSubject reads no speaker when the verb before the noun takes the talk in: "The coach faced criticism that ...", "The bank received complaints that ...", "fielded questions about"
	PronounGender     bool // a "he" or "she" no entity links (and one PronounSpeaker gives the quote before's entity) passes over people of the other gender (entity.Entity.Gender: an honorific, a first name, a linked pronoun): "Mr Hale ... 'We will appeal,' she replied"
	SingleMarks       bool // quotations in single marks outside double ones are direct quotes: ‘We will win,’ she said (the British style), 'We will win,'
	// Session 13:
	MuteSpeaker   bool // a speaker that cannot speak (a time "last week", "of course", a figure "the 0.4%", "a jump", a market "Slovenian shares", a day or a month tagged as a name "On Tuesday, X pleaded ... and agreed to", "rose on Tuesday as the market applauded") is none; after a participle or a time the noun phrase before speaks ("A poll conducted last week found", "X, who in the past has said": "who"). PolNeAR marks polls, reports, videos, footage and "figures" as sources, so those stay
	ShapeFeatures bool // the filter sees the shape of the content (a clause, an infinitive, a quotation, a bare noun phrase) with the cue's lemma: PolNeAR marks "criticized the plan" and "backs the senator" but seldom "welcomed the decision" or "approved the plan"
	// Session 14:
	MuteMachines bool // with MuteSpeaker, a machine is no speaker either ("the oil rig said", "the tanker reported"); off: cross-fitted train overlap F1 with GiveResult 0.7120 -> 0.7119 (speaker 0.9069 -> 0.9071), dev unchanged
	GiveResult   bool // "gave the hosts a 14-3 lead", "handed them a 2-0 win": a result given, no statement (ResultObject for give and hand), unless a poll or a count gives it ("a poll gave her a 5-point lead", which PolNeAR marks)
	SeenEvent    bool // "The deal sees the firm receive $6bn", "saw its sales rise", "has seen a rise in profits": what happened, no view (seenEvent); off: it drops 32 quotes on 2,225 BBC and 18 on 2,500 Reuters C50 articles, all events by eye, but cross-fitted train overlap F1 0.7120 -> 0.7118 (with GiveResult and MuteMachines; dev 0.729 -> 0.731), as "saw" then passes MinCuePrecision (13 of 37 right) and enters the lexicon
	// Session 16:
	NestedStraight bool // a straight double mark shaped as an opening inside an open straight quote, with a closing one and the outer close after it in the paragraph, opens a quote within the quote ("We stay home because we "have chores"; we skip dinners," she said): one quote, not two around narration
	LongHearer     bool // after tell and kin a "that" clause may start up to 14 tokens past the head of the one told, over prepositional phrases and names ("told a news conference with the party's leader Milos Zeman that ..."), not 6
	AccordingRunOn bool // "According to the news agency most of the cafes were closed": the source ends where the clause's subject starts when no comma parts them (runOnSubject)
	AboutFigure    bool // "said about three million people are not registered": "about" before a figure starts the content, not a topic after the cue (aboutFigure)
	PossessiveKeep bool // a possessive's noun of speech and its "that" clause ("X's remarks that ...", "her claim that ...", possessives) is kept whatever the filter's score, as the colon and dash rules are
	AddresseeTo    bool // after a verb whose "to" names the one addressed ("wrote to the minister demanding", "complained to Ofcom", "spoke to reporters", "pointed out to X that") or where something goes ("posted to", "added to", "sentenced to"), the object of "to" is no content: a "that" clause after it is, else there is none (addresseeVerb)
	ResultObject   bool // a bare noun phrase of a figure or a result after a verb of results is no statement: "posted gains of 4 percent", "recorded a 13.8% rise", "posted an overwhelming victory" (PolNeAR marks such objects after verbs of saying, "reported a loss of $43 million", which stay; a person after "appointed" or "named" and "hoped for" + a noun phrase stay too: PolNeAR marks them, 4 of 5, 10 of 21, 6 of 10 on train)
	// Session 17:
	TrailingAdjunct  bool // "The plan is dead, officials said on Friday, as talks ended": a comma after the time after the cue reads as one right after the cue, the content runs around the cue as in "The plan is dead, officials said, as talks ended" (it had been the phrase after the comma alone)
	AdjunctClause    bool // "said after the meeting he would not back it": past an adjunct of occasion after the cue, a clause with its own subject and verb is the content (adjunctClause)
	FrontedClause    bool // "While he praised the plan, the senator voted against it": content inside a fronted subordinate clause ends at the comma before the main clause's subject and verb (frontedSubordinate)
	NPCoordVerb      bool // "praised the plan and voted for it": content that is a noun phrase so far ends before a conjunction and a finite verb, the subject's second predicate
	SubjectPronoun   bool // content after its cue that opens with a subject pronoun ("announced she and her partner are ...") is never the pronoun alone: the end model does not end it right after the pronoun
	ParticipleAdverb bool // ", even suggesting ...", "began by saying ...": an adverb after the comma or "by" before a participle cue, whose speaker is the sentence's subject as after ", saying"
	SubjectYear      bool // "A union advert in 2008 questioned ...": "in" and a year between the subject and its cue are passed over, not the subject
	CountedName      bool // "One Republican threatened ...": a number word and a name are a subject, as "One analyst" is
	InitialSaid      bool // "Said Ellis: “...”": a sentence that opens with said, says, added or asked names its speaker after the cue and what was said after a colon or comma
	NounSubjectMore  bool // with NounSubject, a verb the tagger read as a noun ("some note that", "X, the deputy, plans to") takes a quantifier that opens the sentence or a subject with an apposition as its speaker
	PrepObject       bool // a noun phrase before a cue that is a preposition's object does not speak: "Pickets walking along the quay shouted" (the pickets), "..., in effect daring them to ..." (the sentence's subject) (prepObjectSubject)
	// Session 18:
	RelativeContent  bool // "the cracks, which the engineer said were caused by the floods": a cue whose speaker follows a relative pronoun has the pronoun, the speaker, the cue and what follows as its content, as PolNeAR marks it, not the subjectless verb phrase after the cue (relativePronoun)
	NounTime         bool // a noun cue's content that is a time alone is none: "in a statement on Friday" (onlyTime)
	EventAdjunct     bool // "denounced the plan in a speech", "mocked X in a string of tweets": noun-phrase content ends before a phrase of the occasion of speech (eventAdjunct)
	FrontedSpeaker   bool // "While X said A, Y disagreed and called B": a participle or coordinated cue takes the main clause's speaker, not that of a cue in a fronted subordinate clause (frontedSubordinate)
	CoordAttribution bool // "Republicans said A and Democrats accused B": a conjunction, a short noun phrase and a finite cue end the content (a second attribution)
	DayPart          bool // "said Friday afternoon, ...": the part of the day after a cue that holds the day is time, no content (skipTime)
	AgentPrep        bool // with SpeakerPrep, the speaker's noun heads a phrase through "for" and "with" and through "close to" and "familiar with" too ("a spokesman for the company said", "officials with the agency said", "people familiar with the plan said"): the speaker starts at the noun, and "..., lawyers for the family said." reads the clause before
	// Session 18, the cue model's features (cross-fitted PolNeAR train overlap F1 0.7121 -> 0.7147, dev 0.737 -> 0.741):
	CueShape bool // the cue model sees what the word takes after it (a "that" clause, a clause with no "that", an infinitive, a quotation, a noun phrase and its head's entity type), with the lemma, the lemma with its subject, a quotation mark in the sentence, the word's place in the sentence and a negation before it; a learned verb cue before "by" and a lexicon participle ("opened by saying") gives way to the participle
	// Session 19, cues that are no verbs (rules_noun.go):
	NounVerb      bool // a reporting verb the tagger read as a noun is a verb: a lexicon cue's -s word after "he", "she", "it", "who" or a person's or organisation's name that does not modify a noun, when a clause, an object or the clause's end follows ("Ms Reed notes that ...", "..., Ms Reed notes."), or after a noun phrase that follows a comma or a quotation mark ("“...,” the harbour board writes."); a base form after "they", "we", "who" or a plural noun with a clause or an object after it ("Two thirds of the fishermen support a ban"). After a pronoun or a plural noun the cue model reads such a word as a verb (cuePos) (nounVerb)
	AccordingVB   bool // "according to federal statistics": a source whose first word the tagger read as a verb after "to" is a noun phrase all the same (accordingVB); it had made no quote
	EndFrontComma bool // content that opens with "that" and a subordinating word or a preposition ("that while X agreed, ...", "that under the law, ...") does not end at its first comma, which closes the fronted phrase (frontComma; never so on PolNeAR train, 67 contents go on)
	EndAheadAux   bool // the end model's look ahead (EndLookahead) reads a noun phrase, a finite auxiliary and a verb (", but he has been raising", ", and the council would pay") as a new clause, as it reads a noun phrase and a finite main verb (not a copula: ", the count was slow")
	// Session 20, from a read of real BBC and Reuters articles:
	TellSpeaker       bool // "..., the firm's manager in Asia, Dara Venn, told Reuters.": the noun phrase after a form of "tell" is its hearer, never an inverted speaker; the speaker is the noun phrase (and its apposition) before the comma (parentheticalSubject, and no inverted reading)
	OpeningSubject    bool // "Mr Hobb, who is on the board and was part of the review, said on Friday: ...": a sentence that opens with a noun phrase and a comma, with the cue right after the comma that closes a parenthesis about it (verbs and all), and what is said after the cue: the opening noun phrase speaks (openingSubject); it had made a quote with no speaker
	InvertedNoComma   bool // "Some kits have spare parts said Mr Orde.": a reporting verb that inverts (invertsSpeech) with a name alone after it to the sentence's end and a clause with a finite verb before it, no comma between: the name speaks the clause (invertedNoComma); it had read the noun before the cue as the speaker and the name as what was said
	HeadlineSpeech    bool // a headline with no final stop ("Ferry firms seek fuel aid": a short first line, more paragraphs after it) keeps a quote only for a core reporting verb (not a participle) before a clause or a quotation, or a colon after a name before one; "X rebounds says NAME" turns around (headlineSpeech, after the filter)
	AddedSpeaker      bool // "“...,” said producer Ola Senn. “...,” he added.": a lone "he" or "she" with the cue "added" or "adds" takes the speaker of the quote right before it (in the same or one of the two sentences before) when that is a person of a compatible gender or a spokesman, spokeswoman, official or source (addedSpeaker, after the filter); the pronoun had been linked to a name inside the quotation or named earlier
	OwnerPronoun      bool // "said his coach Peter Stanley": a possessive pronoun that opens a speaker span with a person's name in it is the owner, not the speaker's entity (ownerPronoun); it had resolved to the athlete "his" stands for ("his team" still stands for its owner, as PolNeAR marks it)
	PlaceSubject      bool // a place is no speaker: "Officials in Beijing played it down, saying ..." (a participle's subject goes back over "in"), "of Sebastopol, Calif., reported" and "in Purchase, N.Y. said" (a state after a town is no appositive name and no subject of its own: the noun phrase before the town speaks; placeName, cityState)
	ForeignName       bool // a capitalised word the tagger reads as foreign (FW) is part of a noun phrase ("said Le Figaro newspaper" had the speaker "Le")
	RelativeMention   bool // the names of a relative clause inside the speaker span do not speak ("The drama, which Ola Senn co-produced, has drawn" had resolved to Ola Senn; afterRelative)
	PlaceAdverbWho    bool // "visa staff abroad who feared ...": a place adverb between the noun and "who" (it had made a quote with no speaker, or the noun before as speaker)
	LastPeriod        bool // "said last week it would ...": "last" or "this" and a week, month, year or weekend after the cue, before "that", a pronoun, an infinitive or a quotation, is time, no content (skipTime)
	BareSubjectHearer bool // "told reporters prices would rise", "told Reuters production would fall": after a cue that takes a hearer, a noun of people or a name before a lower-case noun hears alone and the bare nouns after it are the clause's subject (bareHearer)
	SubjectTime       bool // "Private forecasters last summer projected": "last", "this" or "next" and a week, month, year, weekend or season at the end of a subject is time, no part of the speaker
	ExpletiveIt       bool // "It is believed (understood, reported) that ...": the "it" of a passive cue names no speaker
	GerundSubject     bool // "Adding extras such as more memory will increase the price": a sentence's first word, a gerund with a noun phrase and the sentence's verb after it, is the subject of that verb, no cue (gerundSubject)

	// session 21, from the misses of the cross-fitted PolNeAR train split
	PassiveAux    bool // "The merger was first reported by the Herald", "He also was praised by the unions": a passive cue the lexicon holds with its auxiliary (and an adverb) before the participle, "by" after it or as its last word, reads as "X was reported by Y" does (passiveBy); it had made no quote
	FrontedAdverb bool // "Shortly afterward, the mayor said on her blog that ...", "Tuesday on a radio show, X said ...": an adverb or a time fronted before the subject with no finite verb of its own (one in a subordinate clause "Friday, as the parade passed, X reported" is not) is no content of the cue after the subject (frontedAdverb), as frontedAdverbial's phrases are not
	AdjectiveCues bool // the cue model scores adjectives of stance after a copula as it scores nouns ("is critical of the plan", "were optimistic that ...", "was eager to ..."): a copula before, a clause, an infinitive or a preposition of the topic after (adjectiveCandidate); PolNeAR marks them, and they had no candidate token
	TitleCues     bool // a sentence in title case ("Actress Explained Why She Felt Left Out", a list of headlines inside an article) reads a capitalised lexicon cue among its first seven words, which the tagger took for a name, as headline does: the words before speak, the words after are said (titleCues); such cues had no candidate
	LongAdjunct   bool // "said on Thursday during a visit to a school in Leeds, England, that ...": "that" up to 20 tokens past the cue over an adjunct (commas and all, no verb, not a relative "that" before a finite verb) starts the content (adjunctThat); the search had stopped after 8 tokens and at the clause's end

	// session 22 (lead), from a QA read of BBC news
	PassiveMessage   bool // "Fears had been expressed that ...", "Concerns were raised that ...": the subject of a passive verb of uttering with no agent is the message, no speaker (passiveMessage)
	AccordingOpening bool // "Meanwhile, according to X, ...": a connective and a comma before an opening "according to" keep it opening (the content is after the source, not the sentence); and an opening source runs over its modifiers to the comma ("According to figures from the trade ministry, ...": the content had been "from the trade ministry, ..."; accordingSourceEnd)
	FrontedCueEnd    bool // "Highlighting the importance of the talks, the minister said ...": the content of a participle cue that opens its sentence ends before the comma after which the next quote's speaker and cue begin (frontedCueEnd, after the filter); it had run on into the minister's words
	// session 22, the bounds of content (from the near misses of the cross-fitted PolNeAR train split):
	RelativeObject  bool // with RelativeContent, a relative pronoun that is the object of what was said ("which he called “a disaster”", "which Beijing has vowed to ignore", "which he said the state should pay for") opens the content too, as PolNeAR marks it; it had started after the cue
	CueTo           bool // a cue of two words or more that ends in "to" before a verb ("vowed to", "agreed to", "is pledging to “win ...”") gives the "to" to its content, as PolNeAR marks it ("to soldier on"); it had started at the verb
	EndAheadNP      bool // the end model's look ahead (EndLookahead) reads what follows a noun phrase after a comma or a conjunction (the sentence's end: an apposition; a comma or a conjunction: a list; a relative pronoun) and a phrase after a preposition that ends the sentence or runs to a comma ("supported Sanders | in Virginia."), which it had read as "other"
	RaisingSubject  bool // "Trump seemed to appreciate the idea", "No polls appear to have been taken": the subject before "seem" or "appear" and an infinitive opens the content and speaks for no one, as PolNeAR marks it (the writer's view); the content had been the infinitive alone, said by the subject
	EndCommas       bool // the end model sees how many commas the content holds so far (none, one, more) with a comma or a conjunction at the boundary: a list goes on ("voters, lawmakers, and thinkers")
	ExpectedSubject bool // with RaisingSubject, "is expected to" too: "Trump is expected to deliver a speech" is the writer's, subject and all
	// Session 22, the cue model's features:
	CueObjEntity bool // with CueShape, the cue model sees the entity type of the object of a preposition after the word ("attacks on Mrs. Clinton", "would vote for Sanders"), alone and with the preposition, and a noun's possessive owner ("Trump's decision to", "his support for")
}

// DefaultOptions are the options tuned on the PolNeAR splits: MinCueScore,
// MinNounScore and MinEndScore on a 5-fold cross-fitted train split
// (cmd/train/quotes -grid, -min-cue-score, -min-noun-score, -min-scores),
// as are VecCues and VecFilter (-set), the rest on dev. The filter is trained on the candidates the low cue
// thresholds let through, so it learns to weigh weak cues.
var DefaultOptions = Options{
	MinCueRatio:        0.05,
	MinCueCount:        2,
	MinUncuedTokens:    5,
	InheritSpeaker:     true,
	RequireVerbCue:     true,
	MergeContinued:     true,
	UncuedParagraphs:   1,
	MinPartialTokens:   5,
	MinCuePrecision:    0.35,
	MinScore:           0.36,
	MinCueScore:        0.3,
	MinEndScore:        0.5,
	InfinitiveContent:  true,
	CueFeature:         true,
	PrepContent:        true,
	Fallback:           true,
	PossessiveEnd:      true,
	NounCues:           true,
	RelativeSpeaker:    true,
	FallbackSubject:    true,
	Headlines:          true,
	Passive:            true,
	Dedup:              true,
	NestFeature:        true,
	StartFix:           true,
	RichFeatures:       true,
	EndNPFeatures:      true,
	StrictInverted:     true,
	MinNounScore:       0.3,
	ClusterCues:        false,
	ContextFeatures:    true,
	EndCueFeatures:     true,
	EndLookahead:       true,
	ObjectInfinitive:   true,
	VecCues:            true,
	VecFilter:          true,
	TellHearer:         true,
	PlaceModifier:      true,
	SpeakerPrep:        true,
	PossessiveSpeaker:  true,
	NumberSubject:      true,
	TemporalPrep:       true,
	SentenceCapital:    true,
	ParticipleModifier: true,
	SeemCue:            true,
	NestedFirstPerson:  true,
	PronounSpeaker:     true,
	ExpectedTime:       true,
	ScheduledDiscuss:   true,
	// session 11, chosen on the cross-fitted train split (mean of filter
	// seeds 1-3, models retrained per fold): overlap F1 0.7029 -> 0.7093,
	// speaker 0.8760 -> 0.8916, with NounSubject 0.7092 / 0.9031; PollPrep
	// cost 0.0007 and stays off
	FrontedAdverbial:     true,
	InvertedSpeech:       true,
	QuoteBefore:          true,
	PassiveTarget:        true,
	ReducedRelative:      true,
	ParentheticalSubject: true,
	ParticipleSubject:    true,
	FrontedParticiple:    true,
	PercentSubject:       true,
	NounSubject:          true,
	// session 11 review (cmd/train/quotes documents the figures): the
	// cross-fitted train overlap unchanged (0.7085 -> 0.7085), speaker
	// 0.9069 -> 0.9083
	NounReceiver:      true,
	HearerAdjunct:     true,
	AppositiveName:    true,
	ParenNoParticiple: true,
	PronounGender:     true,
	SingleMarks:       true,
	// session 13 (cmd/train/quotes documents the figures): cross-fitted
	// train overlap F1, filter seeds 1 / 6, 0.7100 / 0.7096 -> 0.7107 /
	// 0.7095, speaker 0.9060 / 0.9064 -> 0.9057 / 0.9067
	ShapeFeatures: true,
	// session 13, committed models: train speaker 12067 / 13348 -> 12072 /
	// 13349 (0.9040 -> 0.9044), dev 1344 / 1458 (0.922) unchanged, overlap
	// F1 0.750 / 0.730 unchanged
	MuteSpeaker: true,
	// session 14: cross-fitted train overlap F1 0.7110 -> 0.7111, speaker
	// 0.9074 unchanged (at fa9c25e); on 4,630 Reuters C50 / BBC articles
	// 96 quotes fewer, all events ("posted a record loss", "recorded a
	// 13.8% rise"); PolNeAR train loses "recorded $2.3 billion in net
	// sales" (annotated) and "posted an overwhelming victory" (not)
	ResultObject: true,
	// session 15: cross-fitted train overlap F1 0.7120 -> 0.7120, speaker
	// 0.9069 unchanged, dev unchanged (0.729); one BBC quote fewer ("gave
	// the hosts a 14-3 lead"), none on Reuters C50
	GiveResult:       true,
	AddresseeTo:      true,
	NestedStraight:   true,
	LongHearer:       true,
	AccordingRunOn:   true,
	AboutFigure:      true,
	PossessiveKeep:   true,
	AgentPrep:        true,
	CueShape:         true,
	EndAheadAux:      true,
	EndFrontComma:    true,
	TrailingAdjunct:  true,
	AdjunctClause:    true,
	DayPart:          true,
	FrontedClause:    true,
	NPCoordVerb:      true,
	CoordAttribution: true,
	SubjectPronoun:   true,
	ParticipleAdverb: true,
	SubjectYear:      true,
	CountedName:      true,
	InitialSaid:      true,
	NounSubjectMore:  true,
	PrepObject:       true,
	FrontedSpeaker:   true,
	RelativeContent:  true,
	EventAdjunct:     true,
	NounTime:         true,
	NounVerb:         true,
	AccordingVB:      true,
	// session 20, from a QA read of real BBC and Reuters articles (see
	// the fields)
	TellSpeaker:       true,
	OpeningSubject:    true,
	InvertedNoComma:   true,
	HeadlineSpeech:    true,
	AddedSpeaker:      true,
	OwnerPronoun:      true,
	PlaceSubject:      true,
	ForeignName:       true,
	RelativeMention:   true,
	PlaceAdverbWho:    true,
	LastPeriod:        true,
	GerundSubject:     true,
	BareSubjectHearer: true,
	SubjectTime:       true,
	ExpletiveIt:       true,
	// session 21
	PassiveAux:    true,
	FrontedAdverb: true,
	LongAdjunct:   true,
	AdjectiveCues: true,
	TitleCues:     true,
	// session 22
	PassiveMessage:   true,
	AccordingOpening: true,
	FrontedCueEnd:    true,
	RelativeObject:   true,
	CueTo:            true,
	EndAheadNP:       true,
	RaisingSubject:   true,
	EndCommas:        true,
	ExpectedSubject:  true,
	// session 22: cross-fitted train overlap F1, filter seeds 1 / 11 / 2 /
	// 3, 0.7196 / 0.7195 / 0.7192 / 0.7197 -> 0.7207 / 0.7200 / 0.7203 /
	// 0.7205 (cmd/train/quotes documents the figures)
	CueObjEntity: true,
}

// Extract finds the quotes of doc and resolves their speakers to ents
// (the result of entity.Resolve on the same document). doc should be
// POS-tagged. Quotes come in text order.
func Extract(doc *text.Document, ents []entity.Entity) []Quote {
	return ExtractWith(doc, ents, DefaultOptions)
}

// ExtractWith is Extract with explicit options.
func ExtractWith(doc *text.Document, ents []entity.Entity, o Options) []Quote {
	if doc.Err() != nil {
		return nil
	}
	x := newExtractor(doc, ents, o)
	x.run()
	out := x.result()
	x.release()
	return out
}

func (x *extractor) headlines() {
	if x.o.Headlines {
		x.headline()
	}
	if x.o.TitleCues && x.tagged {
		x.titleCues()
	}
}

func (x *extractor) run() {
	for _, phase := range []func(){x.findQuoteMarks, x.findCues, x.learnedCues, x.colons, x.possessives, x.attribute, x.polls, x.headlines, x.uncued} {
		if x.cancelled(0) {
			return
		}
		phase()
	}
}

type direct struct {
	open, close int // token indices of the marks (close inclusive)
	used        bool
	q           *Quote
}

type cue struct {
	first, last int // token range
	info        cueInfo
}

// CueWords returns the lower-cased words of the cue of q ("said", "according
// to"), for statistics.
func CueWords(doc *text.Document, q Quote) string {
	return strings.ToLower(doc.Text[q.Cue.Start:q.Cue.End])
}

type extractor struct {
	doc         *text.Document
	toks        []text.Token
	ents        []entity.Entity
	o           Options
	tokSent     []int
	tokPara     []int
	inQuote     []int  // index of the direct quote holding the token, -1
	single      []byte // 'o' / 'c' for the paired single quotation marks, nil when none
	directs     []*direct
	cues        []cue
	quotes      []*Quote
	qchunk      []Quote      // where newQuote makes quotes
	dchunk      []direct     // where addDirect makes directs
	wchunk      []string     // where oneWord makes its slices
	mentions    []entMention // entity mentions in text order
	metas       []meta       // what the extractor knows of each of quotes, side by side
	tagged      bool
	entTypes    []ner.Type   // entity type per token, made on first use
	sentMarks   []int8       // per sentence, 1 when it holds a quotation mark, -1 when not, 0 not yet read (CueShape)
	stopped     bool         // the document's context was done: stop early
	possessed   []int        // the speech nouns possessives made a quote of
	nested      []string     // "inner" or "outer" per sorted quote when quotes nest, for the filter
	sentQuotes  []int        // candidate quotes per sentence, for the filter
	low         []string     // lower-cased tokens, made on first use
	cueScores   memo         // the cue model's score per token
	endStatics  memo         // the end model's static score per boundary
	endCue      int          // the head token of the cue of the content cutEnd ends, -1 when none
	endCueW     hpre         // the prefix of the end model's cue*w= features for endCue
	endCueSt    hpre         // the prefix of its cue*st= features
	endCueParts [2][3]string // the parts of endCueW and endCueSt
	commasTo    []int32      // commasTo[i]: the commas outside quotations before token i (Options.EndCommas), made on first use
	bufs        *tokBufs     // the per-token buffers, from tokBufsPool

	timeNames     []string // the days and months the text writes as surnames (namedTime), found on first use
	timeNamesDone bool
}

// tokBufs are the per-token buffers of an extractor, reused from one
// document to the next through tokBufsPool (ExtractWith returns them).
type tokBufs struct {
	tokSent, tokPara, inQuote []int
	entTypes                  []ner.Type
	sentMarks                 []int8
	low                       []string
	cue, end                  []float64

	// the growing lists of an extraction, kept for their arrays
	cues     []cue
	quotes   []*Quote
	metas    []meta
	mentions []entMention
	sortTmp  []entMention // sortMentions' buffer

	rows rowCache // word vectors by lemma, for cueRow
}

// rowCache keeps the word vectors of the lemmas last looked up, one per
// slot by a hash of the lemma: an article says "say" many times, and each
// look-up in the large vector table misses the caches.
type rowCache struct {
	key [64]string
	row [64][]int8                // nil: empty
	dot [64][len(vecKeys)]float64 // the row's dotUnit with the weights of each class
	dm  [64][len(vecKeys)]*Filter // the model whose weights dot was computed with, nil when none
}

func rowSlot(s string) int {
	return int((uint(len(s))*31 + uint(s[0])*7 + uint(s[len(s)-1])) & 63)
}

var tokBufsPool sync.Pool

// maxPooledTokens is the largest document whose buffers are pooled.
const maxPooledTokens = 50000

func getTokBufs() *tokBufs {
	if b, ok := tokBufsPool.Get().(*tokBufs); ok {
		return b
	}
	return &tokBufs{}
}

// release returns x's per-token buffers to the pool, cleared of the
// strings they hold; x must not be used afterwards.
func (x *extractor) release() {
	if len(x.toks) > maxPooledTokens {
		return
	}
	b := x.bufs
	b.tokSent, b.tokPara, b.inQuote = x.tokSent, x.tokPara, x.inQuote
	if x.entTypes != nil {
		b.entTypes = x.entTypes
		clear(b.entTypes)
	}
	if x.low != nil {
		b.low = x.low
		clear(b.low)
	}
	if x.sentMarks != nil {
		b.sentMarks = x.sentMarks
	}
	b.cue, b.end = x.cueScores.v, x.endStatics.v
	clear(b.rows.key[:]) // no words of this document kept
	clear(b.rows.row[:])
	clear(b.rows.dm[:])
	clear(x.cues) // their words and quotes, for the collector
	clear(x.quotes)
	clear(x.metas)
	b.cues, b.quotes, b.metas, b.mentions = x.cues[:0], x.quotes[:0], x.metas[:0], x.mentions[:0]
	x.bufs = nil
	tokBufsPool.Put(b)
}

// zeroed returns s resized to n zero elements, reusing its array.
func zeroed[T any](s []T, n int) []T {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}

type entMention struct {
	span entity.Mention
	ent  int
}

func newExtractor(doc *text.Document, ents []entity.Entity, o Options) *extractor {
	x := &extractor{doc: doc, toks: doc.Tokens, ents: ents, o: o, endCue: -1}
	n := len(doc.Tokens)
	x.bufs = getTokBufs()
	x.cueScores.v, x.endStatics.v = x.bufs.cue[:0], x.bufs.end[:0]
	x.tokSent = zeroed(x.bufs.tokSent, n)
	for si, s := range doc.Sentences {
		for i := s.First; i < s.Last && i < n; i++ {
			x.tokSent[i] = si
		}
	}
	x.tokPara = zeroed(x.bufs.tokPara, n)
	p := 0
	for i, t := range doc.Tokens {
		for p+1 < len(doc.Paragraphs) && t.Start >= doc.Paragraphs[p+1].Start {
			p++
		}
		x.tokPara[i] = p
		if t.POS != "" {
			x.tagged = true
		}
	}
	x.cues, x.quotes, x.metas, x.mentions = x.bufs.cues, x.bufs.quotes, x.bufs.metas, x.bufs.mentions
	x.inQuote = zeroed(x.bufs.inQuote, n)
	for i := range x.inQuote {
		x.inQuote[i] = -1
	}
	for ei, e := range ents {
		for _, m := range e.Mentions {
			x.mentions = append(x.mentions, entMention{span: m, ent: ei})
		}
	}
	x.bufs.sortTmp = sortMentions(x.mentions, x.bufs.sortTmp)
	return x
}

// sortMentions orders mentions by start, stably (mentions that start
// together keep the order of their entities).
//
// It is a merge sort of its own (ping-pong between ms and a buffer, tmp's
// array when large enough, which it returns): the same order as
// slices.SortStableFunc, whose generic code (~46 cache lines) was a good
// part of the code an extraction ran only once.
func sortMentions(ms, tmp []entMention) []entMention {
	n := len(ms)
	if n < 2 {
		return tmp
	}
	tmp = slices.Grow(tmp[:0], n)[:n]
	src, dst := ms, tmp
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid, hi := min(lo+width, n), min(lo+2*width, n)
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				// the right run's mention only when it starts first:
				// stable
				if src[j].span.Span.Start < src[i].span.Span.Start {
					dst[k] = src[j]
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	if &src[0] != &ms[0] {
		copy(ms, src)
	}
	return tmp
}

// mentionFrom returns the index of the first mention that starts at or
// after byte offset off.
func (x *extractor) mentionFrom(off int) int {
	return sort.Search(len(x.mentions), func(i int) bool { return x.mentions[i].span.Span.Start >= off })
}

// cancelled reports, every 1024th step i, whether the document's context
// is done; the extractor then stops with what it has.
func (x *extractor) cancelled(i int) bool { return x.cancelledEvery(i, 1024) }

// cancelledEvery is cancelled for loops whose steps cost more: it looks
// every n-th step.
func (x *extractor) cancelledEvery(i, n int) bool {
	if x.stopped {
		return true
	}
	if i%n != 0 {
		return false // inlined: n is a constant at every call
	}
	return x.checkErr()
}

// checkErr sets x.stopped once doc.Err is set, and returns it.
func (x *extractor) checkErr() bool {
	if x.doc.Err() != nil {
		x.stopped = true
	}
	return x.stopped
}

// qAt returns the index of the direct quote holding token i, or -1.
func (x *extractor) qAt(i int) int {
	if uint(i) < uint(len(x.inQuote)) {
		return x.inQuote[i] // one test, no bounds check: less code where inlined
	}
	return -1
}

// ltok is the lower-cased text of token i, "" out of range.
func (x *extractor) ltok(i int) string {
	if uint(i) < uint(len(x.low)) {
		return x.low[i] // small enough to be inlined
	}
	return x.ltokFirst(i)
}

// ltokFirst is ltok before the tokens are lower-cased, and out of range.
func (x *extractor) ltokFirst(i int) string {
	if i < 0 || i >= len(x.toks) {
		return ""
	}
	if x.low == nil {
		x.low = lowerInto(x.toks, x.bufs.low)
	}
	return x.low[i]
}

// lowerAll returns strings.ToLower of each token's text: a text with no
// upper-case letter as it is, the lower-cased ASCII texts cut from one
// string (one allocation instead of one each), the others lower-cased one
// by one.
func lowerAll(toks []text.Token) []string { return lowerInto(toks, nil) }

// lowerInto is lowerAll in low's array when it is large enough.
func lowerInto(toks []text.Token, low []string) []string {
	low = zeroed(low, len(toks))
	var b strings.Builder // the ASCII texts lower-cased, left "" in low
	for k := range toks {
		s := toks[k].Text
		var or byte
		var up uint32 // bit 0 set by an upper-case ASCII letter
		for i := 0; i < len(s); i++ {
			c := s[i]
			or |= c
			up |= (uint32(c-'A') - 26) >> 31 // c-'A' < 26, without a branch
		}
		switch {
		case or >= 0x80:
			low[k] = strings.ToLower(s)
		case up == 0:
			low[k] = s
		default:
			if b.Cap() == 0 {
				b.Grow(4 * len(toks))
			}
			for i := 0; i < len(s); i++ {
				c := s[i]
				if c-'A' < 26 {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
		}
	}
	if b.Len() == 0 {
		return low
	}
	// the strings cut from b stay valid when b grows: it copies to a new
	// array and never writes the old one again
	all, off := b.String(), 0
	for k := range toks {
		if n := len(toks[k].Text); low[k] == "" && n > 0 {
			low[k] = all[off : off+n]
			off += n
		}
	}
	return low
}

// tok is the text of token i, "" out of range.
func (x *extractor) tok(i int) string {
	if uint(i) < uint(len(x.toks)) {
		return x.toks[i].Text // as qAt
	}
	return ""
}

// pos is the tag of token i, "" out of range.
func (x *extractor) pos(i int) string {
	if uint(i) < uint(len(x.toks)) {
		return x.toks[i].POS // as qAt
	}
	return ""
}

func (x *extractor) span(first, last int) text.Span {
	if first >= last {
		return text.Span{}
	}
	return text.Span{Start: x.toks[first].Start, End: x.toks[last-1].End}
}

func lower(s string) string { return strings.ToLower(s) }

// markKind: 'o' opening, 'c' closing, 't' either (straight), 0 none.
func (x *extractor) markKind(i int) byte {
	if x.single != nil && uint(i) < uint(len(x.single)) && x.single[i] != 0 {
		return x.single[i]
	}
	switch x.tok(i) {
	case "“", "``", "«":
		return 'o'
	case "”", "»":
		return 'c'
	case "\"":
		return 't'
	case "''":
		return 't'
	case "'":
		// '' written as two apostrophe tokens
		if i+1 < len(x.toks) && x.tok(i+1) == "'" && x.toks[i+1].Start == x.toks[i].End {
			return 't'
		}
	}
	return 0
}

// findQuoteMarks pairs quotation marks into direct quotes. An open quote
// at the end of a paragraph goes on when the next paragraph opens with a
// mark, as news style writes a quote over several paragraphs.
func (x *extractor) findQuoteMarks() {
	open, openPara := -1, -1
	n := len(x.toks)
	for i := 0; i < n; i++ {
		if x.cancelled(i) {
			return
		}
		k := x.markKind(i)
		width := 1
		if x.tok(i) == "'" {
			width = 2
		}
		if k == 0 {
			continue
		}
		if open >= 0 && x.tokPara[i] != openPara {
			// the quote ran to the end of its paragraph
			contin := (k == 'o' || k == 't') && x.firstOfPara(i) && x.tokPara[i] == openPara+1 && x.colonSpeaker(i+width) < 0
			if contin {
				openPara = x.tokPara[i]
				i += width - 1
				continue
			}
			x.addDirect(open, x.lastTokOfPara(x.tokPara[i]-1))
			open = -1
		}
		switch {
		case open < 0 && (k == 'o' || k == 't'):
			open, openPara = i, x.tokPara[i]
		case open >= 0 && k == 't' && x.straightOpens(i):
			// a straight mark shaped as an opening after the end of a
			// sentence ("... to repair. "The town will ...": a space before
			// it, a word right after): the paragraphs of a quote run
			// together, whose second opens with a mark as a quote over
			// several paragraphs does (see above). The quote goes on.
		case open >= 0 && k == 't' && x.o.NestedStraight && x.straightNested(i):
			// "We stay home because we "have chores"; we skip
			// dinners," she said: a quote inside the quote, in the
			// same marks; both of its marks are skipped
			i = x.nextStraight(i + 1)
		case open >= 0 && (k == 'c' || k == 't'):
			x.addDirect(open, i+width-1)
			open = -1
		case open >= 0 && k == 'o':
			// a new opening inside: restart
			open, openPara = i, x.tokPara[i]
		}
		i += width - 1
	}
	if open >= 0 {
		x.addDirect(open, n-1)
	}
	x.pairSingles()
}

// straightOpens reports whether the straight double mark i is shaped as an
// opening one: white space before it, in its paragraph after the end of a
// sentence (. ! or ?, inside a bracket or not), and a letter or digit
// right after it. A closing mark with a space before it ("we won ." he
// said) ends no sentence and stays a closing one.
func (x *extractor) straightOpens(i int) bool {
	if x.tok(i) != "\"" || i < 1 || i+1 >= len(x.toks) || x.tokPara[i-1] != x.tokPara[i] {
		return false
	}
	if x.toks[i-1].End == x.toks[i].Start || x.toks[i+1].Start != x.toks[i].End {
		return false
	}
	prev := x.tok(i - 1)
	if prev == ")" || prev == "]" {
		prev = x.tok(i - 2)
	}
	if prev != "." && prev != "!" && prev != "?" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(x.tok(i + 1))
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// straightNested reports whether the straight double mark i, inside an
// open quote, opens a quote within it: shaped as an opening (white space
// before it, a letter or digit right after it, no end of a sentence or
// colon before it), with a mark shaped as a closing one later in the
// paragraph (a word right before it, no letter right after it) and one
// more straight mark after that one in the paragraph with a word right
// before it, to close the outer quote.
func (x *extractor) straightNested(i int) bool {
	if x.tok(i) != "\"" || i < 1 || i+1 >= len(x.toks) || x.tokPara[i-1] != x.tokPara[i] {
		return false
	}
	if x.toks[i-1].End == x.toks[i].Start || x.toks[i+1].Start != x.toks[i].End {
		return false
	}
	if p := x.tok(i - 1); p == "." || p == "!" || p == "?" || p == ":" {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(x.tok(i + 1)); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	j := x.nextStraight(i + 1)
	if j < 0 || x.tokPara[j] != x.tokPara[i] || x.toks[j-1].End != x.toks[j].Start || j-i > 40 {
		return false
	}
	if j+1 < len(x.toks) && x.toks[j+1].Start == x.toks[j].End {
		if r, _ := utf8.DecodeRuneInString(x.tok(j + 1)); unicode.IsLetter(r) {
			return false
		}
	}
	k := x.nextStraight(j + 1)
	return k >= 0 && x.tokPara[k] == x.tokPara[i] && x.toks[k-1].End == x.toks[k].Start
}

// nextStraight returns the first straight double mark at or after token
// i, or -1.
func (x *extractor) nextStraight(i int) int {
	for ; i < len(x.toks); i++ {
		if x.tok(i) == "\"" {
			return i
		}
	}
	return -1
}

// pairSingles makes direct quotes of the single quotation marks outside
// the double ones: ‘We will win,’ she said (the British style), and
// 'We will win,' in plain text. Inside a double quotation a single pair is
// the quote within the quote and stays text; a double quotation inside a
// single pair (‘He shouted “help”,’ she said) is part of it. A pair
// stays in its paragraph, or runs on into the next when that opens with a
// mark (a quotation over several paragraphs); its closing mark ends a
// word, and of the candidates the first that cannot be a plural
// possessive ("the players’ union") closes it, else, for curly marks, the
// first.
func (x *extractor) pairSingles() {
	x.single = nil
	t := x.doc.Text
	if !x.o.SingleMarks || !strings.Contains(t, "\u2018") && !strings.Contains(t, " '") && !strings.HasPrefix(t, "'") && !strings.Contains(t, "\n'") {
		return
	}
	n := len(x.toks)
	var pairs [][2]int // the single pairs: opening and closing mark
	var drop []int     // the double quotations inside any pair
	// the last scan that found no closing mark but plural possessives
	// (weaks) ends at scanStop; a mark of its kind before scanStop opens
	// a later paragraph of that quotation, and its own scan would read the
	// same tokens to the same end: it takes the first weak after it (a
	// curly one) or none without a new scan (else a quotation over many
	// paragraphs that never closes costs the square of its length)
	scanStop, scanCurly := -1, false
	var weaks, nested []int // the last scan's plural possessives and double quotations
	for i := 0; i+2 < n; i++ {
		if x.cancelled(i) {
			return
		}
		r := x.raw(i)
		curly := r == "\u2018"
		if !curly && r != "'" || x.inQuote[i] >= 0 || x.toks[i+1].Start != x.toks[i].End || x.tokPara[i+1] != x.tokPara[i] {
			continue
		}
		if x.raw(i+1) == "\u2018" || x.elision(i) {
			continue // ‘‘…’’, a double quotation written with singles: as before, none; 'em
		}
		if nx := t[x.toks[i+1].Start]; nx == ' ' || !curly && !isAlnum(nx) {
			continue
		}
		if x.toks[i].Start > 0 {
			// an opening mark follows a space or an opening bracket
			if c := t[x.toks[i].Start-1]; c != ' ' && c != '\n' && c != '\t' && c != '(' && c != '[' {
				continue
			}
		}
		closeAt, j := -1, i+2
		if i < scanStop && curly == scanCurly {
			if k := sort.SearchInts(weaks, i+2); curly && k < len(weaks) {
				closeAt = weaks[k]
			}
		} else {
			closeAt, j = x.scanSingle(i, curly, &weaks, &nested)
			scanStop = -1
			if closeAt < 0 {
				scanStop, scanCurly = j, curly
				if curly && len(weaks) > 0 {
					closeAt = weaks[0]
				}
			}
		}
		if closeAt < 0 || !x.hasWord(i+1, closeAt) {
			continue
		}
		pairs = append(pairs, [2]int{i, closeAt})
		// the double quotations between the marks are inside (not those
		// after a plural possessive that closes: the ‘Reds’ fans chanted
		// “...”)
		for k := sort.Search(len(nested), func(k int) bool { return x.directs[nested[k]].open > i }); k < len(nested) && x.directs[nested[k]].close < closeAt; k++ {
			drop = append(drop, nested[k])
		}
		i = closeAt
	}
	x.keepSingles(pairs, drop)
}

// scanSingle reads on from the single opening mark at i to its closing
// mark: it returns the closing mark (-1 for none but plural possessives)
// and the token where it stopped, and sets weaks to the plural possessives
// ("the players’ union") and nested to the double quotations it read over.
func (x *extractor) scanSingle(i int, curly bool, weaks, nested *[]int) (closeAt, stop int) {
	t := x.doc.Text
	n := len(x.toks)
	*weaks, *nested = (*weaks)[:0], (*nested)[:0]
	para := x.tokPara[i]
	j := i + 2
	for ; j < n; j++ {
		if x.tokPara[j] != para {
			// a quotation over several paragraphs: each opens with a
			// mark of its kind and only the last closes
			if x.tokPara[j] != para+1 || x.inQuote[j] >= 0 {
				break
			}
			if curly && x.raw(j) != "\u2018" || !curly && (x.raw(j) != "'" || j+1 >= n || x.toks[j+1].Start != x.toks[j].End || !isAlnum(t[x.toks[j+1].Start]) || x.elision(j)) {
				break
			}
			para++
			continue
		}
		if q := x.inQuote[j]; q >= 0 {
			d := x.directs[q]
			if d.open != j || x.tokPara[d.close] != para || x.markKind(d.close) == 'o' || d.close == x.lastTokOfPara(para) && x.markKind(d.close) == 0 {
				break // a double quotation that runs on: no pair
			}
			// ‘He told me “no”,’ she said: the double one is inside
			*nested = append(*nested, q)
			j = d.close
			continue
		}
		if x.markKind(j) != 0 {
			break
		}
		rj := x.raw(j)
		if (rj == "\u2018" || rj == "'" && j+1 < n && x.toks[j+1].Start == x.toks[j].End && (x.toks[j-1].End < x.toks[j].Start || x.raw(j-1) == "(" || x.raw(j-1) == "[")) && !x.elision(j) {
			break // another opening mark (as the loop of pairSingles takes them)
		}
		if rj != "\u2019" && rj != "'" || x.toks[j-1].End != x.toks[j].Start {
			continue
		}
		if j+1 < n && x.toks[j+1].Start == x.toks[j].End && isAlnum(t[x.toks[j+1].Start]) {
			continue // inside a word
		}
		if j >= i+3 && x.tok(j-1) == "n" && x.toks[j-2].End == x.toks[j-1].Start && isSingleMark(x.raw(j-2)) {
			continue // rock ’n’ roll
		}
		prev := x.tok(j - 1)
		possessive := prev != "" && (prev[len(prev)-1] == 's' || prev[len(prev)-1] == 'S') &&
			j+1 < n && x.tokPara[j+1] == x.tokPara[j] && x.tok(j+1) != "" && isAlnum(x.tok(j + 1)[0])
		if !possessive {
			return j, j
		}
		*weaks = append(*weaks, j)
	}
	return -1, j
}

// keepSingles makes direct quotes of the single pairs, in the British
// style only, and drops the double quotations inside them.
func (x *extractor) keepSingles(pairs [][2]int, drop []int) {
	n := len(x.toks)
	// singles quote in the British style, where they outnumber the double
	// quotations; in the American style they are a quote within a quote
	// or, on their own, a headline's quote or scare quotes ("Senator
	// calls plan ‘reckless’"), left as they were read before (of
	// PolNeAR, which is American, this gate lets one train article and
	// no dev article through)
	if len(pairs) == 0 || len(pairs) <= len(x.directs)-len(drop) {
		return
	}
	x.single = make([]byte, n)
	for _, q := range drop {
		x.directs[q].close = -1 // inside a single one: dropped below
	}
	for _, p := range pairs {
		x.single[p[0]], x.single[p[1]] = 'o', 'c'
		x.addDirect(p[0], p[1])
	}
	// keep the direct quotes in text order, as the double ones were found
	x.directs = slices.DeleteFunc(x.directs, func(d *direct) bool { return d.close < 0 })
	slices.SortFunc(x.directs, func(a, b *direct) int { return a.open - b.open })
	for k := range x.inQuote {
		x.inQuote[k] = -1
	}
	for di, d := range x.directs {
		for k := d.open; k <= d.close; k++ {
			x.inQuote[k] = di
		}
	}
}

// elision reports whether the single mark at i starts a word with its
// first letters left out ('em, 'cos, 'til, rock 'n' roll): an apostrophe,
// no opening mark ("'We'll give 'em hell,' he said" was read from 'em).
func (x *extractor) elision(i int) bool {
	if i+1 >= len(x.toks) || x.toks[i+1].Start != x.toks[i].End {
		return false
	}
	if i+2 < len(x.toks) && x.toks[i+2].Start == x.toks[i+1].End && isAlnum(x.doc.Text[x.toks[i+2].Start]) {
		return false
	}
	return elided[lower(x.tok(i+1))]
}

func isSingleMark(s string) bool { return s == "'" || s == "\u2018" || s == "\u2019" }

var elided = map[string]bool{"em": true, "cause": true, "cos": true, "coz": true, "til": true, "bout": true, "n": true,
	"twas": true, "tis": true}

// raw is the text of token i as written (a token's Text reads a
// typographic apostrophe as ', its bytes keep ’).
func (x *extractor) raw(i int) string { return x.doc.Text[x.toks[i].Start:x.toks[i].End] }

// hasWord reports whether tokens [a, b) hold a word of two letters or more
// ('n' of "rock 'n' roll" is none).
func (x *extractor) hasWord(a, b int) bool {
	for k := a; k < b; k++ {
		w := x.tok(k)
		if len(w) >= 2 && isAlnum(w[0]) {
			return true
		}
	}
	return false
}

// colonSpeaker returns the end of "NAME:" starting at token i (the index
// of the colon), or -1: a transcript or headline speaker.
func (x *extractor) colonSpeaker(i int) int {
	j := i
	for j < len(x.toks) && j-i < 5 && isCapital(x.tok(j)) {
		j++
	}
	if j > i && x.tok(j) == ":" && x.tokPara[j] == x.tokPara[i] {
		return j
	}
	return -1
}

func (x *extractor) firstOfPara(i int) bool {
	return i == 0 || x.tokPara[i-1] != x.tokPara[i]
}

func (x *extractor) lastTokOfPara(p int) int {
	// the last token of the paragraph p is right before the first token
	// of a later one (tokPara never decreases)
	n := sort.Search(len(x.toks), func(i int) bool { return x.tokPara[i] > p })
	if n > 0 && x.tokPara[n-1] == p {
		return n - 1
	}
	return 0
}

func (x *extractor) addDirect(open, close int) {
	if close <= open+1 {
		return
	}
	if len(x.dchunk) == cap(x.dchunk) {
		x.dchunk = make([]direct, 0, 8) // as newQuote
	}
	x.dchunk = append(x.dchunk, direct{open: open, close: close})
	d := &x.dchunk[len(x.dchunk)-1]
	for i := open; i <= close; i++ {
		x.inQuote[i] = len(x.directs)
	}
	x.directs = append(x.directs, d)
}

// findCues marks the cue words outside direct quotes.
func (x *extractor) findCues() {
	lx := x.o.Lexicon
	if lx == nil {
		lx = getLexicon()
	}
	for i := 0; i < len(x.toks); i++ {
		if x.cancelled(i) {
			return
		}
		if x.qAt(i) >= 0 {
			continue
		}
		cands, heads := lx.cuesHeads(x.ltok(i))
		next, nextKey := false, uint64(0) // secondKey of token i+1, when made
		for j := range cands {
			if heads != nil {
				// most cues of a common word end past the text or differ
				// in their second word: told from their heads, exactly
				h := heads[j]
				n := int(h >> 56)
				if i+n > len(x.toks) {
					continue
				}
				if n > 1 && n < 255 {
					if !next {
						next, nextKey = true, secondKey(x.ltok(i+1))
					}
					if h&(1<<56-1) != nextKey {
						continue
					}
				}
			}
			c := &cands[j]
			if i+len(c.words) > len(x.toks) {
				continue
			}
			// the first word is token i's (cues looked it up), outside quotes
			ok := true
			for k := 1; k < len(c.words); k++ {
				if x.ltok(i+k) != c.words[k] || x.qAt(i+k) >= 0 {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if !c.core && (c.n < x.o.MinCueCount || c.ratio < x.o.MinCueRatio || c.precision() < x.o.MinCuePrecision) {
				continue
			}
			if x.o.RequireVerbCue && x.tagged && !x.verbCue(i, *c) {
				continue
			}
			if x.o.GerundSubject && x.gerundSubject(i, len(c.words)) {
				continue
			}
			x.cues = append(x.cues, cue{first: i, last: i + len(c.words), info: *c})
			i += len(c.words) - 1
			break
		}
	}
}

// gerundSubject reports whether the cue of n words at token i is a
// gerund that begins its sentence and, with the noun phrase after it, is
// the subject of the sentence's verb ("Adding extras such as more memory
// will increase the price", "Telling the truth matters"): the first verb
// with a tense after it comes before any comma, colon or quotation mark,
// and no clause of its own follows a comma ("Saying the deal was done,
// he left": the participle's clause is fronted, its subject speaks).
func (x *extractor) gerundSubject(i, n int) bool {
	if !x.tagged || x.pos(i) != "VBG" {
		return false
	}
	s := x.sentence(i)
	if i != s.First || i+n >= s.Last {
		return false
	}
	switch x.ltok(i + n) {
	case "that", "to", "about", "of", "on", ",", ":", "-":
		return false
	}
	k := i + n
	for ; k < s.Last; k++ {
		p := x.pos(k)
		if p == "VBZ" || p == "VBD" || p == "VBP" || p == "MD" {
			break
		}
		if w := x.tok(k); w == "," || w == ":" || w == ";" || x.markKind(k) != 0 {
			return false
		}
	}
	if k == i+n || k >= s.Last {
		return false
	}
	for j := k + 1; j+1 < s.Last; j++ {
		if x.tok(j) == "," && (x.pos(j+1) == "PRP" || strings.HasPrefix(x.pos(j+1), "NNP")) {
			return false // ", he left", ", Ann Lee said"
		}
	}
	return true
}

// hyphenHalf tells whether token i is the second half of a compound
// modifier split by a space after its hyphen ("a China- appointed
// body"): no cue.
func (x *extractor) hyphenHalf(i int) bool {
	h := x.tok(i - 1)
	if i == 0 || !strings.HasSuffix(h, "-") {
		return false
	}
	if len(h) > 1 {
		return isAlnum(h[len(h)-2]) // not a dash ("--")
	}
	return i > 1 && x.toks[i-2].End == x.toks[i-1].Start && isAlnum(x.tok(i - 2)[len(x.tok(i-2))-1])
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (x *extractor) verbCue(i int, c cueInfo) bool {
	if c.words[0] == "according" {
		return true
	}
	if x.hyphenHalf(i) {
		return false
	}
	p := x.pos(i)
	if p == "VBN" && len(c.words) == 1 && strings.HasPrefix(x.pos(i+1), "NN") && i > 0 && (x.pos(i-1) == "DT" || strings.HasPrefix(x.pos(i-1), "NN") || x.pos(i-1) == "CD") {
		// "the proposed format": a participle used as an adjective
		return false
	}
	if strings.HasPrefix(p, "VB") {
		return true
	}
	if x.o.NounVerb && len(c.words) == 1 && x.nounVerb(i) {
		// "Ms Reed notes that ...": a verb the tagger read as a noun
		return true
	}
	// "has said", "also said": the lexicon's first word may be an auxiliary
	for k := 1; k < len(c.words); k++ {
		if strings.HasPrefix(x.pos(i+k), "VB") {
			return true
		}
	}
	return false
}
