//go:build race

package main

// raceSlowdown scales CPU-time limits: the race detector makes code
// several times slower.
const raceSlowdown = 20
