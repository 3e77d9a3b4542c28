//go:build smoke

package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
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

const (
	// smokeDisplayWait bounds how long Xvfb may take to answer.
	smokeDisplayWait = 10 * time.Second
	// smokeWindowWait bounds how long the app may take to show its window. It is a
	// liveness bound for a cold machine, not a performance assertion.
	smokeWindowWait = 60 * time.Second
	// smokePaintWait is how long the window gets to paint before the capture.
	smokePaintWait = 2 * time.Second
	// smokeMinColours and smokeMaxShare decide whether a capture is blank.
	smokeMinColours = 16
	smokeMaxShare   = 0.98
	// smokeStarts is how many times the app is started when GLFW finds no
	// display.
	smokeStarts = 3
	// smokeMinChange is the share of the screen that must change when the
	// map replaces the Today screen.
	smokeMinChange = 0.05
)

// TestSmokeWindow builds the real binary, opens it on a sample database under
// a private Xvfb display, and checks that a window titled Rapport appears and
// paints something other than a blank rectangle, and that the relationship
// map paints when Ctrl+2 opens it.
//
// It needs Xvfb, xdotool and ImageMagick's import (make test-deps) and runs
// only with the smoke build tag:
//
//	go test -count=1 -tags smoke -smokeRun TestSmokeWindow -v .
func TestSmokeWindow(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for the smoke test (make test-deps): %v", tool, err)
		}
	}

	dir := t.TempDir()
	bin := filepath.Join(dir, "rapport")
	db := filepath.Join(dir, "demo.db")
	shot := filepath.Join(dir, "shot.png")

	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	if out, err := smokeRun(2*time.Minute, smokeEnv(dir, ""), bin, "demo", "--db", db); err != nil {
		t.Fatalf("%s demo --db %s: %v\n%s", bin, db, err, out)
	}

	display := smokeXvfb(t)
	t.Logf("Xvfb is on display %s", display)
	xenv := smokeEnv(dir, display)

	app, shown := smokeOpen(t, xenv, bin, "--db", db)
	if shown {
		time.Sleep(smokePaintWait)
	}

	captureOut, captureErr := smokeRun(30*time.Second, xenv, "import", "-window", "root", shot)

	switch {
	case app.exited():
		smokeKeep(t, shot)
		t.Fatalf("the app exited early: %v\n%s", app.err(), app.output())
	case !shown:
		smokeKeep(t, shot)
		t.Fatalf("no visible window named Rapport within %v; app output:\n%s", smokeWindowWait, app.output())
	case captureErr != nil:
		t.Fatalf("import -window root: %v\n%s", captureErr, captureOut)
	}
	t.Logf("screenshot: %s", shot)

	// Docks match the window to its desktop entry by WM_CLASS: the app ID,
	// the entry's StartupWMClass.
	if out, err := smokeRun(10*time.Second, xenv, "xdotool", "search", "--class", `^app\.rapport\.desktop$`); err != nil {
		t.Errorf("no window of class app.rapport.desktop (the desktop entry's StartupWMClass): %v\n%s", err, out)
	}

	colours, share, err := smokeColours(shot)
	if err != nil {
		smokeKeep(t, shot)
		t.Fatalf("reading the screenshot: %v", err)
	}
	t.Logf("screenshot has %d distinct colours; the commonest covers %.1f%% of it", colours, 100*share)
	if colours < smokeMinColours || share > smokeMaxShare {
		smokeKeep(t, shot)
		t.Fatalf("the screen looks blank: %d distinct colours (want at least %d), commonest covers %.1f%% (want at most %.0f%%); app output:\n%s",
			colours, smokeMinColours, 100*share, 100*smokeMaxShare, app.output())
	}

	// The relationship map is a custom widget painted into a raster: check
	// it draws in a real window too. Ctrl+2 opens it.
	mapShot := filepath.Join(dir, "map.png")
	if out, err := smokeRun(10*time.Second, xenv, "xdotool", "key", "ctrl+2"); err != nil {
		t.Fatalf("xdotool key ctrl+2: %v\n%s", err, out)
	}
	time.Sleep(smokePaintWait)
	if out, err := smokeRun(30*time.Second, xenv, "import", "-window", "root", mapShot); err != nil {
		t.Fatalf("import -window root: %v\n%s", err, out)
	}
	if app.exited() {
		smokeKeep(t, mapShot)
		t.Fatalf("the app exited on opening the map: %v\n%s", app.err(), app.output())
	}
	changed, err := smokeChanged(shot, mapShot)
	if err != nil {
		t.Fatalf("comparing the screenshots: %v", err)
	}
	t.Logf("opening the map changed %.1f%% of the screen", 100*changed)
	if changed < smokeMinChange {
		smokeKeep(t, mapShot)
		t.Fatalf("Ctrl+2 changed only %.1f%% of the screen (want at least %.0f%%): the map did not paint; app output:\n%s",
			100*changed, 100*smokeMinChange, app.output())
	}
}

