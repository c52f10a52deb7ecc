//go:build !race

package pos_test

// raceSlowdown scales CPU-time limits (1 without the race detector).
const raceSlowdown = 1
