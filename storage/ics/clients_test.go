package ics

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

// The invites are also read by real calendar clients' parsers, run as
// programs from testdata/clients: ical.js (Thunderbird's) under Node.js,
// and libical (Evolution's, KDE's, ...) through its GObject binding under
// Debian's Python. `make test` installs both (Debian packages nodejs, npm,
// gir1.2-ical-3.0 and python3-gi; ical.js by npm ci into
// testdata/clients/node_modules) and sets RAPPORT_REQUIRE_CLIENTS=1, so a
// checker missing there fails the test; a plain `go test` skips the
// checkers it cannot find.

// clientsDir holds the checker scripts and ical.js's node_modules.
const clientsDir = "testdata/clients"

// requireClientsEnv, when set to anything but "" or "0", turns a missing
// checker from a skip into a failure.
const requireClientsEnv = "RAPPORT_REQUIRE_CLIENTS"

// checkerTimeout bounds one run of a checker (a few files take well under
// a second; a cold Python with GObject introspection about one).
const checkerTimeout = 2 * time.Minute

// A checker is one client's parser, run as a command on .ics files. It
// exits 0 when it accepts every file, 1 naming each file it rejects on
// standard error, and 2 on bad usage.
type checker struct {
	name string
	// find returns the command line that runs the checker on the files
	// appended to it, or why it cannot run here.
	find func() ([]string, error)
}

var checkers = []checker{
	{"ical.js", findICALJS},
	{"libical", findLibical},
}

func findICALJS() ([]string, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, errors.New("node is not installed (Debian package nodejs)")
	}
	mod := filepath.Join(clientsDir, "node_modules", "ical.js", "package.json")
	if _, err := os.Stat(mod); err != nil {
		return nil, fmt.Errorf("ical.js is not installed in %s/node_modules (run: cd %s && npm ci)", clientsDir, filepath.Join("storage/ics", clientsDir))
	}
	return []string{node, filepath.Join(clientsDir, "check_icaljs.mjs")}, nil
}

func findLibical() ([]string, error) {
	// Debian's python3-gi and gir1.2-ical-3.0 serve Debian's own Python,
	// not one that a version manager puts first on PATH.
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		if python, err = exec.LookPath("python3"); err != nil {
			return nil, errors.New("python3 is not installed")
		}
	}
	return []string{python, filepath.Join(clientsDir, "check_libical.py")}, nil
}

// A run is what one run of a checker printed, and its exit code (-1 when
// it could not be run or was killed).
type run struct {
	stdout, stderr string
	code           int
}

func (r run) String() string {
	return strings.TrimSpace(r.stderr + "\n" + r.stdout)
}

// runChecker runs the command line argv with args.
func runChecker(t *testing.T, argv []string, args ...string) run {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), checkerTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], append(argv[1:len(argv):len(argv)], args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err := cmd.Run()
	r := run{stdout: stdout.String(), stderr: stderr.String()}
	if ctx.Err() != nil {
		t.Fatalf("%s timed out after %v:\n%s", strings.Join(argv, " "), checkerTimeout, r)
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.ExitCode() >= 0:
		r.code = exit.ExitCode()
	default:
		r.code = -1
		r.stderr += err.Error()
	}
	return r
}

// available returns the checker's command line after a probe run, or
// skips t (fails it when RAPPORT_REQUIRE_CLIENTS is set) when the checker
// cannot run here.
func (c checker) available(t *testing.T) []string {
	t.Helper()
	missing := func(why string) {
		t.Helper()
		if v := os.Getenv(requireClientsEnv); v != "" && v != "0" {
			t.Fatalf("%s checker unavailable and %s=%s: %s (make test-deps ics-clients installs it)", c.name, requireClientsEnv, v, why)
		}
		t.Skipf("%s checker unavailable: %s (make test installs it; set %s=1 to fail instead)", c.name, why, requireClientsEnv)
	}
	argv, err := c.find()
	if err != nil {
		missing(err.Error())
	}
	r := runChecker(t, argv, "--probe")
	if r.code != 0 {
		missing(fmt.Sprintf("%s --probe exited %d: %s", strings.Join(argv, " "), r.code, r))
	}
	t.Logf("%s", r)
	return argv
}