// smokeOpen starts the app with args and waits until its window shows,
// starting it again (twice at most) when GLFW finds no display. It
// reports whether the window showed; the app is stopped when the test
// ends.
func smokeOpen(t *testing.T, xenv []string, bin string, args ...string) (*smokeProc, bool) {
	t.Helper()
	app := smokeStart(t, "app", xenv, bin, args...)
	started := time.Now()
	for attempt, deadline := 1, started.Add(smokeWindowWait); time.Now().Before(deadline); {
		if app.exited() {
			// GLFW now and then finds no display on a server that has
			// just answered xdotool (about 1 start in 10 here); that is
			// the virtual display, not the app: start it again, twice
			// at most.
			if attempt < smokeStarts && strings.Contains(app.output(), "PlatformUnavailable") {
				t.Logf("attempt %d: GLFW found no display; starting the app again", attempt)
				attempt++
				time.Sleep(500 * time.Millisecond)
				app = smokeStart(t, "app", xenv, bin, args...)
				continue
			}
			t.Fatalf("the app exited before showing a window: %v\n%s", app.err(), app.output())
		}
		search := exec.Command("xdotool", "search", "--onlyvisible", "--name", "Rapport")
		search.Env = xenv
		if out, err := search.Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
			t.Logf("the window appeared after %v", time.Since(started).Round(time.Millisecond))
			return app, true
		}
		time.Sleep(250 * time.Millisecond)
	}
	return app, false
}

// smokeChanged is the share of pixels that differ between two captures of
// the same size.
func smokeChanged(a, b string) (float64, error) {
	var imgs [2]image.Image
	for i, path := range []string{a, b} {
		f, err := os.Open(path)
		if err != nil {
			return 0, err
		}
		imgs[i], err = png.Decode(f)
		f.Close()
		if err != nil {
			return 0, fmt.Errorf("decoding %s: %w", path, err)
		}
	}
	bounds := imgs[0].Bounds()
	if bounds != imgs[1].Bounds() || bounds.Empty() {
		return 0, fmt.Errorf("%s and %s differ in size", a, b)
	}
	changed := 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if imgs[0].At(x, y) != imgs[1].At(x, y) {
				changed++
			}
		}
	}
	return float64(changed) / float64(bounds.Dx()*bounds.Dy()), nil
}

// smokeEnv returns the environment for the app and the X tools: the test's
// own, with the user's home, config, data and cache folders moved inside dir,
// a fixed locale, no session bus, and DISPLAY set to display (left out when
// empty), so nothing reaches the user's real session or files.
func smokeEnv(dir, display string) []string {
	drop := map[string]bool{
		"DISPLAY": true, "WAYLAND_DISPLAY": true, "XDG_SESSION_TYPE": true, "XAUTHORITY": true,
		"HOME": true, "XDG_CONFIG_HOME": true, "XDG_DATA_HOME": true, "XDG_CACHE_HOME": true, "XDG_STATE_HOME": true,
		"LANG": true, "LANGUAGE": true, "LC_ALL": true, "LC_MESSAGES": true,
		"DBUS_SESSION_BUS_ADDRESS": true, "RAPPORT_DB": true,
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
	p := &smokeProc{out: new(smokeBuffer), done: make(chan struct{})}
	p.cmd = exec.Command(name, args...)
	p.cmd.Env = env
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
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		err = fmt.Errorf("%w (killed after %v)", err, d)
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
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Logf("no screenshot to keep: %v", err)
		return
	}
	dst := filepath.Join("testdata", "failed", "smoke.png")
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
