//go:build unix

package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A second launch on a database Rapport already has open (double-clicking
// the launcher while Rapport waits in the tray, say) hands over to the
// running one instead of failing on its lock: the running Rapport listens
// on a Unix socket named after the database, in a folder only the user can
// enter, and shows its window when asked. The socket is local to the
// machine; nothing goes over a network.

// Requests a launch sends: open shows the window; here (from `rapport
// --tray`, as at login) only asks whether Rapport runs.
const (
	launchOpen = "open"
	launchHere = "here"
)

// handoffPatience is how long a launch waits for the running Rapport to
// answer.
const handoffPatience = 2 * time.Second

// launchSocket is the socket of the Rapport that has the database at
// dbPath open: in $XDG_RUNTIME_DIR (else a folder of the user's in the
// temporary folder), named after the database's absolute path.
func launchSocket(dbPath string) (string, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return "", err
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("rapport-%d", os.Getuid()))
	}
	dir = filepath.Join(dir, "rapport")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	if info, err := os.Lstat(dir); err != nil || !info.IsDir() || info.Mode().Perm()&0o077 != 0 {
		return "", fmt.Errorf("%s is not a folder only you can enter", dir)
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, hex.EncodeToString(sum[:8])+".sock"), nil
}

// listenForLaunches answers later launches on the database at dbPath,
// calling open (on its own goroutine) when one asks for the window. It is
// called while the database's lock is held, so a socket left by a Rapport
// that ended without removing it is no one's and is replaced. stop ends
// the listening and removes the socket.
func listenForLaunches(dbPath string, open func()) (stop func(), err error) {
	path, err := launchSocket(dbPath)
	if err != nil {
		return func() {}, err
	}
	os.Remove(path)
	l, err := net.Listen("unix", path)
	if err != nil {
		return func() {}, err
	}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return // closed by stop
			}
			go answerLaunch(c, open)
		}
	}()
	return func() { l.Close() }, nil
}

// answerLaunch reads one launch's request and answers it.
func answerLaunch(c net.Conn, open func()) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(handoffPatience))
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return
	}
	switch strings.TrimSpace(line) {
	case launchOpen:
		open()
	case launchHere:
	default:
		return
	}
	fmt.Fprintln(c, "ok")
}

// handOff asks the Rapport that has the database at dbPath open to show
// its window (or, inTray, only whether it runs), and reports whether it
// answered: then this launch has nothing left to do.
func handOff(dbPath string, inTray bool) bool {
	path, err := launchSocket(dbPath)
	if err != nil {
		return false
	}
	c, err := net.DialTimeout("unix", path, handoffPatience)
	if err != nil {
		return false
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(handoffPatience))
	request := launchOpen
	if inTray {
		request = launchHere
	}
	if _, err := fmt.Fprintln(c, request); err != nil {
		return false
	}
	answer, err := bufio.NewReader(c).ReadString('\n')
	return err == nil && strings.TrimSpace(answer) == "ok"
}
