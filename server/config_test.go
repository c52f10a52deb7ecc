package main

import (
	"testing"
	"time"
)

func TestStageBatchFlag(t *testing.T) {
	none := func(string) (string, bool) { return "", false }
	if cfg, err := ParseFlags(nil, none); err != nil || cfg.StageBatch != 0 {
		t.Fatalf("default: StageBatch %d, err %v; want 0 (the engine's default)", cfg.StageBatch, err)
	}
	if cfg, err := ParseFlags([]string{"--stage-batch", "1"}, none); err != nil || cfg.StageBatch != 1 {
		t.Errorf("--stage-batch 1: StageBatch %d, err %v", cfg.StageBatch, err)
	}
	env := func(k string) (string, bool) { return "3", k == "LECTOR_STAGE_BATCH" }
	if cfg, err := ParseFlags(nil, env); err != nil || cfg.StageBatch != 3 {
		t.Errorf("LECTOR_STAGE_BATCH=3: StageBatch %d, err %v", cfg.StageBatch, err)
	}
	if _, err := ParseFlags([]string{"--stage-batch", "-1"}, none); err == nil {
		t.Error("--stage-batch -1 accepted")
	}
}

func TestGCFlags(t *testing.T) {
	none := func(string) (string, bool) { return "", false }
	cfg, err := ParseFlags(nil, none)
	if err != nil || cfg.GCPercent != DefaultGCPercent || cfg.MemoryLimitMB != DefaultMemoryLimitMB {
		t.Fatalf("default: GCPercent %d, MemoryLimitMB %d, err %v", cfg.GCPercent, cfg.MemoryLimitMB, err)
	}
	if cfg, err := ParseFlags([]string{"--gc-percent", "0", "--memory-limit", "400"}, none); err != nil || cfg.GCPercent != 0 || cfg.MemoryLimitMB != 400 {
		t.Errorf("--gc-percent 0 --memory-limit 400: %d, %d, %v", cfg.GCPercent, cfg.MemoryLimitMB, err)
	}
	env := func(k string) (string, bool) { return "150", k == "LECTOR_GC_PERCENT" }
	if cfg, err := ParseFlags(nil, env); err != nil || cfg.GCPercent != 150 {
		t.Errorf("LECTOR_GC_PERCENT=150: %d, %v", cfg.GCPercent, err)
	}
	if _, err := ParseFlags([]string{"--memory-limit", "-1"}, none); err == nil {
		t.Error("--memory-limit -1 accepted")
	}
}

func TestGRPCReadTimeoutFlag(t *testing.T) {
	none := func(string) (string, bool) { return "", false }
	if cfg, err := ParseFlags(nil, none); err != nil || cfg.GRPCReadTimeout != time.Minute {
		t.Fatalf("default: GRPCReadTimeout %v, err %v; want 1m", cfg.GRPCReadTimeout, err)
	}
	env := func(k string) (string, bool) { return "5s", k == "LECTOR_GRPC_READ_TIMEOUT" }
	if cfg, err := ParseFlags(nil, env); err != nil || cfg.GRPCReadTimeout != 5*time.Second {
		t.Errorf("LECTOR_GRPC_READ_TIMEOUT=5s: %v, %v", cfg.GRPCReadTimeout, err)
	}
	if cfg, err := ParseFlags([]string{"--grpc-read-timeout", "0"}, env); err != nil || cfg.GRPCReadTimeout != 0 {
		t.Errorf("--grpc-read-timeout 0: %v, %v", cfg.GRPCReadTimeout, err)
	}
	if _, err := ParseFlags([]string{"--grpc-read-timeout", "-1s"}, none); err == nil {
		t.Error("--grpc-read-timeout -1s accepted")
	}
	// a negative idle timeout was taken as gRPC's MaxConnectionIdle, which
	// grpc-go reads as "already idle too long": a connection got GOAWAY as
	// soon as it had no call (clients reconnected for every call)
	if _, err := ParseFlags([]string{"--stream-idle-timeout", "-1s"}, none); err == nil {
		t.Error("--stream-idle-timeout -1s accepted")
	}
}

func TestMaxConnsFlag(t *testing.T) {
	none := func(string) (string, bool) { return "", false }
	if cfg, err := ParseFlags(nil, none); err != nil || cfg.MaxConns != DefaultMaxConns {
		t.Fatalf("default: MaxConns %d, err %v; want %d", cfg.MaxConns, err, DefaultMaxConns)
	}
	env := func(k string) (string, bool) { return "0", k == "LECTOR_MAX_CONNS" }
	if cfg, err := ParseFlags(nil, env); err != nil || cfg.MaxConns != 0 {
		t.Errorf("LECTOR_MAX_CONNS=0: MaxConns %d, err %v", cfg.MaxConns, err)
	}
	if _, err := ParseFlags([]string{"--max-conns", "-1"}, none); err == nil {
		t.Error("--max-conns -1 accepted")
	}
}

func TestMaxQueueLargeFlag(t *testing.T) {
	none := func(string) (string, bool) { return "", false }
	if cfg, err := ParseFlags(nil, none); err != nil || cfg.MaxQueueLarge != 0 {
		t.Fatalf("default: MaxQueueLarge %d, err %v; want 0 (the engine's default)", cfg.MaxQueueLarge, err)
	}
	env := func(k string) (string, bool) { return "2097152", k == "LECTOR_MAX_QUEUE_LARGE_BYTES" }
	if cfg, err := ParseFlags(nil, env); err != nil || cfg.MaxQueueLarge != 2<<20 {
		t.Errorf("LECTOR_MAX_QUEUE_LARGE_BYTES=2097152: %d, %v", cfg.MaxQueueLarge, err)
	}
	if cfg, err := ParseFlags([]string{"--max-queue-large-bytes", "-1"}, none); err != nil || cfg.MaxQueueLarge != -1 {
		t.Errorf("--max-queue-large-bytes -1: %d, %v", cfg.MaxQueueLarge, err)
	}
	if _, err := ParseFlags([]string{"--max-queue-large-bytes", "-2"}, none); err == nil {
		t.Error("--max-queue-large-bytes -2 accepted")
	}
}

// --shutdown-timeout must be positive (0 had cut every call at once, with
// no answer), and the calls still running are stopped a quarter of it
// before it ends, at most 3 s.
func TestShutdownTimeoutFlag(t *testing.T) {
	none := func(string) (string, bool) { return "", false }
	if cfg, err := ParseFlags(nil, none); err != nil || cfg.ShutdownTimeout != 15*time.Second {
		t.Fatalf("default: %v, %v; want 15s", cfg.ShutdownTimeout, err)
	}
	for _, v := range []string{"0s", "-1s"} {
		if _, err := ParseFlags([]string{"--shutdown-timeout", v}, none); err == nil {
			t.Errorf("--shutdown-timeout %s accepted", v)
		}
	}
	for d, want := range map[time.Duration]time.Duration{15 * time.Second: 3 * time.Second, 8 * time.Second: 2 * time.Second, 2 * time.Second: 500 * time.Millisecond, 200 * time.Millisecond: 50 * time.Millisecond} {
		if g := shutdownGrace(d); g != want {
			t.Errorf("shutdownGrace(%v) = %v; want %v", d, g, want)
		}
	}
}
