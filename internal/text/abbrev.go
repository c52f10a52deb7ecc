package text

// Abbreviations that keep their period. Matching is exact (case matters),
// so both the usual and the lower-case spellings are listed where both
// occur. Words with inner periods (U.S., e.g., J.R.R., a.m.) and single
// capital initials (J.) are recognised by shape and need no entry.

// titles precede a name and never end a sentence.
var titles = set(
	"Mr.", "Mrs.", "Ms.", "Messrs.", "Mmes.", "Mme.", "Mlle.", "Dr.", "Drs.", "Prof.", "Profs.",
	"Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Cpt.", "Sgt.", "Cpl.", "Pvt.", "Adm.", "Cmdr.", "Cdr.",
	"Brig.", "Lieut.", "Gov.", "Govs.", "Sen.", "Sens.", "Rep.", "Reps.", "Rev.", "Revs.", "Hon.",
	"Pres.", "Supt.", "Insp.", "Det.", "Atty.", "Amb.", "Fr.", "Sra.", "Srta.", "Mt.", "Ft.",
	"Rt.", "Gens.", "Cols.", "Adj.", "Asst.", "Assoc.", "Sec.", "Secs.", "Treas.", "Comdr.", "Cmdt.",
	"Lt.-Gen.", "Maj.-Gen.", "Lt.-Col.", "Rear-Adm.", "Vice-Adm.", "Brig.-Gen.",
	"MR.", "MRS.", "MS.", "DR.", "GEN.", "GOV.", "SEN.", "REP.", "PROF.", "COL.", "LT.", "CAPT.",
	"FT.", "MT.",
)

// abbreviations keep their period but may end a sentence when a typical
// sentence opener follows (see starters).
var abbreviations = set(
	// months and days
	"Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
	"JAN.", "FEB.", "MAR.", "APR.", "JUN.", "JUL.", "AUG.", "SEP.", "SEPT.", "OCT.", "NOV.", "DEC.",
	"Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.",
	// companies and organisations
	"Inc.", "Corp.", "Co.", "Cos.", "Ltd.", "Plc.", "Bros.", "Assn.", "Assoc.", "Dept.", "Univ.",
	"Inst.", "Intl.", "Int'l.", "Natl.", "Mfg.", "Ind.", "Grp.", "Hldgs.", "Govt.", "Cie.", "Pty.",
	"INC.", "CORP.", "CO.", "LTD.", "PLC.", "BROS.",
	// U.S. states and places
	"Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Kan.",
	"Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nebr.",
	"Nev.", "Okla.", "Ore.", "Oreg.", "Pa.", "Penn.", "Tenn.", "Tex.", "Va.", "Vt.", "Wash.", "Wis.",
	"Wisc.", "Wyo.", "Ave.", "Blvd.", "Rd.", "Sq.", "Hwy.", "Pl.", "Ct.", "Ln.", "Apt.", "Bldg.",
	"Mts.", "Pk.",
	// names and suffixes; Saint or Street
	"St.", "Ste.", "ST.", "Sr.",
	"Jr.", "Snr.", "Jnr.", "Esq.", "Wm.", "Chas.", "Geo.", "Jos.", "Thos.", "Jas.", "Robt.",
	// Latin and scholarly
	"etc.", "vs.", "v.", "viz.", "cf.", "al.", "approx.", "ca.", "c.", "ibid.", "Ibid.", "Vs.", "Etc.", "Cf.", "Approx.", "est.", "Est.",
	// measures and misc
	"ft.", "lb.", "lbs.", "oz.", "pt.", "qt.", "gal.", "mi.", "yd.", "yds.", "mph.", "hr.",
	"hrs.", "min.", "mins.", "sec.", "secs.", "mo.", "mos.", "yr.", "yrs.", "wk.", "wks.", "sq.",
	"cu.", "mm.", "cm.", "km.", "kg.", "mg.", "ml.", "bn.", "mln.", "mn.", "bln.", "tr.", "pct.",
	"dept.", "div.", "ed.", "eds.", "vol.", "vols.", "Vol.", "Vols.", "ch.", "Ch.", "sec.", "Sect.",
	"fig.", "Fig.", "figs.", "Figs.", "ref.", "Ref.", "tel.", "Tel.", "ext.", "Ext.", "incl.",
	"excl.", "avg.", "Avg.", "misc.", "dist.", "Dist.", "gov.", "govt.", "esp.",
	"Rs.", "Dhs.", "Abp.", "Bp.", "Msgr.", "Cllr.", "Ald.", "Ph.", "Op.", "Nr.",
)

// numberAbbreviations keep their period only before a number ("No. 5").
var numberAbbreviations = set(
	"No.", "no.", "Nos.", "nos.", "NO.", "Art.", "art.", "Arts.", "p.", "pp.", "P.", "Pp.",
	"Para.", "para.", "Nr.", "Pts.", "pts.", "Rev.", "Ch.", "Sec.", "Vol.", "Ex.", "ex.",
	"Tab.", "Ps.", "Op.", "Cap.", "cap.", "Reg.", "Ord.",
)

// starters are words that commonly begin a sentence in news text. After an
// abbreviation (U.S., Inc., a.m.), a capitalised starter marks a sentence
// boundary; any other word keeps the sentence going ("the U.S. Senate").
var starters = set(
	"The", "A", "An", "This", "That", "These", "Those", "There", "Their", "They", "Them", "He",
	"She", "It", "Its", "It's", "His", "Her", "We", "I", "You", "Your", "Our", "My", "One",
	"But", "And", "Or", "So", "Yet", "Nor", "However", "Meanwhile", "Moreover", "Furthermore",
	"Also", "In", "On", "At", "For", "With", "Without", "From", "By", "As", "If", "When", "While",
	"After", "Before", "Since", "Although", "Though", "Because", "During", "Under", "Over",
	"Despite", "Among", "Amid", "Against", "Until", "Unless", "Once", "Following", "According",
	"Some", "Many", "Most", "All", "Both", "Each", "Every", "Several", "Few", "More", "Much",
	"Other", "Others", "Another", "Such", "No", "None", "Not", "Neither", "Either", "Only",
	"What", "Which", "Who", "Whom", "Whose", "Where", "Why", "How", "Whether", "Whatever",
	"Then", "Now", "Still", "Yesterday", "Today", "Tomorrow", "Earlier", "Later", "Last", "Next",
	"Here", "Thus", "Instead", "Indeed", "Nevertheless", "Nonetheless", "Otherwise", "Overall",
	"Separately", "Elsewhere", "Asked", "Officials", "Police", "Analysts", "Shares", "Prices",
	"Sales", "Investors", "Traders", "Experts", "Critics", "Residents", "Witnesses", "Sources",
	"Authorities", "Its", "Mr.", "Mrs.", "Ms.", "Dr.", "Let", "Do", "Does", "Did", "Is", "Are",
	"Was", "Were", "Has", "Have", "Had", "Will", "Would", "Can", "Could", "Should", "May", "Might",
	"Must", "Even", "Just", "Yes", "Please", "Perhaps", "Maybe", "Already", "Again", "Finally",
	"First", "Second", "Third", "Second,", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
	"Nine", "Ten", "About", "Around", "Almost", "Nearly", "Up", "Down", "Out", "To", "Of", "Into",
	"Through", "Between", "Within", "Like", "Unlike", "Besides", "Nobody", "Nothing", "Everyone",
	"Everything", "Someone", "Something", "Anyone", "Nor", "Thereafter", "Afterwards", "Ahead",
	"THE", "IT", "HE", "SHE", "THEY", "WE", "BUT", "IN",
)

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}
