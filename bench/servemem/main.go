// Command servemem measures the watch mode of opengov and of Hugo as the
// processes an editor runs, on the same generated site:
//
//	go run ./bench/servemem -pages 5000 -saves 200
//
// For each tool (opengov serve, and hugo server on the Hugo twin of the
// site, both minifying) it times, runs times taking turns, a full build
// into a fresh folder (opengov build --search=false, hugo --minify) and a
// cold start of the server until its first page is served (HTTP 200 for
// /en/good-practices/), and gives the medians of wall and CPU time and
// their ratios (on a shared machine the CPU time is the steadier). The last
// server started then gets saves edits of one practice's body, each saved
// once the tool has said that the one before is built (opengov: "built
// in", Hugo: "Total in") and pause has passed, and the resident memory
// (VmRSS in /proc) of the server process is read after each rebuild: after
// the first build, the 20th and the last save, and the largest. opengov
// serve also indexes each build for search in a Node.js process of its own,
// which is not counted (Hugo indexes nothing); its largest RSS is printed
// beside.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/opengov-fi/opengov/bench/gensite"
)

func main() {
	pages := flag.Int("pages", 1000, "good practices per language")
	saves := flag.Int("saves", 200, "edits saved while one server runs")
	runs := flag.Int("runs", 3, "full builds and cold starts per tool")
	pause := flag.Duration("pause", 500*time.Millisecond, "wait after each rebuild before the next save")
	work := flag.String("work", "/tmp/opengov-servemem", "work `folder`; its sources and builds are left there (delete it later: deleting many files slows the next builds on ext4)")
	opengov := flag.String("opengov", "", "the opengov binary (default: built from this checkout)")
	hugo := flag.String("hugo", filepath.Join(goPath(), "bin", "hugo"), "the Hugo binary")
	only := flag.String("only", "", "measure only this tool (opengov or hugo), to compare settings of one")
	flag.Parse()

	run := filepath.Join(*work, time.Now().Format("20060102-150405"))
	check(os.MkdirAll(run, 0o755))
	if *opengov == "" {
		*opengov = filepath.Join(run, "opengov")
		cmd := exec.Command("go", "build", "-o", *opengov, "./cmd/opengov")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		check(cmd.Run())
	}
	src, hugoSrc := filepath.Join(run, "src"), filepath.Join(run, "hugo-src")
	check(gensite.Write(src, *pages))
	check(gensite.WriteHugo(hugoSrc, *pages))
	practice := filepath.Join("content", "good-practices", gensite.PracticeName(max(1, *pages/2))+".en.md")

	tools := []tool{
		{name: "opengov", src: src, built: "built in",
			build: func(out string) []string {
				return []string{*opengov, "build", "--search=false", "--source", src, "--out", out}
			},
			serve: func(port int) []string {
				return []string{*opengov, "serve", "--source", src, "--port", strconv.Itoa(port)}
			}},
		{name: "hugo", src: hugoSrc, built: "Total in",
			build: func(out string) []string {
				return []string{*hugo, "--minify", "--quiet", "--source", hugoSrc, "--destination", out, "--cacheDir", out + "-cache"}
			},
			serve: func(port int) []string {
				return []string{*hugo, "server", "--minify", "--source", hugoSrc, "--port", strconv.Itoa(port), "--bind", "127.0.0.1",
					"--cacheDir", filepath.Join(run, fmt.Sprintf("hugo-serve-cache-%d", port))}
			}},
	}
	if *only != "" {
		tools = slices.DeleteFunc(tools, func(t tool) bool { return t.name != *only })
	}
	for i := range tools {
		tools[i].builds, tools[i].starts = make([]float64, 0, *runs), make([]float64, 0, *runs)
	}
	fmt.Printf("%d practices per language, %d saves, %d runs; work folder %s\n", *pages, *saves, *runs, run)
	n := 0
	for r := range *runs {
		for i := range tools {
			t := &tools[(i+r)%len(tools)] // take turns
			n++
			out := filepath.Join(run, fmt.Sprintf("out-%s-%d", t.name, n))
			start := time.Now()
			cmd := exec.Command(t.build(out)[0], t.build(out)[1:]...)
			if b, err := cmd.CombinedOutput(); err != nil {
				fail("%s build: %v\n%s", t.name, err, b)
			}
			t.builds = append(t.builds, time.Since(start).Seconds())
			t.buildCPU = append(t.buildCPU, (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds())
			s := startServer(t)
			t.starts = append(t.starts, s.ready.Seconds())
			t.startCPU = append(t.startCPU, s.readyCPU)
			fmt.Printf("  %-8s run %d: build %6.2fs (cpu %6.2fs)  serve to first page %6.2fs (cpu %6.2fs)  server RSS %5.0f MB\n",
				t.name, r+1, t.builds[r], t.buildCPU[r], s.ready.Seconds(), s.readyCPU, s.rss())
			if r < *runs-1 {
				s.stop()
			} else {
				t.server = s
			}
		}
	}
	for i := range tools {
		t := &tools[i]
		t.edits(practice, *saves, *pause)
		t.server.stop()
	}

	fmt.Printf("\n%-8s %9s %12s %12s\n", "tool", "build cpu", "1st page cpu", "serve/build")
	for _, t := range tools {
		fmt.Printf("%-8s %9.2f %12.2f %12.2f\n", t.name, median(t.buildCPU), median(t.startCPU), median(t.startCPU)/median(t.buildCPU))
	}
	fmt.Printf("\n%-8s %9s %12s %12s %9s %9s %9s %9s %10s %12s\n", "tool", "build s", "first page s", "serve/build", "RSS MB", "@20", "@last", "max", "save p50", "children MB")
	for _, t := range tools {
		fmt.Printf("%-8s %9.2f %12.2f %12.2f %9.0f %9.0f %9.0f %9.0f %9.0fms %12.0f\n", t.name, median(t.builds), median(t.starts),
			median(t.starts)/median(t.builds), t.rssFirst, t.rssAt20, t.rssLast, t.rssMax, median(t.rebuilds)*1000, t.childMax)
	}
	if len(tools) < 2 {
		return
	}
	og, hu := tools[0], tools[1]
	fmt.Printf("%-8s %9.2f %12.2f %12s %9.2f %9.2f %9.2f %9.2f\n", "og/hugo", median(og.builds)/median(hu.builds), median(og.starts)/median(hu.starts), "",
		og.rssFirst/hu.rssFirst, og.rssAt20/hu.rssAt20, og.rssLast/hu.rssLast, og.rssMax/hu.rssMax)
}

// tool is one static site generator and what was measured of it.
type tool struct {
	name  string
	src   string
	built string // what its server prints when a build is done
	build func(out string) []string
	serve func(port int) []string

	builds, starts, rebuilds []float64 // seconds, wall
	buildCPU, startCPU       []float64 // seconds, user + system
	server                   *server
	rssFirst, rssAt20        float64
	rssLast, rssMax          float64
	childMax                 float64
}

// server is a running server process.
type server struct {
	cmd      *exec.Cmd
	ready    time.Duration // from its start to its first page
	readyCPU float64       // its CPU seconds until then
	built    chan struct{} // a line saying a build is done
}

func (s *server) rss() float64      { return status(s.cmd.Process.Pid, "VmRSS") }
func (s *server) children() float64 { return childrenRSS(s.cmd.Process.Pid) }

func (s *server) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}

