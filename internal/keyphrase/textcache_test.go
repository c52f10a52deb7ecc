package keyphrase

import (
	"strconv"
	"testing"
)

// A burst of one-off texts (a table of distinct figures) fills the text
// cache; the cache starts over, so a word of a later article is cached
// again instead of being stemmed anew in every article.
func TestTextCacheStartsOver(t *testing.T) {
	for i := int64(0); i < maxCachedTexts+10; i++ {
		describeText(strconv.FormatInt(7000000+i, 10), nil)
	}
	const w = "harbourmaster"
	if a, b := describeText(w, nil), describeText(w, nil); a != b {
		t.Fatalf("%q is not cached after %d distinct figures", w, maxCachedTexts+10)
	}
}
