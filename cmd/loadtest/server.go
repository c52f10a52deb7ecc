package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/backoff"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// server is a Lector server process started by the load test.
type server struct {
	cmd      *exec.Cmd
	grpcAddr string
	httpAddr string
	ready    time.Duration // from exec to /readyz 200 and gRPC health SERVING
	readyCPU time.Duration // CPU time the server used until then
	exited   chan error
}

// buildServer compiles ./server into dir and returns the binary's path.
func buildServer(ctx context.Context, dir string) (string, error) {
	bin := filepath.Join(dir, "lector-server")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./server")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build ./server: %w", err)
	}
	return bin, nil
}

// freePort returns a loopback address with a port that was free just now.
func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// startServer execs bin on free loopback ports with the extra flags, and
// waits until it is ready: GET /readyz answers 200 and the gRPC health
// service answers SERVING. It returns the time from exec to ready.
func startServer(ctx context.Context, bin string, extra []string, logPath string) (*server, error) {
	ga, err := freePort()
	if err != nil {
		return nil, err
	}
	ha, err := freePort()
	if err != nil {
		return nil, err
	}
	args := append([]string{"--grpc-addr", ga, "--http-addr", ha, "--log-level", "warn"}, extra...)
	cmd := exec.Command(bin, args...)
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	s := &server{cmd: cmd, grpcAddr: ga, httpAddr: ha, exited: make(chan error, 1)}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() { s.exited <- cmd.Wait(); logf.Close() }()

	// retry the connection every few milliseconds while the server starts
	// (the default backoff waits a whole second after the first refusal)
	conn, err := grpc.NewClient(ga, append(grpcDialOptions(), grpc.WithConnectParams(grpc.ConnectParams{
		Backoff:           backoff.Config{BaseDelay: 5 * time.Millisecond, Multiplier: 1, MaxDelay: 5 * time.Millisecond},
		MinConnectTimeout: time.Second,
	}))...)
	if err != nil {
		s.stop()
		return nil, err
	}
	defer conn.Close()
	health := healthpb.NewHealthClient(conn)
	hc := &http.Client{Timeout: time.Second}
	httpReady, grpcReady := false, false
	deadline := time.After(30 * time.Second)
	for !httpReady || !grpcReady {
		select {
		case err := <-s.exited:
			return nil, fmt.Errorf("the server exited before it was ready (%v); see %s", err, logPath)
		case <-deadline:
			s.stop()
			return nil, fmt.Errorf("the server was not ready within 30s; see %s", logPath)
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
		if !httpReady {
			if resp, err := hc.Get("http://" + ha + "/readyz"); err == nil {
				resp.Body.Close()
				httpReady = resp.StatusCode == http.StatusOK
			}
		}
		if !grpcReady {
			cctx, cancel := context.WithTimeout(ctx, time.Second)
			r, err := health.Check(cctx, &healthpb.HealthCheckRequest{})
			cancel()
			grpcReady = err == nil && r.GetStatus() == healthpb.HealthCheckResponse_SERVING
		}
	}
	s.ready = time.Since(t0)
	s.readyCPU = cpuTime(cmd.Process.Pid)
	return s, nil
}

// stop sends SIGTERM and waits up to 20 s for the process to exit.
func (s *server) stop() {
	if s == nil || s.cmd.Process == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
	}
}

// memory reads VmRSS and VmHWM (peak RSS) of process pid, in kB.
func memory(pid int) (rss, hwm int64) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		switch k {
		case "VmRSS":
			rss = n
		case "VmHWM":
			hwm = n
		}
	}
	return rss, hwm
}

// cpuTime returns the user plus system CPU time process pid has used.
func cpuTime(pid int) time.Duration {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+1:] // the command name may hold spaces
	}
	f := strings.Fields(s)
	if len(f) < 13 {
		return 0
	}
	// fields 14 and 15 of stat (utime, stime), in clock ticks of 1/100 s
	// (USER_HZ is 100 on Linux)
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * 10 * time.Millisecond
}

// loadAverage returns the 1-, 5- and 15-minute load averages and the CPU
// pressure of the last 10 s.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	out := strings.Join(f[:3], " ")
	// CPU pressure: the share of the last 10 s in which some runnable task
	// waited for a CPU (Linux PSI); it shows contention the load average hides
	if p, err := os.ReadFile("/proc/pressure/cpu"); err == nil {
		for _, w := range strings.Fields(string(p)) {
			if v, ok := strings.CutPrefix(w, "avg10="); ok {
				out += ", cpu psi " + v + "%"
				break
			}
		}
	}
	return out
}
