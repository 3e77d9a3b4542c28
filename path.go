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

const pathUsage = `usage: rapport path [--db PATH] NAME
  prints the best chains of introductions from you to NAME, one per line,
  e.g. rapport path Helena`

// runPath prints the best warm paths from the user to the person a name
// stands for: the same paths as the person page's "How to reach".
func runPath(args []string, stdout, stderr io.Writer) int {
	return pathLines(args, stdout, stderr, time.Now)
}

// pathLines is runPath with its clock given.
func pathLines(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	flags := flag.NewFlagSet("rapport path", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dbFlag := flags.String("db", "", "the database file")
	// The name may come before or after the flags, in one word or several.
	words, ok := parseInterleaved(flags, args)
	if !ok {
		return 2
	}
	name := strings.TrimSpace(strings.Join(words, " "))
	if name == "" {
		fmt.Fprintln(stderr, pathUsage)
		return 2
	}
	st := openForReading("rapport path", dbPath(*dbFlag), stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	return printPaths(st, name, now(), stdout, stderr)
}

// printPaths finds the person name stands for among the active people of
// st and prints the paths to them.
func printPaths(st *storage.Store, name string, now time.Time, stdout, stderr io.Writer) int {
	ctx := context.Background()
	summaries, err := st.People(ctx, false)
	if err != nil {
		fmt.Fprintln(stderr, "rapport path:", err)
		return 1
	}
	people := make([]model.Person, len(summaries))
	for i, p := range summaries {
		people[i] = p.Person
	}
	target, err := model.FindPerson(name, people)
	if err != nil {
		fmt.Fprintf(stderr, "rapport path: %v\n", err)
		return 1
	}
	paths, err := st.WarmPaths(ctx, target.ID, now)
	if err != nil {
		fmt.Fprintln(stderr, "rapport path:", err)
		return 1
	}
	if len(paths) == 0 {
		fmt.Fprintf(stderr, "rapport path: no warm path to %s within %d steps: nobody you know is tied to them, "+
			"or only through someone at odds with them or blocking you.\n", target.Name, model.MaxPathHops)
		return 1
	}
	for _, p := range paths {
		fmt.Fprintln(stdout, strings.Join(p.Names(), " → "))
	}
	return 0
}
