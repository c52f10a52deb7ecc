package entity_test

import "testing"

// "the Conservatives and Labour Party" names two parties: the words
// before "and" are a party's own name, not the first words of one body.
func TestAndBetweenTwoParties(t *testing.T) {
	for _, tc := range []struct{ text, joined, right string }{
		{"Talks between the Conservatives and Labour Party ended without a deal.", "Conservatives and Labour Party", "Labour Party"},
		{"Talks between the Tories and Labour Party broke down on Friday.", "Tories and Labour Party", "Labour Party"},
		{"Both the Democrats and Reform Party claimed victory in the county.", "Democrats and Reform Party", "Reform Party"},
	} {
		_, es := run(t, tc.text)
		if named(es, tc.joined) != nil || named(es, tc.right) == nil {
			t.Errorf("%q: one body %q, want %q apart", tc.text, tc.joined, tc.right)
		}
	}
}
