package text

// IsDoubleQuote reports whether w is a double quotation mark token:
// straight, curly, or the treebank's two backquotes or two apostrophes.
func IsDoubleQuote(w string) bool {
	switch w {
	case `"`, "\u201c", "\u201d", "``", "''":
		return true
	}
	return false
}
