package text

import "testing"

func TestHeadlineEnd(t *testing.T) {
	for _, c := range []struct {
		s    string
		want string // the headline line, "" for none
	}{
		{"Council approves flood defences\n\nThe council approved it.", "Council approves flood defences"},
		{"\n  \nCouncil approves flood defences  \n \nThe council approved it.", "Council approves flood defences  "},
		{"Council approves flood defences.\n\nThe council approved it.", ""},
		{"Is the council right?\n\nThe council approved it.", ""},
		{"Council approves flood defences\nThe council approved it.", ""}, // no blank line
		{"Council approves flood defences\n\n", "Council approves flood defences"},
		{"Council approves flood defences", ""},
		{"", ""},
		{"\n\n", ""},
	} {
		end := HeadlineEnd(c.s)
		got := ""
		if end > 0 {
			got = c.s[:end]
			for len(got) > 0 && (got[0] == '\n' || got[0] == ' ') {
				got = got[1:]
			}
		}
		if got != c.want {
			t.Errorf("HeadlineEnd(%q) = %d (%q), want %q", c.s, end, got, c.want)
		}
	}
}

func TestFirstSentenceIsLine(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Council approves flood defences\n\nThe council approved it.", true},
		{"  Council approves flood defences \n\nThe council approved it.", true},
		{"Floods hit. Council acts\n\nThe council approved it.", false}, // two sentences on the line
		{"The council approved it. It rained.", false},
	} {
		d := Analyze(c.s)
		if got := d.FirstSentenceIsLine(HeadlineEnd(c.s)); got != c.want {
			t.Errorf("%q: FirstSentenceIsLine = %v, want %v", c.s, got, c.want)
		}
	}
}
