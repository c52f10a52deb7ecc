package text

import "strings"

// HeadlineEnd returns the end (a byte offset into s) of s's first
// non-blank line when that line reads as a headline set apart from the
// body above it: it does not end in a sentence's final stop (. ! ?) and a
// blank line (nothing but white space) follows it. Otherwise it returns 0.
// Analysers that treat a headline apart (the summary never picks it, key
// phrases and time expressions read its clipped verbs) share this reading
// and add their own conditions.
func HeadlineEnd(s string) int {
	start := 0 // of the first non-blank line
	for {
		nl := strings.IndexByte(s[start:], '\n')
		if nl < 0 {
			return 0 // one line: no body
		}
		line := strings.TrimSpace(s[start : start+nl])
		if line == "" {
			start += nl + 1
			continue
		}
		if c := line[len(line)-1]; c == '.' || c == '!' || c == '?' {
			return 0
		}
		end := start + nl
		rest := s[end+1:]
		next := strings.IndexByte(rest, '\n')
		if next < 0 || strings.TrimSpace(rest[:next]) != "" {
			return 0
		}
		return end
	}
}

// FirstSentenceIsLine reports whether d's first sentence is the whole of
// the line that ends at lineEnd (from HeadlineEnd): nothing but white
// space before it in the text, nor between its end and lineEnd.
func (d *Document) FirstSentenceIsLine(lineEnd int) bool {
	if len(d.Sentences) == 0 || lineEnd <= 0 {
		return false
	}
	sn := d.Sentences[0]
	return sn.Start < sn.End && sn.End <= lineEnd && lineEnd <= len(d.Text) &&
		strings.TrimSpace(d.Text[:sn.Start]) == "" && strings.TrimSpace(d.Text[sn.End:lineEnd]) == ""
}
