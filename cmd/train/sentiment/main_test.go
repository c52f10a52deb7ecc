package main

import (
	"testing"

	"github.com/lector-nlp/lector/internal/sentiment"
)

// TestCheckConfig checks that joined networks with gates (which Train
// cannot merge: it panicked) are refused up front, and the defaults and
// joined networks without gates are not.
func TestCheckConfig(t *testing.T) {
	cfg := sentiment.DefaultConfig()
	if err := checkConfig(cfg); err != nil {
		t.Errorf("defaults refused: %v", err)
	}
	cfg.Dense.Nets = 2
	if checkConfig(cfg) == nil {
		t.Error("-densenets 2 with gates accepted")
	}
	cfg.Dense.Gate = false
	if err := checkConfig(cfg); err != nil {
		t.Errorf("-densenets 2 -gate=false refused: %v", err)
	}
}
