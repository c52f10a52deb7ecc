//go:build !race

package langid

// raceSlowdown scales time limits (1 without the race detector).
const raceSlowdown = 1
