package storage

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

// crashChildEnv names the database the crash test's child process writes
// to; set, TestCrashChildWriter becomes that child.
const crashChildEnv = "RAPPORT_CRASH_CHILD_DB"

// TestCrashChildWriter is not a test of its own: it is the child process
// of TestCrashLosesNothing, the test binary run again with crashChildEnv
// set. It opens the database and writes until it is killed, each round a
// person and an interaction with them in two transactions, now and then a
// checkpoint, printing "committed PERSON INTERACTION" after each round.
func TestCrashChildWriter(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("the crash test's child process; runs only under TestCrashLosesNothing")
	}
	os.Exit(crashWriter(path))
}

// crashWriter is the child's loop; it returns only on failure, or after a
// minute should its parent be gone without killing it.
func crashWriter(path string) int {
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 3
	}
	fmt.Println("opened")
	deadline := time.Now().Add(time.Minute)
	rng := rand.New(rand.NewPCG(uint64(os.Getpid()), uint64(time.Now().UnixNano())))
	for round := 0; time.Now().Before(deadline); round++ {
		p := model.NewPerson(fmt.Sprintf("Person %d-%d", os.Getpid(), round))
		p.Notes = strings.Repeat("Met at the offsite; owes me a reply. ", 1+rng.IntN(100))
		if err := s.CreatePerson(ctx, &p); err != nil {
			fmt.Fprintln(os.Stderr, "child: CreatePerson:", err)
			return 4
		}
		in := model.Interaction{Kind: model.KindCoffee, At: time.Now(), Summary: p.Name, PersonIDs: []int64{p.ID}}
		if err := s.CreateInteraction(ctx, &in); err != nil {
			fmt.Fprintln(os.Stderr, "child: CreateInteraction:", err)
			return 4
		}
		// os.Stdout is unbuffered: the line is in the pipe when Println
		// returns.
		fmt.Printf("committed %d %d\n", p.ID, in.ID)
		if round%5 == 4 {
			if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
				fmt.Fprintln(os.Stderr, "child: checkpoint:", err)
				return 4
			}
		}
	}
	return 5
}

// TestCrashLosesNothing runs a child process that writes in a loop and
// kills it with SIGKILL at random moments (50 times; 10 with -short).
// After each kill the database must open, pass integrity_check, and hold
// every write the child reported committed. Most kills come 5–60 ms after
// the child has opened the database; one in five comes as long after it
// started, so some land inside Open itself (lock, checks, migrations).
func TestCrashLosesNothing(t *testing.T) {
	if os.Getenv(crashChildEnv) != "" {
		t.Skip("in the child")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	kills := 50
	if testing.Short() {
		kills = 10
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	path := filepath.Join(t.TempDir(), "rapport.db")

	var lastPerson, lastInteraction int64 // the newest writes reported committed
	var inOpen int
	start := time.Now()
	for kill := range kills {
		fromStart := rng.IntN(5) == 0
		delay := time.Duration(5+rng.IntN(56)) * time.Millisecond
		p, i, opened := runAndKill(t, exe, path, fromStart, delay)
		if !opened {
			inOpen++
		}
		if p > 0 {
			lastPerson, lastInteraction = p, i
		}
		checkAfterCrash(t, kill, path, lastPerson, lastInteraction)
	}
	t.Logf("%d kills in %v (%d before the child had opened the database); %d people and %d interactions committed",
		kills, time.Since(start).Round(time.Millisecond), inOpen, lastPerson, lastInteraction)
	if lastPerson == 0 {
		t.Error("the child never committed a write: the kills came too soon to test anything")
	}
}

// runAndKill starts the child on path and kills it delay after it started
// (fromStart) or after it opened the database. It returns the newest
// person and interaction it reported committed (0 if none) and whether it
// had opened the database.
func runAndKill(t *testing.T, exe, path string, fromStart bool, delay time.Duration) (person, interaction int64, opened bool) {
	t.Helper()
	cmd := exec.Command(exe, "-test.run=^TestCrashChildWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var deadline <-chan time.Time
	if fromStart {
		deadline = time.After(delay)
	}
	tooLong := time.After(30 * time.Second)
	killed := false
	for {
		select {
		case <-deadline:
			deadline = nil
			if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
				t.Fatal(err)
			}
			killed = true
		case <-tooLong:
			cmd.Process.Kill()
			t.Fatal("the child neither opened the database nor was killed within 30 s")
		case line, ok := <-lines:
			if !ok { // the pipe is closed: the child is gone, all it said read
				err := cmd.Wait()
				if !killed {
					t.Fatalf("the child exited by itself (%v): %s", err, stderr.Bytes())
				}
				return person, interaction, opened
			}
			switch {
			case line == "opened":
				opened = true
				if !fromStart {
					deadline = time.After(delay)
				}
			case strings.HasPrefix(line, "committed "):
				if _, err := fmt.Sscanf(line, "committed %d %d", &person, &interaction); err != nil {
					t.Fatalf("child said %q: %v", line, err)
				}
			}
		}
	}
}

// checkAfterCrash opens the database the child was killed writing, as the
// app would, and checks it is whole and holds every reported write.
func checkAfterCrash(t *testing.T, kill int, path string, lastPerson, lastInteraction int64) {
	t.Helper()
	ctx := t.Context()
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) && lastPerson == 0 {
		return // killed before it made the file
	}
	s, err := Open(path)
	if err != nil {
		t.Fatalf("kill %d: Open after the crash: %v", kill+1, err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("kill %d: %v", kill+1, err)
	}
	// IDs are given in order and nothing is deleted, so the reported IDs
	// are all present when the count reaches them without gaps.
	for _, table := range []struct {
		name string
		last int64
	}{{"person", lastPerson}, {"interaction", lastInteraction}} {
		var n, maxID int64
		if err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(max(id), 0) FROM `+table.name).Scan(&n, &maxID); err != nil {
			t.Fatalf("kill %d: count %s: %v", kill+1, table.name, err)
		}
		if n < table.last || n != maxID {
			t.Fatalf("kill %d: %d rows in %s (highest ID %d); the child had reported %d committed",
				kill+1, n, table.name, maxID, table.last)
		}
	}
	var orphans int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM interaction i
		WHERE NOT EXISTS (SELECT 1 FROM interaction_person ip WHERE ip.interaction_id = i.id)`).Scan(&orphans); err != nil {
		t.Fatal(err)
	}
	if orphans > 0 {
		t.Fatalf("kill %d: %d interactions without their participant: a transaction was torn", kill+1, orphans)
	}
}
