//go:build smoke

package main

import (
	"bufio"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"rapport/model"
)

// upkeepWait bounds how long the window may take to show what an action
// leads to. It is a liveness bound for a slow machine, not a performance
// assertion: the actions are what is measured.
const upkeepWait = 30 * time.Second

// TestSmokeUpkeep drives the real window under Xvfb with xdotool as a user
// would, counting the actions (a key chord, a typed line or a click is
// one) and the raw key and click events sent, and checks the database
// after each task: coffee and a promise logged from Today in at most 3
// actions from the keyboard and at most 5 with the mouse through the Log
// dialog, and a keyboard-only loop (add a person, open one from search,
// log a contact) that sends no mouse event.
//
// The binary is built with the describe tag, so the window writes where
// its texts, buttons and entries are (describe.go) for the clicks.
func TestSmokeUpkeep(t *testing.T) {
	u := startUpkeep(t)

	t.Run("quick log from the keyboard", func(t *testing.T) {
		u.begin(t)
		u.await("Today", func(w upkeepWidgets) bool { return w.has("Reach out") })
		u.key("ctrl+k")
		u.await("the search or log box", func(w upkeepWidgets) bool { return w.onTop().has("Search or log") })
		u.typeLine("coffee with Helena yesterday: the reorg; I owe her the migration plan by Fri")
		u.key("Return")
		u.atMost(3, 0)
		u.awaitRow("the coffee with Helena",
			`SELECT count(*) FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id
			 JOIN person p ON p.id = ip.person_id
			 JOIN promise pr ON pr.interaction_id = i.id AND pr.person_id = p.id
			 WHERE i.kind = 'coffee' AND i.summary = 'the reorg' AND p.name = 'Helena Sørensen'
			   AND substr(i.at, 1, 10) = ? AND pr.direction = 'mine' AND pr.what = 'the migration plan'
			   AND substr(pr.due_on, 1, 10) = ?`,
			u.day("yesterday", model.DatePast), u.day("Fri", model.DateAhead))
	})

	t.Run("Log dialog with the mouse", func(t *testing.T) {
		u.begin(t)
		u.key("ctrl+1")
		u.begin(t) // going back to Today is not part of the task
		today := u.await("Today's Log buttons", func(w upkeepWidgets) bool { return w.has("Reach out") && w.has("Log") })
		u.click(today.first("button", "Log"))
		form := u.await("the Log dialog", func(w upkeepWidgets) bool { return w.onTop().startsWith("Log interaction with ") != "" })
		name := strings.TrimPrefix(form.onTop().startsWith("Log interaction with "), "Log interaction with ")
		u.typeLine("Planning the migration")
		u.click(form.onTop().first("entry", "What"))
		u.typeLine("the rollout plan by Fri")
		u.click(form.onTop().first("button", "Log"))
		u.atMost(5, 3)
		u.awaitRow("the coffee and promise with "+name,
			`SELECT count(*) FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id
			 JOIN person p ON p.id = ip.person_id
			 JOIN promise pr ON pr.interaction_id = i.id AND pr.person_id = p.id
			 WHERE i.kind = 'coffee' AND i.summary = 'Planning the migration' AND p.name = ?
			   AND pr.direction = 'mine' AND pr.what = 'the rollout plan' AND substr(pr.due_on, 1, 10) = ?`,
			name, u.day("Fri", model.DateAhead))
	})

	t.Run("keyboard only: add a person, open one from search, log a contact", func(t *testing.T) {
		u.begin(t)
		u.key("ctrl+n")
		u.await("the new person form", func(w upkeepWidgets) bool { return w.onTop().has("New person") })
		u.typeLine("Ana Lindqvist")
		u.key("Return")
		u.awaitRow("Ana Lindqvist", `SELECT count(*) FROM person WHERE name = 'Ana Lindqvist'`)
		u.await("Ana's page", func(w upkeepWidgets) bool { return w.heading("Ana Lindqvist") })

		u.key("ctrl+f")
		u.typeLine("Daniel")
		u.key("Return")
		daniel := u.await("a person page opened from search", func(w upkeepWidgets) bool {
			return len(w.onTop()) > 0 && w[0].layer == 0 && w.headingStarting("Daniel ")
		})
		name := daniel.headingText("Daniel ")

		u.key("ctrl+l")
		u.await("the log form", func(w upkeepWidgets) bool { return w.onTop().has("Log interaction with " + name) })
		u.typeLine("Talked about the platform roadmap")
		u.key("Return")
		u.awaitRow("the coffee with "+name,
			`SELECT count(*) FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id
			 JOIN person p ON p.id = ip.person_id
			 WHERE i.kind = 'coffee' AND i.summary = 'Talked about the platform roadmap' AND p.name = ?`, name)
		u.atMost(9, 0)
	})
}

