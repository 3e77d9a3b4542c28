package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"rapport/model"
	"rapport/storage"
)

const logUsage = `usage: rapport log [--yes] [--db PATH] 'LINE'
  LINE is: KIND with NAME[, NAME…] [WHEN][: SUMMARY] [; I owe her WHAT by WHEN] [; NAME owes me WHAT by WHEN]
  e.g.     rapport log 'coffee with Helena yesterday: the reorg; I owe her the migration plan by Fri'`

// runLog reads one quick-capture line, prints what it would save and, with
// --yes, saves it: the same line and preview as the window's quick capture.
func runLog(args []string, stdout, stderr io.Writer) int {
	return logLine(args, stdout, stderr, time.Now)
}

// logLine is runLog with its clock given.
func logLine(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	flags := flag.NewFlagSet("rapport log", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dbFlag := flags.String("db", "", "the database file")
	yes := flags.Bool("yes", false, "save (without it, only show what would be saved)")
	// The line may come before or after the flags, quoted or not.
	words, ok := parseInterleaved(flags, args)
	if !ok {
		return 2
	}
	line := strings.TrimSpace(strings.Join(words, " "))
	if line == "" {
		fmt.Fprintln(stderr, logUsage)
		return 2
	}
	st := openExisting("rapport log", dbPath(*dbFlag), storage.Open,
		"Rapport has this database open: use its Search or log box (Ctrl+K), or close it first.", stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	return logCapture(st, line, *yes, now(), stdout, stderr)
}

// logCapture parses line against the active people of st, prints the
// preview and, when yes, saves it.
func logCapture(st *storage.Store, line string, yes bool, now time.Time, stdout, stderr io.Writer) int {
	ctx := context.Background()
	summaries, err := st.People(ctx, false)
	if err != nil {
		fmt.Fprintln(stderr, "rapport log:", err)
		return 1
	}
	people := make([]model.Person, len(summaries))
	for i, p := range summaries {
		people[i] = p.Person
	}
	c, err := model.ParseCapture(line, people, now)
	if err != nil {
		fmt.Fprintf(stderr, "rapport log: cannot read %v\nNothing was saved.\n", err)
		return 1
	}
	fmt.Fprintln(stdout, c.Preview)
	if !yes {
		fmt.Fprintln(stdout, "Not saved: run again with --yes to save it.")
		return 0
	}
	res, err := st.LogCapture(ctx, c)
	if err != nil {
		fmt.Fprintf(stderr, "rapport log: %v\nNothing was saved.\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Saved: interaction %d and %d promise(s).\n", res.InteractionID, len(res.PromiseIDs))
	return 0
}
