package nlptest

import "testing"

func TestMentions(t *testing.T) {
	doc, ms := Mentions(t, "Angela Merkel visited Paris on Monday.")
	if len(doc.Sentences) != 1 || doc.Tokens[0].POS != "NNP" {
		t.Errorf("tagging: %d sentences, first token %+v", len(doc.Sentences), doc.Tokens[0])
	}
	var got []string
	for _, m := range ms {
		got = append(got, string(m.Type)+":"+m.Text)
	}
	want := map[string]bool{"PERSON:Angela Merkel": true, "LOCATION:Paris": true}
	for _, g := range got {
		delete(want, g)
	}
	if len(want) > 0 {
		t.Errorf("mentions %q, missing %v", got, want)
	}
}
