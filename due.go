package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"time"

	"rapport/model"
)

const dueUsage = `usage: rapport due [--db PATH] [--json]
  prints the promises overdue, due today and due this week (both ways), today's meetings
  and the gap actions due this week; exit status 0 when no promise is overdue or due today,
  3 when some are, 1 on an error`

// runDue prints what is due: for a status bar or a script. It reads
// beside a window that has the database open.
func runDue(args []string, stdout, stderr io.Writer) int {
	return dueWith(args, stdout, stderr, time.Now)
}

// dueWith is runDue with its clock given.
func dueWith(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	flags := flag.NewFlagSet("rapport due", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dbFlag := flags.String("db", "", "the database file")
	asJSON := flags.Bool("json", false, "print the report as one JSON object")
	rest, ok := parseInterleaved(flags, args)
	if !ok {
		return 2
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "rapport due: unexpected argument %q\n%s\n", rest[0], dueUsage)
		return 2
	}
	st := openForReading("rapport due", dbPath(*dbFlag), stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	r, err := st.Due(context.Background(), now())
	if err != nil {
		fmt.Fprintln(stderr, "rapport due:", err)
		return 1
	}
	if *asJSON {
		err = printDueJSON(stdout, r)
	} else {
		err = printDue(stdout, r)
	}
	if err != nil {
		fmt.Fprintln(stderr, "rapport due:", err)
		return 1
	}
	if r.Empty() {
		fmt.Fprintln(stderr, "Nothing is due.")
	}
	return r.ExitStatus()
}

// printDue writes the report in sections, one item a line; an empty
// section is left out.
func printDue(w io.Writer, r model.DueReport) error {
	var lines []string
	section := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		lines = append(lines, title)
		for _, it := range items {
			lines = append(lines, "  "+it)
		}
	}
	promises := func(ps []model.Promise) (out []string) {
		for _, p := range ps {
			out = append(out, p.DueOn.Format("Mon 2006-01-02")+"  "+oneLine(r.PromiseLine(p)))
		}
		return out
	}
	section(fmt.Sprintf("Overdue (%d)", len(r.Overdue)), promises(r.Overdue))
	section(fmt.Sprintf("Due today (%d)", len(r.DueToday)), promises(r.DueToday))
	section(fmt.Sprintf("Due this week (%d)", len(r.DueThisWeek)), promises(r.DueThisWeek))
	var meetings, actions []string
	for _, m := range r.Meetings {
		meetings = append(meetings, oneLine(r.MeetingLine(m)))
	}
	section(fmt.Sprintf("Meetings today (%d)", len(r.Meetings)), meetings)
	for _, a := range r.Actions {
		line := a.Action.DueOn.Format("Mon 2006-01-02") + "  " + oneLine(a.Action.Title+" — "+a.Requirement+" · "+a.Role)
		if r.ActionOverdue(a) {
			line += " (overdue)"
		}
		actions = append(actions, line)
	}
	section(fmt.Sprintf("Gap actions due (%d)", len(r.Actions)), actions)
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}

// jsonDue is the report as --json prints it. Lists are [] when empty.
type jsonDue struct {
	Now         string           `json:"now"`
	Pressing    int              `json:"pressing"`
	Summary     string           `json:"summary"`
	Overdue     []jsonDuePromise `json:"overdue"`
	DueToday    []jsonDuePromise `json:"due_today"`
	DueThisWeek []jsonDuePromise `json:"due_this_week"`
	Meetings    []jsonDueMeeting `json:"meetings_today"`
	Actions     []jsonDueAction  `json:"gap_actions"`
}

// jsonDuePromise is a promise as --json prints it; direction is "mine"
// (you owe it) or "theirs" (owed to you).
type jsonDuePromise struct {
	ID        int64  `json:"id"`
	Direction string `json:"direction"`
	PersonID  int64  `json:"person_id"`
	Person    string `json:"person"`
	What      string `json:"what"`
	DueOn     string `json:"due_on"`
}

// jsonDueMeeting is a meeting today as --json prints it.
type jsonDueMeeting struct {
	ID       int64  `json:"id"`
	PersonID int64  `json:"person_id"`
	Person   string `json:"person"`
	Kind     string `json:"kind"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Location string `json:"location,omitempty"`
}

// jsonDueAction is a gap action as --json prints it.
type jsonDueAction struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	DueOn       string `json:"due_on"`
	Overdue     bool   `json:"overdue"`
	Requirement string `json:"requirement"`
	Role        string `json:"role"`
}

// printDueJSON writes the report as one JSON object.
func printDueJSON(w io.Writer, r model.DueReport) error {
	out := jsonDue{Now: r.Now.Format(time.RFC3339), Pressing: r.Pressing(), Summary: r.DigestText(),
		Overdue: jsonDuePromises(r, r.Overdue), DueToday: jsonDuePromises(r, r.DueToday),
		DueThisWeek: jsonDuePromises(r, r.DueThisWeek), Meetings: []jsonDueMeeting{}, Actions: []jsonDueAction{}}
	for _, m := range r.Meetings {
		out.Meetings = append(out.Meetings, jsonDueMeeting{ID: m.ID, PersonID: m.PersonID, Person: r.Name(m.PersonID),
			Kind: string(m.Kind), Start: m.Start.In(r.Now.Location()).Format(time.RFC3339),
			End: m.End().In(r.Now.Location()).Format(time.RFC3339), Location: m.Location})
	}
	for _, a := range r.Actions {
		out.Actions = append(out.Actions, jsonDueAction{ID: a.Action.ID, Title: a.Action.Title,
			DueOn: a.Action.DueOn.Format(time.DateOnly), Overdue: r.ActionOverdue(a), Requirement: a.Requirement, Role: a.Role})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func jsonDuePromises(r model.DueReport, ps []model.Promise) []jsonDuePromise {
	out := []jsonDuePromise{}
	for _, p := range ps {
		out = append(out, jsonDuePromise{ID: p.ID, Direction: string(p.Direction), PersonID: p.PersonID,
			Person: r.Name(p.PersonID), What: p.What, DueOn: p.DueOn.Format(time.DateOnly)})
	}
	return out
}
