//go:build smoke || wine || startup

package main

// Helpers of the tests that run programs in a real window on a private
// Xvfb display: the smoke tests, the Windows build under wine, and the
// start-up benchmark.

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// smokeDisplayWait bounds how long Xvfb may take to answer.
const smokeDisplayWait = 10 * time.Second

// smokeEnv returns the environment for the app and the X tools: the test's
// own, with the user's home, config, data and cache folders moved inside dir,
// a fixed locale, no session bus, and DISPLAY set to display (left out when
// empty), so nothing reaches the user's real session or files.
func smokeEnv(dir, display string) []string {
	drop := map[string]bool{
		"DISPLAY": true, "WAYLAND_DISPLAY": true, "XDG_SESSION_TYPE": true, "XAUTHORITY": true,
		"HOME": true, "XDG_CONFIG_HOME": true, "XDG_DATA_HOME": true, "XDG_CACHE_HOME": true, "XDG_STATE_HOME": true,
		"LANG": true, "LANGUAGE": true, "LC_ALL": true, "LC_MESSAGES": true,
		"DBUS_SESSION_BUS_ADDRESS": true, "RAPPORT_DB": true, "RAPPORT_TEST_HANDLES": true,
	}
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if !drop[name] {
			env = append(env, kv)
		}
	}
	home := filepath.Join(dir, "home")
	env = append(env,
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"XDG_STATE_HOME="+filepath.Join(home, ".local", "state"),
		"LANG=en_US.UTF-8",
		"DBUS_SESSION_BUS_ADDRESS=disabled:",
	)
	if display != "" {
		env = append(env, "DISPLAY="+display)
	}
	return env
}

// smokeXvfb starts Xvfb on a display it picks itself (-displayfd: it
// tries successively higher numbers and writes back the first it could
// take, once it accepts connections), so two servers never race for one
// number, and stops it when the test ends. It returns the display name.
func smokeXvfb(t *testing.T) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	x := smokeStartWith(t, "Xvfb", os.Environ(), []*os.File{w},
		"Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	w.Close() // Xvfb holds its own copy
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(r).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case n := <-line:
		if n == "" {
			t.Fatalf("Xvfb gave no display number: %v\n%s", x.err(), x.output())
		}
		display := ":" + n
		probe := exec.Command("xdotool", "getmouselocation")
		probe.Env = append(os.Environ(), "DISPLAY="+display)
		if out, err := probe.CombinedOutput(); err != nil {
			t.Fatalf("Xvfb on %s does not answer: %v\n%s", display, err, out)
		}
		return display
	case <-time.After(smokeDisplayWait):
		t.Fatalf("Xvfb did not take a display within %v:\n%s", smokeDisplayWait, x.output())
	}
	return ""
}

// smokeProc is a started background process whose output is kept.
type smokeProc struct {
	cmd  *exec.Cmd
	out  *smokeBuffer
	done chan struct{}
	werr error // set before done is closed
}

// smokeStart starts name with args in env, and stops it when the test ends.
// label names it in errors.
func smokeStart(t *testing.T, label string, env []string, name string, args ...string) *smokeProc {
	t.Helper()
	return smokeStartWith(t, label, env, nil, name, args...)
}

// smokeStartWith is smokeStart handing the process extra open files, as
// file descriptors 3 and up.
func smokeStartWith(t *testing.T, label string, env []string, extra []*os.File, name string, args ...string) *smokeProc {
	t.Helper()
	return smokeStartIn(t, label, env, "", extra, name, args...)
}

// smokeStartIn is smokeStartWith running the process in the folder dir
// ("" for this one).
func smokeStartIn(t *testing.T, label string, env []string, dir string, extra []*os.File, name string, args ...string) *smokeProc {
	t.Helper()
	p := &smokeProc{out: new(smokeBuffer), done: make(chan struct{})}
	p.cmd = exec.Command(name, args...)
	p.cmd.Env = env
	p.cmd.Dir = dir
	p.cmd.ExtraFiles = extra
	p.cmd.Stdout = p.out
	p.cmd.Stderr = p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", label, err)
	}
	go func() {
		p.werr = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(p.stop)
	return p
}

// pid is the process's ID.
func (p *smokeProc) pid() int { return p.cmd.Process.Pid }

// exited reports whether the process has ended.
func (p *smokeProc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// err returns how the process ended, or nil while it runs.
func (p *smokeProc) err() error {
	if !p.exited() {
		return nil
	}
	if p.werr == nil {
		return errors.New("exit status 0")
	}
	return p.werr
}

// output returns what the process has written so far to stdout and stderr.
func (p *smokeProc) output() string { return p.out.String() }

// stop asks the process to end, kills it if it has not within five seconds,
// and waits for it. Calling it again does nothing.
func (p *smokeProc) stop() {
	if p.exited() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// smokeBuffer is a bytes.Buffer safe for a writer and a reader at once.
type smokeBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *smokeBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *smokeBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// smokeRun runs name with args in env, killing it after d, and returns its
// combined output.
func smokeRun(d time.Duration, env []string, name string, args ...string) ([]byte, error) {
	return smokeRunIn(d, env, "", name, args...)
}

// smokeRunIn is smokeRun in the folder dir ("" for this one). Output is
// read only until the program ends (plus a second): a child it leaves
// running with the pipes open, such as wine's server, is not waited for.
func smokeRunIn(d time.Duration, env []string, dir, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	cmd.Dir = dir
	cmd.WaitDelay = time.Second
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		err = fmt.Errorf("%w (killed after %v)", err, d)
	}
	if errors.Is(err, exec.ErrWaitDelay) {
		err = nil // the program ended; only a lingering child kept the pipe
	}
	return out, err
}

// smokeColours returns the number of distinct colours in the PNG at path and
// the share of pixels taken by the commonest one.
func smokeColours(path string) (colours int, share float64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return 0, 0, fmt.Errorf("decoding %s: %w", path, err)
	}
	b := img.Bounds()
	if b.Empty() {
		return 0, 0, fmt.Errorf("%s is empty", path)
	}
	counts := make(map[uint64]int)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			counts[uint64(r)<<48|uint64(g)<<32|uint64(bl)<<16|uint64(a)]++
		}
	}
	top := 0
	for _, n := range counts {
		top = max(top, n)
	}
	return len(counts), float64(top) / float64(b.Dx()*b.Dy()), nil
}

// smokeKeep copies the screenshot to testdata/failed/smoke.png (git-ignored)
// for inspection after a failure, if there is one.
func smokeKeep(t *testing.T, shot string) {
	t.Helper()
	smokeKeepAs(t, shot, "smoke.png")
}

// smokeKeepAs is smokeKeep into testdata/failed/name.
func smokeKeepAs(t *testing.T, shot, name string) {
	t.Helper()
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Logf("no screenshot to keep: %v", err)
		return
	}
	dst := filepath.Join("testdata", "failed", name)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Logf("keeping the screenshot: %v", err)
		return
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Logf("keeping the screenshot: %v", err)
		return
	}
	t.Logf("screenshot kept in %s", dst)
}
