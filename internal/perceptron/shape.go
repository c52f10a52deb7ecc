package perceptron

// CasedClass classes a word by its letter case, a feature of both the
// tagger and the recogniser: 1 title case, 2 all capitals, 3 lower case,
// 4 other (no letters, mixed, empty).
func CasedClass(s string) uint8 {
	up, low := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			up++
		} else if c >= 'a' && c <= 'z' {
			low++
		}
	}
	switch {
	case up > 0 && low == 0:
		return 2
	case s != "" && s[0] >= 'A' && s[0] <= 'Z':
		return 1
	case low > 0 && up == 0:
		return 3
	}
	return 4
}
