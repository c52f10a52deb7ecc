package ner_test

import (
	"testing"

	"github.com/lector-nlp/lector/internal/ner"
)

// A name with a model code after its first word is a product; a
// company's name ending in a company noun and a quarter are not.
func TestModelNames(t *testing.T) {
	checkNames(t, []nameCase{
		{"Reviewers liked the Kestrel KX-450 video jukebox, which stores 200 hours of film.", "Kestrel KX-450", ner.Product},
		{"The new Harlow V12 saloon goes on sale in June, the carmaker said.", "Harlow V12", ner.Product},
		{"Shares in Brindle X1 Technologies rose 4 percent on Monday.", "Brindle X1 Technologies", ner.Org},
		{"The list includes the Tamsin Quell SV digital camera and a new music player.", "Tamsin Quell SV", ner.Product},
	})
}