// clientInvites returns the invites of each calendar the checkers must
// accept, by file name: every shape of invite the package writes.
func clientInvites(t *testing.T) map[string][]Invite {
	ny := mustZone(t, "America/New_York")
	london := mustZone(t, "Europe/London")
	sydney := mustZone(t, "Australia/Sydney")
	kolkata := mustZone(t, "Asia/Kolkata")
	organizer := Party{Name: "Sam Lee", Email: "sam@example.com"}

	publish := coffeeInvite(t) // one-off, VALARM, no ORGANIZER

	publishOrganizer := coffeeInvite(t)
	publishOrganizer.Organizer = organizer

	request := coffeeInvite(t)
	request.Method = MethodRequest
	request.Organizer = organizer
	request.Meeting.ReminderMinutes = 0

	// Weekly from a Tuesday in February: the first occurrences cross the
	// change to daylight saving time on 14 March 2027.
	weeklyNY := oneOnOneInvite(t)
	weeklyNY.Meeting.UID = "weekly-new-york@rapport"
	weeklyNY.Meeting.Recurrence = model.RecurrenceWeekly
	weeklyNY.Zone = ny
	weeklyNY.Meeting.Start = time.Date(2027, 2, 16, 9, 30, 0, 0, ny)
	weeklyNY.Meeting.ReminderMinutes = 10

	// Monthly on the 2nd Tuesday, and on the last Friday (29 January 2027
	// is the month's 5th), through both of the year's changes.
	monthlyLondon := oneOnOneInvite(t)
	monthlyLondon.Meeting.UID = "monthly-london@rapport"
	monthlyLondon.Meeting.Recurrence = model.RecurrenceMonthly
	monthlyLondon.Zone = london
	monthlyLondon.Meeting.Start = time.Date(2027, 1, 12, 17, 0, 0, 0, london)

	lastFriday := monthlyLondon
	lastFriday.Meeting.UID = "monthly-last-friday-london@rapport"
	lastFriday.Meeting.Start = time.Date(2027, 1, 29, 8, 15, 0, 0, london)

	monthlyNY := weeklyNY
	monthlyNY.Meeting.UID = "monthly-new-york@rapport"
	monthlyNY.Meeting.Recurrence = model.RecurrenceMonthly

	weeklyLondon := monthlyLondon
	weeklyLondon.Meeting.UID = "weekly-london@rapport"
	weeklyLondon.Meeting.Recurrence = model.RecurrenceWeekly
	weeklyLondon.Meeting.Start = time.Date(2027, 3, 2, 12, 0, 0, 0, london)

	sydneyInvite := oneOnOneInvite(t) // southern hemisphere
	sydneyInvite.Meeting.UID = "biweekly-sydney@rapport"
	sydneyInvite.Zone = sydney
	sydneyInvite.Meeting.Start = time.Date(2027, 3, 23, 16, 0, 0, 0, sydney)

	kolkataInvite := oneOnOneInvite(t) // no daylight saving, +05:30
	kolkataInvite.Meeting.UID = "weekly-kolkata@rapport"
	kolkataInvite.Meeting.Recurrence = model.RecurrenceWeekly
	kolkataInvite.Zone = kolkata
	kolkataInvite.Meeting.Start = time.Date(2027, 1, 5, 11, 0, 0, 0, kolkata)

	// Unicode everywhere, a CN that needs quoting, and an agenda long
	// enough to fold many times, cut inside multi-byte runes.
	intl := oneOnOneInvite(t)
	intl.Meeting.UID = "unicode-long@rapport"
	intl.Meeting.Recurrence = model.RecurrenceNone
	intl.Zone = nil
	intl.Meeting.Kind = model.MeetingLunch
	intl.Meeting.Location = "Ресторан «Пушкинъ», Тверской бульвар 26А; 東京都千代田区丸の内 1-9-1"
	intl.Meeting.Agenda = strings.Repeat("Zoë's roadmap — naïve café talk, 日本語のテキスト; ", 12) +
		"\r\nEmoji: " + strings.Repeat("🚀😀👩‍💻", 20) + "\nTabs\tand \"quotes\" and back\\slashes."
	intl.With = Party{Name: `Zoë Ångström-Łukasiewicz (山田 太郎); "The Boss": CEO`, Email: "zoe@example.org"}
	intl.Organizer = Party{Name: "Séverine Nørgaard", Email: "severine@example.com"}
	intl.Meeting.ReminderMinutes = 60

	cancelledPublish := publishOrganizer
	cancelledPublish.Meeting.Status = model.MeetingCanceled
	cancelledRequest := request
	cancelledRequest.Meeting.Status = model.MeetingCanceled

	// Several invites in one calendar: one VTIMEZONE per zone.
	several := []Invite{weeklyNY, monthlyLondon, request, lastFriday}
	several[2].Meeting.UID = "several-one-off@rapport"

	return map[string][]Invite{
		"publish-one-off.ics":               {publish},
		"publish-one-off-organizer.ics":     {publishOrganizer},
		"request-one-off.ics":               {request},
		"publish-cancelled-organizer.ics":   {cancelledPublish},
		"request-cancelled.ics":             {cancelledRequest},
		"request-weekly-new-york.ics":       {weeklyNY},
		"request-monthly-new-york.ics":      {monthlyNY},
		"request-weekly-london.ics":         {weeklyLondon},
		"request-monthly-london.ics":        {monthlyLondon},
		"request-monthly-last-friday.ics":   {lastFriday},
		"request-biweekly-sydney.ics":       {sydneyInvite},
		"request-weekly-kolkata.ics":        {kolkataInvite},
		"request-unicode-long-agenda.ics":   {intl},
		"request-several-zones.ics":         several,
		"request-biweekly-berlin-alarm.ics": {withReminder(oneOnOneInvite(t), 5)},
	}
}

