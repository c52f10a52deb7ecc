//go:build !race

package main

// raceSlowdown scales CPU-time limits (1 without the race detector).
const raceSlowdown = 1
