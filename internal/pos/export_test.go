package pos

// SetMaxTypes sets maxTypes (how many distinct words the tables hold
// before they start over) until the returned func is called.
func SetMaxTypes(n int) (restore func()) {
	old := maxTypes
	maxTypes = n
	return func() { maxTypes = old }
}
