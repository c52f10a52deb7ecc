package ner_test

import (
	"runtime"
	"syscall"
	"time"
)

// threadCPU returns the CPU time used by the calling OS thread, so that
// benchmarks can report throughput per CPU-second on a busy machine.
// Callers lock the goroutine to its thread.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func lockThread() func() {
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}
