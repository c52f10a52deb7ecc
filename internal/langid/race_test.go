//go:build race

package langid

// raceSlowdown scales time limits: the race detector makes code several
// times slower (Load repacks 15 MB byte by byte).
const raceSlowdown = 20
