package keyphrase

import (
	"strings"
	"testing"

	"github.com/lector-nlp/lector/internal/nlptest"
)

// TestPlaceBased: a capitalised place's "-based" before a name and the
// place's name before it stay out of the phrases ("St. Louis-based
// Dorsey" is Dorsey, with the text's other mentions of it); "web-based"
// stays in.
func TestPlaceBased(t *testing.T) {
	art := "Dorsey to buy Quillan\n\nSt. Louis-based Dorsey agreed on Monday to buy a rival lender for $90 million. " +
		"Dorsey said the purchase would add to its earnings next year, and Dorsey shares rose 3 percent. " +
		"A London-based fund also bid. The lender runs a web-based banking service for farmers."
	doc := nlptest.Tagged(t, art)
	var texts []string
	dorsey, webBased := 0, false
	for _, p := range Extract(doc, 20) {
		texts = append(texts, p.Text)
		if strings.Contains(p.Text, "Louis") || strings.HasPrefix(p.Text, "St.") {
			t.Errorf("phrase %q holds a place's -based", p.Text)
		}
		if p.Text == "Dorsey" {
			dorsey = len(p.Mentions)
		}
		webBased = webBased || strings.Contains(p.Text, "web-based")
	}
	if dorsey < 3 || !webBased {
		t.Errorf("phrases %q: Dorsey with %d mentions (want 3 or more), web-based phrase %v (want true)", texts, dorsey, webBased)
	}
}
