package ner

import (
	"github.com/lector-nlp/lector/internal/text"
)

// religionNames are faiths and their branches, which the model reads as
// places or organisations ("a narrow view of Islam" gave LOCATION Islam,
// "Hinduism and Sikhism" a place and a company): they are MISC, like the
// demonyms "Muslim" and "Hindu".
var religionNames = set("islam", "christianity", "judaism", "hinduism", "buddhism", "sikhism", "jainism", "taoism",
	"daoism", "confucianism", "shinto", "shintoism", "zoroastrianism", "catholicism", "protestantism", "anglicanism",
	"methodism", "mormonism", "lutheranism", "calvinism", "rastafarianism", "wahhabism", "salafism", "sufism",
	"shiism", "bahaism", "paganism", "hasidism", "presbyterianism", "evangelicalism", "pentecostalism")

// religions types as MISC a mention that is a faith's name, alone or
// after one qualifying word ("Islam", "Sunni Islam", "Tibetan
// Buddhism"); a body named after one keeps its type ("the Nation of
// Islam"), and so does a person's name ("Mohammed Islam", "Mr Islam")
// and the surname alone in a text that names them.
func religions(doc *text.Document, out []Mention) []Mention {
	toks := doc.Tokens
	var surnames map[string]bool
	for i := range out {
		m := &out[i]
		if m.Type == Misc || m.Last-m.First > 2 || !in(religionNames, toks[m.Last-1].Text) ||
			!isTitleCase(toks[m.Last-1].Text) {
			continue
		}
		switch m.Type {
		case Location, Org, Person, Nationality:
		default:
			continue
		}
		if m.Last-m.First == 2 && (m.Type == Person || !isTitleCase(toks[m.First].Text) ||
			IsFirstName(toks[m.First].Text) || nameTitle(toks[m.First].Text)) {
			continue
		}
		if surnames == nil {
			surnames = map[string]bool{}
			for _, o := range out {
				if o.Type == Person && (o.Last-o.First > 1 || o.First > 0 && nameTitle(toks[o.First-1].Text)) {
					if w := toks[o.Last-1].Text; in(religionNames, w) {
						surnames[lower(w)] = true
					}
				}
			}
		}
		if m.Last-m.First == 1 && surnames[lower(toks[m.First].Text)] {
			continue
		}
		m.Type = Misc
	}
	return out
}
