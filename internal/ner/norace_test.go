//go:build !race

package ner_test

// raceSlowdown scales CPU-time limits (1 without the race detector).
const raceSlowdown = 1