// upkeep is the app running on a sample database under Xvfb, and the
// count of what the test sent it.
type upkeep struct {
	t       *testing.T
	env     []string
	db      *sql.DB
	win     string
	widgets string // where the window describes itself
	app     *smokeProc

	actions, keys, clicks int
}

// startUpkeep builds the app with the describe tag, writes the sample
// network, and opens the window at 1024×640 on a private display.
func startUpkeep(t *testing.T) *upkeep {
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for the upkeep test (make test-deps): %v", tool, err)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "rapport")
	path := filepath.Join(dir, "demo.db")
	if out, err := exec.Command("go", "build", "-tags", "describe", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build -tags describe: %v\n%s", err, out)
	}
	if out, err := smokeRun(2*time.Minute, smokeEnv(dir, ""), bin, "demo", "--db", path); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	u := &upkeep{t: t, widgets: filepath.Join(dir, "widgets.tsv")}
	u.env = smokeEnv(dir, smokeXvfb(t))
	app, shown := smokeOpen(t, append(u.env, "RAPPORT_TEST_WIDGETS="+u.widgets, "FYNE_SCALE=1"), bin, "--db", path)
	if !shown {
		t.Fatalf("no window named Rapport within %v:\n%s", smokeWindowWait, app.output())
	}
	u.app = app
	u.win = strings.Fields(u.xdo("search", "--onlyvisible", "--name", "Rapport"))[0]
	u.xdo("windowsize", u.win, "1024", "640")
	u.xdo("windowmove", u.win, "0", "0")
	u.xdo("windowfocus", u.win)
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	u.db = db
	return u
}

// begin starts counting afresh for the task t.
func (u *upkeep) begin(t *testing.T) {
	u.t, u.actions, u.keys, u.clicks = t, 0, 0, 0
}

