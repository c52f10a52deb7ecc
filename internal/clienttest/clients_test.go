package clienttest

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestClients starts one server and runs each client's example against it.
func TestClients(t *testing.T) {
	root := repoRoot(t)
	addr := startServer(t, root)
	t.Run("python", func(t *testing.T) {
		t.Parallel()
		python := "/usr/bin/python3"
		need(t, "Debian's python3-grpcio and python3-protobuf", exec.Command(python, "-c", "import grpc, google.protobuf").Run() == nil)
		runExample(t, root, python, filepath.Join(root, ".ci", "clients", "python", "example.py"), addr)
	})
	t.Run("typescript", func(t *testing.T) {
		t.Parallel()
		node, err := exec.LookPath("node")
		need(t, "node", err == nil)
		modules := filepath.Join(root, ".ci", "clients", "ts", "node_modules")
		_, errTSC := os.Stat(filepath.Join(modules, "typescript", "bin", "tsc"))
		_, errConnect := os.Stat(filepath.Join(modules, "@connectrpc", "connect-node", "package.json"))
		need(t, "the npm packages of .ci/clients/ts (npm ci --prefix .ci/clients/ts)", errTSC == nil && errConnect == nil)
		// A scratch project laid out like the repository, as a user would
		// vendor gen/ts: the generated code and the example import the
		// runtime from the node_modules of its root.
		dir := t.TempDir()
		copyDir(t, filepath.Join(root, "gen", "ts"), filepath.Join(dir, "gen", "ts"))
		for _, f := range []string{"example.ts", "tsconfig.json"} {
			copyFile(t, filepath.Join(root, ".ci", "clients", "ts", f), filepath.Join(dir, ".ci", "clients", "ts", f))
		}
		if err := os.Symlink(modules, filepath.Join(dir, "node_modules")); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "package.json"), []byte(`{"type": "module"}`+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		tsc := exec.Command(node, filepath.Join(modules, "typescript", "bin", "tsc"), "-p", filepath.Join(dir, ".ci", "clients", "ts", "tsconfig.json"))
		if out, err := tsc.CombinedOutput(); err != nil {
			t.Fatalf("tsc: %v\n%s", err, out)
		}
		runExample(t, root, node, filepath.Join(dir, "out", ".ci", "clients", "ts", "example.js"), addr)
	})
}

// need skips the test when what is not installed, or fails it under CI=true.
func need(t *testing.T, what string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s not installed: CI must run this test (.ci/run installs it)", what)
	}
	t.Skipf("%s not installed", what)
}

// runExample runs one example program against the server at addr and fails
// the test when it exits non-zero; its output goes to the test log.
func runExample(t *testing.T, root, interpreter, program, addr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, interpreter, program, addr)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	t.Logf("%s %s:\n%s", filepath.Base(interpreter), filepath.Base(program), out)
	if err != nil {
		t.Fatalf("%s failed: %v", filepath.Base(program), err)
	}
	if !strings.Contains(string(out), "passed, 0 failed") {
		t.Fatalf("%s exited 0 without reporting its checks", filepath.Base(program))
	}
}

// repoRoot is the module root, two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod in %s: %v", root, err)
	}
	return root
}

// startServer builds ./server, starts it on loopback ports with its defaults
// otherwise, and returns its gRPC address. The server stops (SIGTERM) when
// the test ends; its log is printed if the test failed.
func startServer(t *testing.T, root string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "lector")
	build := exec.Command(goTool(), "build", "-o", bin, "./server")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./server: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "--grpc-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0", "--shutdown-timeout", "5s")
	cmd.Dir = root
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var (
		mu  sync.Mutex
		log strings.Builder
	)
	ready := make(chan string, 1)
	logDone := make(chan struct{})
	go func() {
		defer close(logDone)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			mu.Lock()
			log.WriteString(line + "\n")
			mu.Unlock()
			var rec struct {
				Msg  string `json:"msg"`
				GRPC string `json:"grpc"`
			}
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "lector ready" && rec.GRPC != "" {
				select {
				case ready <- rec.GRPC:
				default:
				}
			}
		}
		_, _ = io.Copy(io.Discard, stderr)
	}()
	exited := make(chan error, 1)
	go func() {
		<-logDone
		exited <- cmd.Wait()
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("server exit after SIGTERM: %v", err)
			}
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			t.Errorf("server did not stop within 20 s of SIGTERM")
		}
		if t.Failed() {
			mu.Lock()
			t.Logf("server log:\n%s", log.String())
			mu.Unlock()
		}
	})
	select {
	case addr := <-ready:
		return addr
	case err := <-exited:
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("server exited before it was ready: %v\n%s", err, log.String())
	case <-time.After(60 * time.Second):
		t.Fatal("server not ready within 60 s")
	}
	return ""
}

// goTool is the go command of the toolchain running the test.
func goTool() string {
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"); fileExists(p) {
		return p
	}
	return "go"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		copyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
