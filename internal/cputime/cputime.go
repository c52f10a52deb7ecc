// Package cputime reads CPU time, for benchmarks and tests that report
// throughput per CPU-second: on a shared or busy machine wall-clock time
// says more about the neighbours than about the code.
package cputime

import (
	"context"
	"runtime"
	"sync/atomic"
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
// the goroutine to its thread (LockThread) around what is measured. On
// Linux it reads clock_gettime(CLOCK_THREAD_CPUTIME_ID), which counts in
// nanoseconds: getrusage(RUSAGE_THREAD) advances in scheduler ticks (4 ms
// on these machines), too coarse for one analysis of a few milliseconds.
func Thread() time.Duration {
	if d, ok := clock(clockThread); ok {
		return d
	}
	return usage(rusageThread)
}

// Process returns the CPU time used so far by the whole process, garbage
// collection included (clock_gettime(CLOCK_PROCESS_CPUTIME_ID) on Linux).
func Process() time.Duration {
	if d, ok := clock(clockProcess); ok {
		return d
	}
	return usage(syscall.RUSAGE_SELF)
}

// LockThread locks the calling goroutine to its OS thread and returns the
// function that unlocks it: defer cputime.LockThread()().
func LockThread() func() {
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}

// Run runs f on the calling goroutine, locked to its OS thread, and
// returns the CPU time that thread used in f: what a stage costs itself,
// without the neighbours' load or other goroutines' work.
func Run(f func()) time.Duration {
	defer LockThread()()
	c0 := Thread()
	f()
	return Thread() - c0
}

// CancelAfter returns a context whose Err is nil for its first n calls and
// context.Canceled from then on: a cancel that arrives at a known point of
// a loop polling Err, for tests that measure with Run the CPU a stage
// still uses after a cancel. Everything else (Done, Deadline, Value) is
// parent's; Done is not closed by the cancel.
func CancelAfter(parent context.Context, n int) context.Context {
	c := &cancelAfter{Context: parent}
	c.left.Store(int64(n))
	return c
}

type cancelAfter struct {
	context.Context
	left atomic.Int64
}

func (c *cancelAfter) Err() error {
	if c.left.Add(-1) >= 0 {
		return nil
	}
	c.left.Store(-1) // no wrap-around, however often it is asked
	return context.Canceled
}