// startServer starts t's server on a free port and waits for its first
// page.
func startServer(t *tool) *server {
	port := freePort()
	args := t.serve(port)
	cmd := exec.Command(args[0], args[1:]...)
	stdout, err := cmd.StdoutPipe()
	check(err)
	cmd.Stderr = cmd.Stdout
	s := &server{cmd: cmd, built: make(chan struct{}, 1000)}
	start := time.Now()
	check(cmd.Start())
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.Contains(sc.Text(), t.built) {
				s.built <- struct{}{}
			}
		}
	}()
	url := fmt.Sprintf("http://127.0.0.1:%d/en/good-practices/", port)
	for {
		if resp, err := http.Get(url); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Since(start) > 10*time.Minute {
			fail("%s: no first page after 10 minutes", t.name)
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.ready = time.Since(start)
	s.readyCPU = cpuSeconds(cmd.Process.Pid)
	return s
}

// edits saves n edits of the practice while t's last server runs, and
// reads the server's memory after each rebuild.
func (t *tool) edits(practice string, n int, pause time.Duration) {
	s := t.server
	// The first build's line, and any of a start-up rebuild, are behind.
	time.Sleep(2 * time.Second)
	for len(s.built) > 0 {
		<-s.built
	}
	t.rssFirst = s.rss()
	page := filepath.Join(t.src, practice)
	original, err := os.ReadFile(page)
	check(err)
	for i := 1; i <= n; i++ {
		edited := append(slices.Clone(original), fmt.Sprintf("\nEdit number %d.\n", i)...)
		start := time.Now()
		check(os.WriteFile(page, edited, 0o644))
		select {
		case <-s.built:
		case <-time.After(2 * time.Minute):
			fmt.Printf("  %-8s save %d was not built within 2 minutes: the saves stop here\n", t.name, i)
			n = i - 1
		}
		if n < i {
			break
		}
		t.rebuilds = append(t.rebuilds, time.Since(start).Seconds())
		time.Sleep(pause)
		rss := s.rss()
		t.rssMax = max(t.rssMax, rss)
		t.childMax = max(t.childMax, s.children())
		if i == 20 {
			t.rssAt20 = rss
		}
		t.rssLast = rss
	}
	fmt.Printf("  %-8s %d saves: RSS after the first build %.0f MB, after save 20 %.0f MB, after save %d %.0f MB, largest %.0f MB\n",
		t.name, n, t.rssFirst, t.rssAt20, n, t.rssLast, t.rssMax)
}

// status reads a field of /proc/PID/status given in kB, in MB.
func status(pid int, field string) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// cpuSeconds reads the user and system time of a running process from
// /proc/PID/stat (in clock ticks of 1/100 s, Linux's USER_HZ).
func cpuSeconds(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command's name, which is in parentheses.
	fields := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
	utime, _ := strconv.ParseFloat(fields[11], 64)
	stime, _ := strconv.ParseFloat(fields[12], 64)
	return (utime + stime) / 100
}

// childrenRSS sums the resident memory of pid's descendants, in MB.
func childrenRSS(pid int) float64 {
	var sum float64
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", pid))
	for _, task := range tasks {
		data, _ := os.ReadFile(task)
		for _, f := range strings.Fields(string(data)) {
			child, err := strconv.Atoi(f)
			if err == nil {
				sum += status(child, "VmRSS") + childrenRSS(child)
			}
		}
	}
	return sum
}

func freePort() int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func goPath() string {
	out, err := exec.Command("go", "env", "GOPATH").Output()
	check(err)
	return strings.TrimSpace(string(out))
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "servemem: "+format+"\n", args...)
	os.Exit(1)
}
