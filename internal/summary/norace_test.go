//go:build !race

package summary

// raceSlowdown scales CPU-time limits (1 without the race detector).
const raceSlowdown = 1
