package npmpkg

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestFetch fetches a small pinned package from the npm registry; it needs
// the network, so it runs only with LECTOR_NETWORK_TESTS=1.
func TestFetch(t *testing.T) {
	if os.Getenv("LECTOR_NETWORK_TESTS") != "1" {
		t.Skip("set LECTOR_NETWORK_TESTS=1 to fetch from npm")
	}
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("no npm")
	}
	const spec = "vader-sentiment@1.1.3"
	dir, cleanup, err := Fetch(spec, "de3c50aee6ffe2bc7929f50a69b0a3905d7b63f6fb103c2397517aff799851d2")
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(filepath.Join(dir, "vader_lexicon.txt")); err != nil || fi.Size() < 100000 {
		t.Errorf("lexicon: %v", err)
	}
	cleanup()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("cleanup left %s", dir)
	}
	// A wrong hash is refused, and nothing is left behind.
	before, _ := filepath.Glob(filepath.Join(os.TempDir(), "npmpkg*"))
	if _, _, err := Fetch(spec, "00"); err == nil {
		t.Fatal("a wrong sha256 accepted")
	}
	if after, _ := filepath.Glob(filepath.Join(os.TempDir(), "npmpkg*")); len(after) != len(before) {
		t.Errorf("a refused fetch left %v", after)
	}
}
