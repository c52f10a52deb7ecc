// Package gorun runs the project's other commands one after the other, for
// the commands that train or evaluate every model at once.
package gorun

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Names parses a comma-separated list of names; empty means every name.
type Names map[string]bool

// ParseNames parses s, such as "pos,ner".
func ParseNames(s string) Names {
	n := Names{}
	for _, name := range strings.Split(s, ",") {
		if name = strings.TrimSpace(name); name != "" {
			n[name] = true
		}
	}
	return n
}

// Has reports whether name is chosen.
func (n Names) Has(name string) bool { return len(n) == 0 || n[name] }

// Run runs `go run ./cmd/VERB/NAME ARGS...` with the output on ours and
// prints a header and the time it took.
func Run(verb, name string, args ...string) error {
	all := append([]string{"run", "./cmd/" + verb + "/" + name}, args...)
	fmt.Printf("\n==== %s %s: go %s\n", verb, name, strings.Join(all, " "))
	start := time.Now()
	cmd := exec.Command("go", all...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", verb, name, err)
	}
	fmt.Printf("==== %s %s: done in %s\n", verb, name, time.Since(start).Round(time.Second))
	return nil
}
