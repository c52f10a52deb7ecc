//go:build race

package pipeline

// raceEnabled: the race detector is on. sync.Pool then drops a share of
// what is put back at random, so the analysers' pools refill and the
// allocation counts say nothing of the code (TestAllocGuard skips).
const raceEnabled = true