func withReminder(inv Invite, minutes int) Invite {
	inv.Meeting.ReminderMinutes = minutes
	return inv
}

// brokenCalendar is an invite damaged in one way that a client rejects.
type brokenCalendar struct {
	name string
	data []byte
	// want maps each checker that must reject the file to a pattern its
	// message must match; a checker not named may accept it.
	want map[string]string
}

// dropLines removes every content line (with its folded continuation
// lines) that starts with prefix, and fails t when there is none.
func dropLines(t *testing.T, data []byte, prefix string) []byte {
	t.Helper()
	var out []string
	dropping, dropped := false, false
	for _, l := range strings.SplitAfter(string(data), "\r\n") {
		switch {
		case strings.HasPrefix(l, " ") && dropping:
		case strings.HasPrefix(l, prefix):
			dropping, dropped = true, true
		default:
			dropping = false
			out = append(out, l)
		}
	}
	if !dropped {
		t.Fatalf("no line starting %q to drop in\n%s", prefix, data)
	}
	return []byte(strings.Join(out, ""))
}

// dropBlock removes the lines from BEGIN:name to END:name.
func dropBlock(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	s := string(data)
	i := strings.Index(s, "BEGIN:"+name+"\r\n")
	end := "END:" + name + "\r\n"
	j := strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("no %s block in\n%s", name, data)
	}
	return []byte(s[:i] + s[j+len(end):])
}

func replaceOnce(t *testing.T, data []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("no %q in\n%s", old, data)
	}
	return bytes.Replace(data, []byte(old), []byte(new), 1)
}

