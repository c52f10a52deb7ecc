// Package cputime reads CPU time, for benchmarks and tests that report
// throughput per CPU-second: on a shared or busy machine wall-clock time
// says more about the neighbours than about the code.
package cputime

import (
	"runtime"
	"syscall"
	"time"
)

// rusageThread is RUSAGE_THREAD, which package syscall does not name.
const rusageThread = 1

func usage(who int) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Thread returns the CPU time used so far by the calling OS thread. Lock
// the goroutine to its thread (LockThread) around what is measured.
func Thread() time.Duration { return usage(rusageThread) }

// Process returns the CPU time used so far by the whole process, garbage
// collection included.
func Process() time.Duration { return usage(syscall.RUSAGE_SELF) }

// LockThread locks the calling goroutine to its OS thread and returns the
// function that unlocks it: defer cputime.LockThread()().
func LockThread() func() {
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}
