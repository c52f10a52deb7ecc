// Command instrcount counts the machine instructions the whole pipeline
// executes per article, by package and by function, under valgrind's
// cachegrind. Unlike a timing, the count does not move with the load of a
// shared machine, so two commits can be compared in any window (a count is
// not a time: cache and TLB misses cost cycles it does not show).
//
//	go run ./cmd/instrcount            # 40 analyses of the 600-word article
//	go run ./cmd/instrcount -top 30    # and the 30 costliest functions
//
// It builds the pipeline's test binary and runs BenchmarkPipelineCPU/warm
// under cachegrind twice, for 1 and for n+1 analyses, and reports the
// difference divided by n: start-up, model loading and first-call set-up
// cancel out. The runs use GOMAXPROCS=1 (no idle spinning between
// threads), GOGC=off (the collector's share depends on timing; allocation
// itself is counted) and GODEBUG=asyncpreemptoff=1 (valgrind does not
// follow Go's preemption signals well). It needs valgrind (apt install
// valgrind) and takes about two minutes.
package main

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

const module = "github.com/lector-nlp/lector/"

func main() {
	n := flag.Int("n", 40, "analyses counted (after one that sets up)")
	top := flag.Int("top", 0, "also list this many costliest functions")
	bench := flag.String("bench", "PipelineCPU/warm", "benchmark of ./internal/pipeline to run")
	flag.Parse()
	log.SetFlags(0)
	if *n < 1 {
		log.Fatal("instrcount: -n must be at least 1")
	}
	if _, err := exec.LookPath("valgrind"); err != nil {
		log.Fatal("instrcount: valgrind is not installed (apt install valgrind)")
	}
	dir, err := os.MkdirTemp("", "instrcount")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "pipeline.test")
	if out, err := exec.Command("go", "test", "-c", "-o", bin, "./internal/pipeline").CombinedOutput(); err != nil {
		log.Fatalf("instrcount: build: %v\n%s", err, out)
	}
	one, err := count(bin, *bench, 1, filepath.Join(dir, "cg.1"))
	if err != nil {
		log.Fatal(err)
	}
	many, err := count(bin, *bench, *n+1, filepath.Join(dir, "cg.n"))
	if err != nil {
		log.Fatal(err)
	}
	per := map[string]float64{}
	total := 0.0
	for fn, v := range many {
		d := float64(v-one[fn]) / float64(*n)
		per[fn] = d
		total += d
	}
	fmt.Printf("Instructions per analysis of internal/pipeline/testdata/bench_600.txt (%s, %d analyses): %.2f M\n\n", *bench, *n, total/1e6)
	pkgs := map[string]float64{}
	for fn, v := range per {
		pkgs[pkgOf(fn)] += v
	}
	table("package", pkgs, total, 0)
	if *top > 0 {
		fmt.Println()
		table("function", per, total, *top)
	}
}

// count runs bin's benchmark for n analyses under cachegrind and returns
// the instructions of each function.
func count(bin, bench string, n int, out string) (map[string]int64, error) {
	var err error
	for try := 0; try < 6; try++ {
		var m map[string]int64
		if m, err = countOnce(bin, bench, n, out); err == nil {
			return m, nil
		} else if !strings.Contains(err.Error(), "Unrecognised instruction") {
			return nil, err
		}
		// (the runtime reads the cycle counter with RDTSCP when a lock is
		// contended, which valgrind 3.19 cannot run: it happens on busy
		// machines now and then, and a new run mostly passes)
	}
	return nil, err
}

// countOnce is one run of count.
func countOnce(bin, bench string, n int, out string) (map[string]int64, error) {
	cmd := exec.Command("valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file="+out,
		bin, "-test.run", "^$", "-test.bench", bench,
		"-test.cpu", "1", "-test.benchtime", strconv.Itoa(n)+"x")
	cmd.Dir = "internal/pipeline" // the benchmarks read testdata/
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1", "GOGC=off", "GODEBUG=asyncpreemptoff=1")
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("instrcount: %v: %v\n%s", cmd.Args, err, b)
	} else if !strings.Contains(string(b), "Benchmark") {
		return nil, fmt.Errorf("instrcount: benchmark %q did not run:\n%s", bench, b)
	}
	f, err := os.Open(out)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parse(f)
}

// parse reads a cachegrind output file (with the Ir event only): "fn="
// lines name a function, and the lines after it give a source line and
// its count.
func parse(r io.Reader) (map[string]int64, error) {
	m := map[string]int64{}
	fn := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "fn="):
			fn = line[3:]
		case line == "" || line[0] < '0' || line[0] > '9':
		default:
			f := strings.Fields(line)
			if len(f) < 2 {
				continue
			}
			v, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("instrcount: cachegrind line %q: %v", line, err)
			}
			m[fn] += v
		}
	}
	return m, sc.Err()
}

// pkgOf returns the import path of a function's package, without the
// module prefix for Lector's own.
func pkgOf(fn string) string {
	if !strings.Contains(fn, ".") {
		return "runtime" // assembly: aeshashbody, memeqbody
	}
	p := strings.TrimPrefix(fn, module)
	i := strings.LastIndexByte(p, '/') + 1
	if j := strings.IndexByte(p[i:], '.'); j >= 0 {
		p = p[:i+j]
	}
	return p
}

func table(what string, m map[string]float64, total float64, limit int) {
	type row struct {
		name string
		v    float64
	}
	var rows []row
	for k, v := range m {
		rows = append(rows, row{k, v})
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Or(cmp.Compare(b.v, a.v), strings.Compare(a.name, b.name)) })
	fmt.Printf("| %s | M instructions | share |\n|---|---:|---:|\n", what)
	other := 0.0
	for i, r := range rows {
		if (limit > 0 && i >= limit) || (limit == 0 && r.v < 0.01*total) {
			other += r.v
			continue
		}
		fmt.Printf("| %s | %.2f | %.1f %% |\n", strings.TrimPrefix(r.name, module), r.v/1e6, 100*r.v/total)
	}
	fmt.Printf("| (the rest) | %.2f | %.1f %% |\n", other/1e6, 100*other/total)
}