// brokenCalendars damages invites the package writes, so that each
// checker is seen to reject what it should: a checker that accepts
// everything (not installed right, a script that exits 0 early) fails.
func brokenCalendars(t *testing.T) []brokenCalendar {
	oneOff := coffeeInvite(t)
	oneOff.Method = MethodRequest
	oneOff.Organizer = Party{Name: "Sam Lee", Email: "sam@example.com"}
	request := mustMarshal(t, oneOff)
	weekly := oneOnOneInvite(t)
	weekly.Zone = mustZone(t, "America/New_York")
	weekly.Meeting.Start = time.Date(2027, 2, 16, 9, 30, 0, 0, weekly.Zone)
	recurring := mustMarshal(t, weekly)

	return []brokenCalendar{
		{
			// RFC 5546: a REQUEST's VEVENT has exactly one ORGANIZER.
			name: "request-without-organizer.ics",
			data: dropLines(t, request, "ORGANIZER"),
			want: map[string]string{"libical": `INVALID-ITIP.*ORGANIZER`},
		},
		{
			name: "malformed-dtstart.ics",
			data: replaceOnce(t, request, "DTSTART:20261201T080000Z", "DTSTART:20261201T08Z"),
			want: map[string]string{"ical.js": `DTSTART`, "libical": `VALUE-PARSE-ERROR.*DTSTART`},
		},
		{
			name: "malformed-rrule.ics",
			data: replaceOnce(t, recurring, "RRULE:FREQ=WEEKLY;INTERVAL=2", "RRULE:FREQ=FORTNIGHTLY;INTERVAL=2"),
			want: map[string]string{"ical.js": `FORTNIGHTLY`, "libical": `VALUE-PARSE-ERROR.*RRULE`},
		},
		{
			name: "unterminated-vevent.ics",
			data: dropLines(t, request, "END:VEVENT"),
			want: map[string]string{"ical.js": `did not end`, "libical": `parsed no component`},
		},
		{
			// A TZID with no VTIMEZONE leaves ical.js a floating time.
			name: "tzid-without-vtimezone.ics",
			data: dropBlock(t, recurring, "VTIMEZONE"),
			want: map[string]string{"ical.js": `TZID America/New_York`},
		},
		{
			// A VTIMEZONE that disagrees with the IANA database: EDT as
			// UTC-3 puts the summer occurrences an hour off.
			name: "vtimezone-wrong-offset.ics",
			data: replaceOnce(t, recurring, "TZOFFSETTO:-0400", "TZOFFSETTO:-0300"),
			want: map[string]string{"ical.js": `IANA database`},
		},
	}
}

// clientEvent is what a checker's --dump says it read of one VEVENT.
type clientEvent struct {
	UID         string         `json:"uid"`
	Summary     string         `json:"summary"`
	Description *string        `json:"description"`
	Location    *string        `json:"location"`
	Organizer   *clientPerson  `json:"organizer"`
	Attendees   []clientPerson `json:"attendees"`
}

