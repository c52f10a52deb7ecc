package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func textOf(t *testing.T, page string) string {
	t.Helper()
	n, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return Text(n)
}
