package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/ics"
)

// runInvite prints or writes the calendar file of one meeting, exactly as
// the window's Add to my calendar (or, with --request, Invite) makes it.
func runInvite(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rapport invite", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbFlag := fs.String("db", "", "the database file")
	request := fs.Bool("request", false, "an invite to the person (METHOD:REQUEST) instead of an event for your calendar")
	out := fs.String("out", "", "write to this file instead of standard output")
	// The ID may come before or after the flags.
	positional, ok := parseInterleaved(fs, args)
	if !ok {
		return 2
	}
	usageLine := "usage: rapport invite MEETING_ID [--request] [--out FILE] [--db PATH]"
	if len(positional) != 1 {
		fmt.Fprintln(stderr, usageLine)
		return 2
	}
	id, err := strconv.ParseInt(positional[0], 10, 64)
	if err != nil || id <= 0 {
		fmt.Fprintf(stderr, "rapport invite: %q is not a meeting number\n%s\n", positional[0], usageLine)
		return 2
	}
	path := dbPath(*dbFlag)
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintln(stderr, "rapport invite:", err)
		return 1
	}
	st, err := storage.Open(path)
	if err != nil {
		fmt.Fprintln(stderr, "rapport invite:", err)
		return 1
	}
	defer st.Close()
	printNote(stderr, st.Notice())
	data, _, _, err := inviteFor(context.Background(), st, id, *request, time.Now())
	if err != nil {
		fmt.Fprintln(stderr, "rapport invite:", err)
		return 1
	}
	if *out == "" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintln(stderr, "rapport invite:", err)
			return 1
		}
		return 0
	}
	if err := ics.WriteFile(*out, data); err != nil {
		fmt.Fprintln(stderr, "rapport invite:", err)
		return 1
	}
	return 0
}

// inviteFor encodes the meeting with the given ID as the window would: for
// the user's own calendar, or as an invite to the person when request is
// set.
func inviteFor(ctx context.Context, st *storage.Store, id int64, request bool, now time.Time) ([]byte, model.Meeting, model.Person, error) {
	if _, err := st.FollowAgenda(ctx, id, now); err != nil { // a drafted agenda follows the data
		return nil, model.Meeting{}, model.Person{}, err
	}
	pg, err := st.MeetingPage(ctx, id)
	if err != nil {
		return nil, pg.Meeting, pg.Person, err
	}
	m, p, me := pg.Meeting, pg.Person, pg.Settings
	if request && me.UserEmail == "" {
		return nil, m, p, fmt.Errorf("an invite comes from your e-mail address: set it in the window's Settings")
	}
	if request && p.Email == "" {
		return nil, m, p, fmt.Errorf("an invite goes to %s's e-mail address, and there is none: add it to their details", p.Name)
	}
	zone := me.Zone(systemZone())
	if zone == nil && m.Recurrence != model.RecurrenceNone {
		return nil, m, p, fmt.Errorf("a repeating meeting needs a named time zone: set one in the window's Settings or in $TZ")
	}
	data, err := ics.Calendar{}.Marshal(request, me, zone, now, model.ScheduledMeeting{Meeting: m, With: p})
	return data, m, p, err
}