type clientPerson struct {
	CN    *string `json:"cn"`
	Value string  `json:"value"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func clientPartyOf(p Party) clientPerson {
	return clientPerson{CN: optional(cleanParam(p.Name)), Value: "mailto:" + strings.TrimSpace(p.Email)}
}

// wantEvent is what a client must read back of inv: its text as the
// package cleans it, unescaped and unfolded.
func wantEvent(inv Invite) clientEvent {
	m := inv.Meeting
	ev := clientEvent{
		UID:         m.UID,
		Summary:     inviteSummary(inv),
		Description: optional(cleanText(m.Agenda)),
		Location:    optional(cleanText(m.Location)),
		Attendees:   []clientPerson{},
	}
	if inv.Method == MethodRequest || inv.Organizer.Email != "" {
		org := clientPartyOf(inv.Organizer)
		ev.Organizer = &org
	}
	if inv.Method == MethodRequest {
		ev.Attendees = append(ev.Attendees, clientPartyOf(inv.With))
	}
	return ev
}

// dumped reads the JSON lines of a --dump run: the events of each file.
func dumped(t *testing.T, r run) map[string][]clientEvent {
	t.Helper()
	got := map[string][]clientEvent{}
	for _, line := range strings.Split(r.stdout, "\n") {
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var d struct {
			File   string        `json:"file"`
			Events []clientEvent `json:"events"`
		}
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("bad --dump line %q: %v", line, err)
		}
		got[d.File] = d.Events
	}
	return got
}

// TestClientsParse writes every shape of invite, and the golden files,
// and has each client's parser read them: they must all be accepted, read
// back with the text that was written, and damaged copies rejected.
func TestClientsParse(t *testing.T) {
	dir := t.TempDir()
	invites := clientInvites(t)
	var good []string
	write := func(name string, data []byte) {
		t.Helper()
		if errs := Lint(data); len(errs) > 0 {
			t.Errorf("Lint(%s) = %v", name, errs)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		good = append(good, path)
	}
	for _, name := range slices.Sorted(maps.Keys(invites)) {
		data := mustMarshal(t, invites[name]...)
		if name == "request-unicode-long-agenda.ics" && !bytes.Contains(data, []byte("\r\n ")) {
			t.Fatalf("%s has no folded line:\n%s", name, data)
		}
		write(name, data)
	}
	golden, err := filepath.Glob(filepath.Join("testdata", "*.ics"))
	if err != nil || len(golden) == 0 {
		t.Fatalf("no golden files in testdata (%v)", err)
	}
	for _, path := range golden {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		write("golden-"+filepath.Base(path), data)
	}

	brokenDir := filepath.Join(dir, "broken")
	if err := os.Mkdir(brokenDir, 0o755); err != nil {
		t.Fatal(err)
	}
	broken := brokenCalendars(t)
	for _, b := range broken {
		if err := os.WriteFile(filepath.Join(brokenDir, b.name), b.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	for _, c := range checkers {
		t.Run(c.name, func(t *testing.T) {
			argv := c.available(t)

			r := runChecker(t, argv, append([]string{"--dump"}, good...)...)
			if r.code != 0 {
				t.Errorf("%s rejected invites the package writes (exit %d):\n%s", c.name, r.code, r.stderr)
			} else if want := fmt.Sprintf("accepted %d file(s)", len(good)); !strings.Contains(r.stdout, want) {
				t.Errorf("%s exited 0 without saying %q:\n%s", c.name, want, r)
			}
			got := dumped(t, r)
			for name, invs := range invites {
				path := filepath.Join(dir, name)
				events, ok := got[path]
				if !ok {
					t.Errorf("%s: %s printed nothing for it", name, c.name)
					continue
				}
				want := make([]clientEvent, len(invs))
				for i, inv := range invs {
					want[i] = wantEvent(inv)
				}
				gotJSON, _ := json.MarshalIndent(events, "", "  ")
				wantJSON, _ := json.MarshalIndent(want, "", "  ")
				if !bytes.Equal(gotJSON, wantJSON) {
					t.Errorf("%s: %s read\n%s\nwant\n%s", name, c.name, gotJSON, wantJSON)
				}
			}

			for _, b := range broken {
				pattern, ok := b.want[c.name]
				if !ok {
					continue
				}
				path := filepath.Join(brokenDir, b.name)
				r := runChecker(t, argv, path)
				if r.code != 1 {
					t.Errorf("%s on %s exited %d, want 1 (rejected):\n%s", c.name, b.name, r.code, r)
					continue
				}
				re := regexp.MustCompile(regexp.QuoteMeta(path) + ": " + regexp.QuoteMeta(c.name) + ": .*" + pattern)
				if !re.MatchString(r.stderr) {
					t.Errorf("%s on %s: no message matching %q in:\n%s", c.name, b.name, re, r)
				}
			}
		})
	}
}
