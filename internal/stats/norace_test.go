//go:build !race

package stats

// raceSlowdown scales CPU-time limits (1 without the race detector).
const raceSlowdown = 1
