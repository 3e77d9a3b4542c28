package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"rapport/model"
)

const searchUsage = `usage: rapport search [--db PATH] [--json] [--limit N] QUERY...
  QUERY is what the search box takes: words (found as prefixes), "quoted phrases" and filters,
  e.g. rapport search 'reorg is:interaction stance:skeptic after:last month'`

// runSearch prints what the query finds, one hit a line: kind, date,
// person and snippet, tab-separated, the matched words between « and ».
// With --json it prints a JSON array instead. Nothing found is exit status
// 0 with "No results" on standard error, so that standard output holds
// results alone.
func runSearch(args []string, stdout, stderr io.Writer) int {
	return searchWith(args, stdout, stderr, time.Now)
}

// searchWith is runSearch with its clock given.
func searchWith(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	flags := flag.NewFlagSet("rapport search", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dbFlag := flags.String("db", "", "the database file")
	asJSON := flags.Bool("json", false, "print the results as a JSON array")
	limit := flags.Int("limit", 200, "print at most this many results")
	// The query may come before or after the flags, quoted or not.
	words, ok := parseInterleaved(flags, args)
	if !ok {
		return 2
	}
	q := model.ParseSearch(strings.Join(words, " "), now())
	if q.Empty() || *limit < 1 {
		fmt.Fprintln(stderr, searchUsage)
		return 2
	}
	// Searching writes nothing: it reads beside a window that has the
	// database open.
	st := openForReading("rapport search", dbPath(*dbFlag), stderr)
	if st == nil {
		return 1
	}
	defer st.Close()
	st.Now = now
	res, err := st.Search(context.Background(), q, *limit)
	if err != nil {
		fmt.Fprintln(stderr, "rapport search:", err)
		return 1
	}
	if err := printHits(stdout, res.Hits, *asJSON); err != nil {
		fmt.Fprintln(stderr, "rapport search:", err)
		return 1
	}
	switch {
	case res.Total == 0:
		fmt.Fprintln(stderr, "No results")
	case res.Total > len(res.Hits):
		fmt.Fprintf(stderr, "%d of %d results shown (--limit N for more)\n", len(res.Hits), res.Total)
	}
	return 0
}

// printHits writes the hits as lines or, asJSON, as a JSON array.
func printHits(w io.Writer, hits []model.SearchHit, asJSON bool) error {
	if asJSON {
		out := make([]jsonHit, len(hits))
		for i, h := range hits {
			out[i] = toJSONHit(h)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for _, h := range hits {
		date := "-"
		if !h.Date.IsZero() {
			date = h.Date.Local().Format(time.DateOnly)
			if isDay(h.Date) {
				date = h.Date.Format(time.DateOnly)
			}
		}
		person := h.PersonName
		if person == "" {
			person = "-"
		}
		line := strings.Join([]string{string(h.Kind), date, oneLine(person), oneLine(hitText(h, "«", "»"))}, "\t")
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// isDay reports whether t is a day as the store keeps days: midnight UTC.
func isDay(t time.Time) bool {
	return t.Location() == time.UTC && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

// hitText is the hit's title and, after a dash, its snippet, with the
// matched words between open and close.
func hitText(h model.SearchHit, open, close string) string {
	title, snippet := spansText(h.TitleSpans, open, close), spansText(h.Snippet, open, close)
	if strings.TrimSpace(title) == "" {
		title = h.Title
	}
	if strings.TrimSpace(snippet) == "" {
		return title
	}
	return title + " — " + snippet
}

// spansText is the spans' text with the matched ones between open and
// close.
func spansText(spans []model.Span, open, close string) string {
	var b strings.Builder
	for _, sp := range spans {
		if sp.Match {
			b.WriteString(open + sp.Text + close)
		} else {
			b.WriteString(sp.Text)
		}
	}
	return b.String()
}

// oneLine keeps text on one line of a tab-separated row.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// jsonHit is one hit as --json prints it.
type jsonHit struct {
	Kind       string     `json:"kind"`
	ID         int64      `json:"id"`
	PlanPart   string     `json:"plan_part,omitempty"`
	RoleID     int64      `json:"role_id,omitempty"`
	PersonID   int64      `json:"person_id,omitempty"`
	PersonName string     `json:"person,omitempty"`
	Date       string     `json:"date,omitempty"`
	Title      string     `json:"title"`
	Snippet    string     `json:"snippet"`
	Spans      []jsonSpan `json:"spans"`
	TitleSpans []jsonSpan `json:"title_spans"`
}

// jsonSpan is a piece of a snippet as --json prints it.
type jsonSpan struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

func jsonSpans(spans []model.Span) []jsonSpan {
	out := []jsonSpan{}
	for _, sp := range spans {
		out = append(out, jsonSpan{Text: sp.Text, Match: sp.Match})
	}
	return out
}

func toJSONHit(h model.SearchHit) jsonHit {
	j := jsonHit{Kind: string(h.Kind), ID: h.ID, PlanPart: h.PlanPart, RoleID: h.RoleID, PersonID: h.PersonID,
		PersonName: h.PersonName, Title: h.Title, Snippet: spansText(h.Snippet, "", ""),
		Spans: jsonSpans(h.Snippet), TitleSpans: jsonSpans(h.TitleSpans)}
	switch {
	case h.Date.IsZero():
	case isDay(h.Date):
		j.Date = h.Date.Format(time.DateOnly)
	default:
		j.Date = h.Date.Format(time.RFC3339)
	}
	return j
}