// xdo runs xdotool with args and returns what it printed.
func (u *upkeep) xdo(args ...string) string {
	u.t.Helper()
	out, err := smokeRun(10*time.Second, u.env, "xdotool", args...)
	if err != nil {
		u.t.Fatalf("xdotool %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// key presses one chord ("ctrl+k", "Return"): one action, one key event.
func (u *upkeep) key(chord string) {
	u.t.Helper()
	u.xdo("key", "--clearmodifiers", chord)
	u.actions++
	u.keys++
	time.Sleep(300 * time.Millisecond) // let the window take it in before the next one
}

// typeLine types text: one action, a key event per character.
func (u *upkeep) typeLine(text string) {
	u.t.Helper()
	u.xdo("type", "--delay", "20", text)
	u.actions++
	u.keys += len([]rune(text))
	time.Sleep(300 * time.Millisecond)
}

// click clicks the middle of what the window describes as w: one action,
// one click event.
func (u *upkeep) click(w upkeepWidget) {
	u.t.Helper()
	x, y := w.x+w.width/2, w.y+w.height/2
	u.xdo("mousemove", "--window", u.win, strconv.Itoa(x), strconv.Itoa(y), "click", "1")
	u.actions++
	u.clicks++
	time.Sleep(300 * time.Millisecond)
}

// atMost fails the task when it took more than actions actions, or more
// than clicks clicks, and logs what it took.
func (u *upkeep) atMost(actions, clicks int) {
	u.t.Helper()
	u.t.Logf("%d actions: %d key events, %d clicks", u.actions, u.keys, u.clicks)
	if u.actions > actions || u.clicks > clicks {
		u.t.Errorf("took %d actions with %d clicks, want at most %d actions and %d clicks", u.actions, u.clicks, actions, clicks)
	}
}

// day is the date (YYYY-MM-DD) words mean today, read as the app reads them.
func (u *upkeep) day(words string, dir model.DateDirection) string {
	u.t.Helper()
	d, err := model.ParseDate(words, time.Now(), dir)
	if err != nil {
		u.t.Fatal(err)
	}
	return d.Format("2006-01-02")
}

// awaitRow waits until query (a count) finds a row, the app having saved.
func (u *upkeep) awaitRow(what, query string, args ...any) {
	u.t.Helper()
	deadline := time.Now().Add(upkeepWait)
	for {
		var n int
		err := u.db.QueryRow(query, args...).Scan(&n)
		if err == nil && n > 0 {
			return
		}
		if time.Now().After(deadline) {
			u.keep()
			u.t.Fatalf("%s is not in the database after %v (last error %v); the window shows:\n%s", what, upkeepWait, err, u.read())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// upkeepWidget is one line of the window's description.
type upkeepWidget struct {
	layer               int
	kind                string
	x, y, width, height int
	text                string
}

// upkeepWidgets is what the window shows, in its description's order.
type upkeepWidgets []upkeepWidget

// onTop is what the top-most layer (the newest dialog) shows.
func (ws upkeepWidgets) onTop() upkeepWidgets {
	top := 0
	for _, w := range ws {
		top = max(top, w.layer)
	}
	var out upkeepWidgets
	for _, w := range ws {
		if w.layer == top {
			out = append(out, w)
		}
	}
	return out
}

// heading reports whether a heading shows text.
func (ws upkeepWidgets) heading(text string) bool {
	_, ok := ws.find("heading", text)
	return ok
}

// headingStarting reports whether a heading starts with prefix.
func (ws upkeepWidgets) headingStarting(prefix string) bool {
	return ws.headingText(prefix) != ""
}

// headingText is the text of the first heading that starts with prefix.
func (ws upkeepWidgets) headingText(prefix string) string {
	for _, w := range ws {
		if w.kind == "heading" && strings.HasPrefix(w.text, prefix) {
			return w.text
		}
	}
	return ""
}

// first is the top-most widget of kind whose text is text, nearest the
// window's top left; the test fails when there is none.
func (ws upkeepWidgets) first(kind, text string) upkeepWidget {
	best, found := upkeepWidget{}, false
	for _, w := range ws {
		if w.kind == kind && w.text == text && (!found || w.layer > best.layer ||
			w.layer == best.layer && (w.y < best.y || w.y == best.y && w.x < best.x)) {
			best, found = w, true
		}
	}
	if !found {
		panic(fmt.Sprintf("no %s %q in the window", kind, text))
	}
	return best
}

// startsWith is the first text that starts with prefix, "" when none.
func (ws upkeepWidgets) startsWith(prefix string) string {
	for _, w := range ws {
		if strings.HasPrefix(w.text, prefix) {
			return w.text
		}
	}
	return ""
}

// has reports whether some text, button or entry shows text.
func (ws upkeepWidgets) has(text string) bool {
	_, ok := ws.find("", text)
	return ok
}

// find returns the top-most widget of kind ("" for any) showing text.
func (ws upkeepWidgets) find(kind, text string) (upkeepWidget, bool) {
	for i := len(ws) - 1; i >= 0; i-- {
		if w := ws[i]; w.text == text && (kind == "" || w.kind == kind) {
			return w, true
		}
	}
	return upkeepWidget{}, false
}

// read returns the window's latest description, as text.
func (u *upkeep) read() string {
	b, _ := os.ReadFile(u.widgets)
	return string(b)
}

// widgetsNow parses the window's latest description.
func (u *upkeep) widgetsNow() upkeepWidgets {
	var ws upkeepWidgets
	sc := bufio.NewScanner(strings.NewReader(u.read()))
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), "\t", 7)
		if len(f) != 7 {
			continue
		}
		var w upkeepWidget
		w.layer, _ = strconv.Atoi(f[0])
		w.kind = f[1]
		w.x, _ = strconv.Atoi(f[2])
		w.y, _ = strconv.Atoi(f[3])
		w.width, _ = strconv.Atoi(f[4])
		w.height, _ = strconv.Atoi(f[5])
		w.text, _ = strconv.Unquote(f[6])
		ws = append(ws, w)
	}
	return ws
}

// await waits until the window shows what ok looks for, and returns it.
func (u *upkeep) await(what string, ok func(upkeepWidgets) bool) upkeepWidgets {
	u.t.Helper()
	deadline := time.Now().Add(upkeepWait)
	for {
		if u.app.exited() {
			u.t.Fatalf("the app exited: %v\n%s", u.app.err(), u.app.output())
		}
		if ws := u.widgetsNow(); ok(ws) {
			return ws
		}
		if time.Now().After(deadline) {
			u.keep()
			u.t.Fatalf("the window did not show %s within %v; it shows:\n%s", what, upkeepWait, u.read())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// keep saves a screenshot of the display for a failure.
func (u *upkeep) keep() {
	shot := filepath.Join(u.t.TempDir(), "upkeep.png")
	if _, err := smokeRun(30*time.Second, u.env, "import", "-window", "root", shot); err == nil {
		smokeKeepAs(u.t, shot, "upkeep-"+strings.Map(fileNameRune, u.t.Name())+".png")
	}
}

// fileNameRune keeps letters and digits of a test's name for a file name.
func fileNameRune(r rune) rune {
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
		return r
	}
	return '-'
}
