package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/ics"
)

// inviteDB is a database with Dana and one coffee with her on 1 December
// 2026 at 10:00 UTC; it returns the path and the meeting's ID.
func inviteDB(t *testing.T) (string, int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rapport.db")
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	p := model.NewPerson("Dana Reyes")
	if err := st.CreatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	m := model.Meeting{PersonID: p.ID, Kind: model.MeetingCoffee, Start: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC),
		Duration: 30 * time.Minute, Location: "Café Nero", Agenda: "Hi Dana — coffee to catch up."}
	if err := st.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	return path, m.ID
}

// event decodes the one VEVENT of a calendar, after checking it lints clean.
func event(t *testing.T, data []byte) (*ical.Calendar, *ical.Component) {
	t.Helper()
	if errs := ics.Lint(data); len(errs) > 0 {
		t.Fatalf("lint: %v\n%s", errs, data)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	evs := cal.Events()
	if len(evs) != 1 {
		t.Fatalf("%d events", len(evs))
	}
	return cal, evs[0].Component
}

func TestInviteCommand(t *testing.T) {
	db, id := inviteDB(t)
	ref := strconv.FormatInt(id, 10)
	run1 := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := run(args, &out, &errOut)
		return code, out.String(), errOut.String()
	}

	code, out, errOut := run1("invite", ref, "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	cal, ev := event(t, []byte(out))
	if m := cal.Props.Get(ical.PropMethod); m != nil {
		t.Errorf("METHOD = %s, want none: a publish needs an organizer, and none is set yet", m.Value)
	}
	if s := ev.Props.Get(ical.PropSummary).Value; s != "Coffee with Dana Reyes" {
		t.Errorf("SUMMARY = %q", s)
	}

	code, _, errOut = run1("invite", "--request", ref, "--db", db)
	if code != 1 || !strings.Contains(errOut, "your e-mail address") {
		t.Errorf("request without the user's address: exit %d, %q", code, errOut)
	}
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	settings := model.DefaultSettings()
	settings.UserName, settings.UserEmail = "Sam Lee", "sam@example.com"
	if err := st.SaveSettings(ctx, settings); err != nil {
		t.Fatal(err)
	}
	m, _ := st.Meeting(ctx, id)
	dana, _ := st.Person(ctx, m.PersonID)
	dana.Email = "dana@example.com"
	if err := st.UpdatePerson(ctx, &dana); err != nil {
		t.Fatal(err)
	}
	st.Close()

	file := filepath.Join(t.TempDir(), "coffee.ics")
	code, out, errOut = run1("invite", ref, "--request", "--out", file, "--db", db)
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(file); info.Mode().Perm() != 0o600 {
		t.Errorf("invite file mode %v, want 0600", info.Mode().Perm())
	}
	cal, ev = event(t, data)
	if m := cal.Props.Get(ical.PropMethod); m == nil || m.Value != "REQUEST" {
		t.Errorf("METHOD = %v, want REQUEST", m)
	}
	if a := ev.Props.Get(ical.PropAttendee); a == nil || a.Value != "mailto:dana@example.com" || a.Params.Get(ical.ParamCommonName) != "Dana Reyes" {
		t.Errorf("ATTENDEE = %+v", a)
	}
	if o := ev.Props.Get(ical.PropOrganizer); o == nil || o.Value != "mailto:sam@example.com" {
		t.Errorf("ORGANIZER = %+v", o)
	}
	if s := ev.Props.Get(ical.PropSummary).Value; s != "Coffee with Sam Lee" {
		t.Errorf("SUMMARY of Dana's copy = %q, want it to name the sender, Sam Lee", s)
	}

	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"invite", "--db", db}, 2, "usage: rapport invite"},
		{[]string{"invite", "x1", "--db", db}, 2, "not a meeting number"},
		{[]string{"invite", "999", "--db", db}, 1, "not found"},
		{[]string{"invite", ref, "--db", filepath.Join(t.TempDir(), "none.db")}, 1, "no such file"},
	} {
		code, _, errOut := run1(c.args...)
		if code != c.code || !strings.Contains(errOut, c.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errOut, c.code, c.err)
		}
	}
}

// TestReexportAfterChange is the round trip through the real store and
// encoder: export, change the time, export again: the same UID with a
// higher SEQUENCE, so calendars update the entry instead of adding one.
func TestReexportAfterChange(t *testing.T) {
	db, id := inviteDB(t)
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	first, _, _, err := inviteFor(ctx, st, id, false, now)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := st.Meeting(ctx, id)
	m.Start = m.Start.Add(90 * time.Minute)
	if err := st.UpdateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	second, _, _, err := inviteFor(ctx, st, id, false, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	_, a := event(t, first)
	_, b := event(t, second)
	if a.Props.Get(ical.PropUID).Value != b.Props.Get(ical.PropUID).Value {
		t.Errorf("UID changed: %s then %s", a.Props.Get(ical.PropUID).Value, b.Props.Get(ical.PropUID).Value)
	}
	seqA, _ := strconv.Atoi(a.Props.Get(ical.PropSequence).Value)
	seqB, _ := strconv.Atoi(b.Props.Get(ical.PropSequence).Value)
	if seqB <= seqA {
		t.Errorf("SEQUENCE %d then %d, want it to grow", seqA, seqB)
	}
	if got := b.Props.Get(ical.PropDateTimeStart).Value; got != "20261201T113000Z" {
		t.Errorf("DTSTART after the change = %s", got)
	}
}

func TestSystemZoneHasAName(t *testing.T) {
	t.Setenv("TZ", "America/New_York")
	if z := systemZone(); z == nil || z.String() != "America/New_York" {
		t.Errorf("systemZone() = %v with TZ set", z)
	}
	t.Setenv("TZ", ":Europe/Paris")
	if z := systemZone(); z == nil || z.String() != "Europe/Paris" {
		t.Errorf("systemZone() = %v with TZ=:Europe/Paris", z)
	}
}
