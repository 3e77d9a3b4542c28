package storage

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"rapport/model"
)

// The index the search reads is made by migrations/0009_search.sql (and
// made again with first letters by 0012_search_letter.sql): one FTS4
// table search_<table> per table searched, whose docid is the row's id,
// kept by triggers. Search asks each kind's table for its matches in
// order (title matches first, then the most recent) with their count, then
// reads what the hits shown need (names, snippets) for those alone.

//go:embed search_rebuild.sql
var searchRebuildSQL string

// RebuildSearchIndex empties the search index and makes it again from
// the tables, in one transaction: for a database whose index is in doubt
// (the triggers keep it otherwise). It takes about as long as the
// migration that first made it.
func (s *Store) RebuildSearchIndex(ctx context.Context) error {
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return rebuildSearch(ctx, tx) }); err != nil {
		return fmt.Errorf("rebuild the search index: %w", err)
	}
	return nil
}

// rebuildSearch makes the search index again inside tx.
func rebuildSearch(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, searchRebuildSQL)
	return err
}

// searchSpec says how one kind of hit is read from its table t.
type searchSpec struct {
	kind  model.HitKind
	part  string // HitPlan's PlanPart
	table string // the table searched; its index is search_<table>
	// date is the hit's date (text as stored); instant says whether it
	// is an RFC 3339 time (compared in the user's days) or a day.
	date    string
	instant bool
	// indexed says that date is never NULL and has an index (on the
	// column or, for promise, the expression), which the search reads in
	// order rather than sort every match.
	indexed bool
	// person says how the hit's person is found: "self" (t is the
	// person), "one" (t.person_id), "many" (interaction_person) or "".
	person string
	title  string // the hit's title
	role   string // HitPlan's role id
	kind2  string // the column kind:coffee filters, if any
	body   string // shown as the snippet when no word was searched
}

var searchSpecs = []searchSpec{
	{kind: model.HitPerson, table: "person", date: "t.last_at", instant: true, person: "self",
		title: "t.name", body: "concat_ws(' · ', nullif(t.title, ''), nullif(t.team, ''), nullif(t.organisation, ''))"},
	{kind: model.HitInteraction, table: "interaction", date: "t.at", instant: true, indexed: true, person: "many",
		title: "t.summary", kind2: "t.kind", body: "t.notes"},
	{kind: model.HitPromise, table: "promise", date: "coalesce(t.due_on, t.made_on)", indexed: true, person: "one",
		title: "t.what", body: "t.notes"},
	{kind: model.HitMeeting, table: "meeting", date: "t.start_at", instant: true, indexed: true, person: "one",
		title: "t.kind", kind2: "t.kind", body: "concat_ws(' · ', nullif(t.location, ''), nullif(t.agenda, ''))"},
	{kind: model.HitPlan, part: "role", table: "role", date: "t.target_date",
		title: "t.title", role: "t.id", body: "t.why"},
	{kind: model.HitPlan, part: "requirement", table: "requirement", date: "NULL",
		title: "t.title", role: "t.role_id", body: "t.evidence"},
	{kind: model.HitPlan, part: "action", table: "action", date: "coalesce(t.done_on, t.due_on)",
		title: "t.title", role: "(SELECT role_id FROM requirement WHERE id = t.requirement_id)", body: "t.notes"},
	{kind: model.HitOpportunity, table: "opportunity", date: "t.date",
		title: "t.title", body: "t.notes"},
	{kind: model.HitDisclosure, table: "disclosure", date: "t.shared_on", person: "one",
		title: "t.topic", body: "t.notes"},
}

// Search finds what the query asks for: at most limit hits, grouped by
// kind in model.HitKinds order (people first) and best first within a
// kind (title matches, then the most recent), with Total the number of
// matches in all. When more match than limit, every kind that matched
// keeps a share of the hits shown. An empty query finds nothing; a query
// of filters alone lists everything that passes them.
//
// It reads in two lanes side by side, each in a read transaction of its
// own: the interactions (the most rows by far) and the other kinds. Each
// lane counts its kinds' matches up to just past the limit (enough to
// share it: see searchMatches), waits for the other to share the limit
// between all the kinds, then counts in full the kinds that passed it
// and reads the first matches and their details. So neither lane waits
// for the other's full count, the one long step of a letter typed.
func (s *Store) Search(ctx context.Context, q model.SearchQuery, limit int) (model.SearchResults, error) {
	res := model.SearchResults{ByKind: map[model.HitKind]int{}}
	if (ftsQuery(q) == "" && !q.Filtered()) || limit <= 0 {
		return res, nil
	}
	r := &searchRun{q: q, now: s.Now(), limit: limit, found: make([]kindMatches, len(searchSpecs)),
		shares: make([]int, len(searchSpecs)), hits: make([][]model.SearchHit, len(searchSpecs)),
		shared: make(chan struct{})}
	lanes := searchLanes(q)
	var counted, done sync.WaitGroup
	errs := make([]error, len(lanes))
	for l, lane := range lanes {
		counted.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			countedOnce := sync.OnceFunc(counted.Done)
			defer countedOnce()
			errs[l] = s.inReadTx(ctx, func(db querier) error { return r.lane(ctx, db, lane, countedOnce) })
		}()
	}
	counted.Wait()
	totals := make([]int, len(searchSpecs))
	for i, m := range r.found {
		totals[i] = m.total
	}
	copy(r.shares, shareLimit(totals, limit))
	close(r.shared)
	done.Wait()
	if err := errors.Join(errs...); err != nil {
		return model.SearchResults{}, fmt.Errorf("search: %w", err)
	}
	for i, m := range r.found {
		res.Total += m.total
		res.ByKind[searchSpecs[i].kind] += m.total
	}
	for _, h := range r.hits {
		res.Hits = append(res.Hits, h...)
	}
	return res, nil
}

// searchRun is one search, as its lanes share it: what each kind
// matched, its share of the limit and its hits, by index in searchSpecs.
type searchRun struct {
	q      model.SearchQuery
	now    time.Time
	limit  int
	found  []kindMatches
	shares []int
	hits   [][]model.SearchHit
	shared chan struct{} // closed once shares is set
}

// lane reads the kinds of one lane through db: it counts their matches
// (up to just past the limit), says so with counted, waits for the
// shares, then counts in full the kinds that passed the limit and reads
// their first hits.
func (r *searchRun) lane(ctx context.Context, db querier, lane []int, counted func()) error {
	for _, i := range lane {
		m, err := searchMatches(ctx, db, searchSpecs[i], r.q, r.now, r.limit)
		if err != nil {
			return fmt.Errorf("%s: %w", searchSpecs[i].table, err)
		}
		r.found[i] = m
	}
	counted()
	<-r.shared
	for _, i := range lane {
		m := &r.found[i]
		var err error
		if m.atLeast && !countStopsEarly(r.q) && r.shares[i] > 0 { // counted to walkAbove times the limit
			err = searchWalkCounting(ctx, db, searchSpecs[i], r.q, r.shares[i], m)
		} else {
			err = searchExactly(ctx, db, searchSpecs[i], r.q, m)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", searchSpecs[i].table, err)
		}
		if r.hits[i], err = searchFirstHits(ctx, db, searchSpecs[i], r.q, r.now, r.found[i], r.shares[i]); err != nil {
			return fmt.Errorf("%s: %w", searchSpecs[i].table, err)
		}
	}
	return nil
}

// searchLanes are the indexes in searchSpecs of the kinds q wants, in two
// lanes: the interactions, and the rest.
func searchLanes(q model.SearchQuery) [][]int {
	lanes := [][]int{nil, nil}
	for i, spec := range searchSpecs {
		if !q.Wants(spec.kind) || (q.PersonFiltered() && spec.person == "") {
			continue
		}
		lane := 1
		if spec.kind == model.HitInteraction {
			lane = 0
		}
		lanes[lane] = append(lanes[lane], i)
	}
	if lanes[0] == nil {
		return lanes[1:]
	}
	return lanes
}

// countUpTo counts a kind's matches up to one past most: enough to share
// the limit (most is at least the limit). Counted past walkAbove times
// the limit, the matches are many enough to be walked in date order
// whatever the share, and searchWalkCounting counts them as it walks.
func countUpTo(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery, most int) (kindMatches, error) {
	fts := "search_" + spec.table
	var n int
	err := queryRow(ctx, db, "SELECT count(*) FROM (SELECT docid FROM "+fts+" WHERE "+fts+" MATCH ? LIMIT ?)",
		[]any{ftsQuery(q), most + 1}, &n)
	return kindMatches{total: n, atLeast: n > most}, err
}

// searchWalkCounting reads the first n of a kind's matches, many (m
// counted past walkAbove times the limit), from its date index, and
// counts them all, in one query: the index's matches are set aside once,
// counted, and checked against as the rows go by, where counting them
// and then walking would match the query twice (a query of several
// words, which the index cannot stop counting early: "the q3 p", 3.8 ms
// a time on 100,000 interactions).
func searchWalkCounting(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery, n int, m *kindMatches) error {
	fts := "search_" + spec.table
	rows, err := db.QueryContext(ctx, "WITH m(id) AS MATERIALIZED (SELECT docid FROM "+fts+" WHERE "+fts+" MATCH ?)"+
		" SELECT (SELECT count(*) FROM m), t.id, "+spec.date+" AS d FROM "+spec.table+" t WHERE +t.id IN m"+
		" ORDER BY d DESC, t.id DESC LIMIT ?", ftsQuery(q), n)
	if err != nil {
		return err
	}
	defer rows.Close()
	m.rows, m.read, m.atLeast = nil, true, false
	for rows.Next() {
		var r searchRow
		if err := rows.Scan(&m.total, &r.id, timeField{&r.date}); err != nil {
			return err
		}
		m.rows = append(m.rows, r)
	}
	return rows.Err()
}

// countStopsEarly reports whether a count of q's matches stops early at
// a limit: when it is one word, one token of at most three letters, whose
// list the index keeps (prefix="1,2,3" in 0012_search_letter) and reads
// as far as needed. For a longer word the index first merges the lists
// of every word it starts, and for several words it sets their lists
// side by side, whatever the limit: counting twice would cost twice.
func countStopsEarly(q model.SearchQuery) bool {
	return len(q.Words) == 1 && len(q.Phrases) == 0 && wordsAreTokens(q) && utf8.RuneCountInString(q.Words[0]) <= 3
}

// searchExactly counts in full the matches of a kind that searchMatches
// counted only up to the limit.
func searchExactly(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery, m *kindMatches) error {
	if !m.atLeast {
		return nil
	}
	total, err := searchCount(ctx, db, spec, q)
	m.total, m.atLeast = total, false
	return err
}

// searchFirstHits reads the first n of a kind's matches m and what the
// hits need to show.
func searchFirstHits(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery, now time.Time, m kindMatches, n int) ([]model.SearchHit, error) {
	if n == 0 {
		return nil, nil
	}
	rows := m.rows
	if !m.read {
		var err error
		if rows, err = searchFirst(ctx, db, spec, q, now, m.total, n); err != nil {
			return nil, err
		}
	}
	return searchDetails(ctx, db, spec, q, rows[:min(n, len(rows))])
}

// searchRow is one match before its details are read.
type searchRow struct {
	id   int64
	top  bool
	date time.Time
}

// walkAbove is how many times the limit a kind's matches must number for
// the search to walk its date index: each row walked is checked against
// the set of matches, and at fewer matches looking each one up by id and
// sorting them costs less than walking the rows between them.
const walkAbove = 8

// kindMatches is what the search knows of one kind's matches before it
// reads their details: how many there are and, when reading them was the
// way to count them, the first ones in order.
type kindMatches struct {
	total int
	rows  []searchRow
	read  bool
	// atLeast says the count stopped at total, past the limit: enough
	// to share the limit (shareLimit gives no kind more than it), not
	// the number to show, which searchExactly or searchWalkCounting
	// counts (the latter for a query that does not countStopsEarly,
	// counted to walkAbove times the limit).
	atLeast bool
}

// searchMatches counts one kind's matches. With filters (or no words:
// is:meeting) counting reads every match anyway: one pass reads the first
// limit in order and counts them all. With words alone the index counts
// them, and searchFirst reads the first once the kinds' shares of the
// limit are known; a kind of its own (not people, whose trash is counted
// apart) is counted only up to one past the limit when that count stops
// early (countStopsEarly): a prefix such as "t" matches 84,000 of 100,000
// interactions, and counting them all takes 3.6 ms that the other kinds
// need not wait for.
func searchMatches(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery, now time.Time, limit int) (kindMatches, error) {
	if spec.person == "many" && q.PersonFiltered() {
		query, args := searchByPeople(spec, q, now)
		rows, total, err := readRows(ctx, db, query, args, limit)
		return kindMatches{total: total, rows: rows, read: true}, err
	}
	where, args := searchFilters(spec, q, now)
	if own, _ := ownFilters(spec, q); ftsQuery(q) != "" && len(where) == len(own) {
		if spec.person != "self" { // no trash of their own to count apart
			switch {
			case countStopsEarly(q):
				return countUpTo(ctx, db, spec, q, limit)
			case spec.indexed && len(q.Words)+len(q.Phrases) > 1:
				return countUpTo(ctx, db, spec, q, walkAbove*limit)
			}
		}
		total, err := searchCount(ctx, db, spec, q)
		return kindMatches{total: total}, err
	}
	query, qargs := searchKindQuery(spec, q, where, args, spec.indexed)
	rows, total, err := readRows(ctx, db, query, qargs, limit)
	return kindMatches{total: total, rows: rows, read: true}, err
}

// searchFirst reads the first n of a kind's total matches, for a query of
// words alone. When they are many, they are read in date order from the
// table's date index where it has one, each checked against the set the
// index matched (+t.id keeps SQLite from looking each match up by id and
// sorting them all instead), so that the first n come without reading the
// rest; when they are few, each is looked up by id and they are sorted.
func searchFirst(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery, now time.Time, total, n int) ([]searchRow, error) {
	walk := spec.indexed && total > walkAbove*n
	if walk {
		if rows, ok, err := searchRecent(ctx, db, spec, model.NewSearchMatcher(q), total, n); err != nil || ok {
			return rows, err
		}
	}
	where, args := ownFilters(spec, q)
	if title := ftsTitleQuery(q); spec.person == "self" && title != "" && total > n && wordsAreTokens(q) {
		// Matches in the title come first: when they fill n, the rest
		// need not be sorted. (Each word being one token, a title match
		// is a match.)
		query := "SELECT t.id, 1 AS top, " + spec.date + " AS d FROM " + spec.table + " t WHERE " +
			strings.Join(append(where, "t.id IN (SELECT docid FROM search_"+spec.table+" WHERE search_"+spec.table+" MATCH ?)"), " AND ") +
			" ORDER BY d IS NULL, d DESC, t.id DESC LIMIT ?"
		rows, _, err := readRows(ctx, db, query, append(args, title, n), n)
		if err != nil || len(rows) == n {
			return rows, err
		}
	}
	query, qargs := searchKindQuery(spec, q, where, args, walk)
	rows, _, err := readRows(ctx, db, query+" LIMIT ?", append(qargs, n), n)
	return rows, err
}

// wordsAreTokens reports whether the query is words alone, each one token
// of the index (no phrase, no word the index splits, as "o'brien").
func wordsAreTokens(q model.SearchQuery) bool {
	if len(q.Phrases) > 0 {
		return false
	}
	for _, w := range q.Words {
		if strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
			return false
		}
	}
	return true
}

// recentRows is the most rows searchRecent reads before it leaves the
// search to the index: reading a row and matching it in Go costs about
// what the index spends on ten or twenty matches it sets aside.
const recentRows = 2000

// searchRecent finds the most recent matches of a kind whose matches are
// many (a letter or a common word: most rows) by reading its rows from the
// newest with the text the index holds for them, and matching that in Go,
// until it has limit: a few hundred rows, where asking the index which of
// its thousands of matches come first would set them all aside first. ok is false when it cannot say: the matcher is not exact for the
// query's words, or the newest rows hold too few matches.
func searchRecent(ctx context.Context, db querier, spec searchSpec, m model.SearchMatcher, total, limit int) (out []searchRow, ok bool, err error) {
	if !m.Exact() {
		return nil, false, nil
	}
	// Where the matches are as dense among the newest rows as in all,
	// limit of them are among the newest limit*rows/total: only worth
	// reading when that is well within the rows it reads at most. The
	// highest id stands for the number of rows (at least as many).
	var rows int
	if err := queryRow(ctx, db, "SELECT coalesce(max(id), 0) FROM "+spec.table, nil, &rows); err != nil {
		return nil, false, err
	}
	if limit*rows > total*recentRows/2 {
		return nil, false, nil
	}
	res, err := db.QueryContext(ctx, "SELECT t.id, "+spec.date+" AS d, coalesce(c.c0title, ''), coalesce(c.c1body, ''),"+
		" coalesce(c.c2people, '') FROM "+spec.table+" t CROSS JOIN search_"+spec.table+"_content c ON c.docid = t.id"+
		" ORDER BY d DESC, t.id DESC LIMIT ?", recentRows)
	if err != nil {
		return nil, false, err
	}
	defer res.Close()
	read := 0
	for res.Next() {
		read++
		var r searchRow
		var title, body, people string
		if err := res.Scan(&r.id, timeField{&r.date}, &title, &body, &people); err != nil {
			return nil, false, err
		}
		if m.Matches(title, body, people) {
			if out = append(out, r); len(out) == limit {
				return out, true, nil
			}
		}
	}
	// Every row read: what matched is all there is.
	return out, read < recentRows, res.Err()
}

// searchKindQuery is the query for one kind's matches in order, with
// where (and its args) the filters; walk says to read them from the date
// index.
func searchKindQuery(spec searchSpec, q model.SearchQuery, where []string, args []any, walk bool) (string, []any) {
	fts := "search_" + spec.table
	top, topArgs := "0", []any(nil)
	if match := ftsQuery(q); match != "" {
		in := "t.id IN"
		if walk {
			in = "+t.id IN"
		}
		where = append(where, in+" (SELECT docid FROM "+fts+" WHERE "+fts+" MATCH ?)")
		args = append(args, match)
		if title := ftsTitleQuery(q); title != "" && spec.person == "self" {
			top, topArgs = "t.id IN (SELECT docid FROM "+fts+" WHERE "+fts+" MATCH ?)", []any{title}
		}
	}
	query := "SELECT t.id, " + top + " AS top, " + spec.date + " AS d FROM " + spec.table + " t"
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	if walk {
		query += " ORDER BY d DESC, t.id DESC" // never NULL: the date index serves
	} else {
		query += " ORDER BY top DESC, d IS NULL, d DESC, t.id DESC"
	}
	return query, append(topArgs, args...)
}

// searchByPeople is the query for interactions with person filters: read
// from the people who pass them and their interactions in
// interaction_person, whose index holds each interaction's time, so that
// no interaction is read (CROSS JOIN keeps that order; +ip keeps the index
// match a check).
func searchByPeople(spec searchSpec, q model.SearchQuery, now time.Time) (string, []any) {
	cond, args := personFilter(q)
	where := []string{cond}
	for _, b := range []struct {
		day time.Time
		op  string
	}{{q.After, ">="}, {q.Before, "<"}} {
		if !b.day.IsZero() {
			where = append(where, "ip.at "+b.op+" ?")
			args = append(args, dateBound(b.day, true, now.Location()))
		}
	}
	if len(q.InteractionKinds) > 0 {
		where = append(where, "+ip.interaction_id IN (SELECT id FROM "+spec.table+" WHERE kind IN ("+placeholders(len(q.InteractionKinds))+"))")
		for _, k := range q.InteractionKinds {
			args = append(args, string(k))
		}
	}
	if match := ftsQuery(q); match != "" {
		fts := "search_" + spec.table
		where = append(where, "+ip.interaction_id IN (SELECT docid FROM "+fts+" WHERE "+fts+" MATCH ?)")
		args = append(args, match)
	}
	return "SELECT DISTINCT ip.interaction_id AS id, 0 AS top, ip.at AS d FROM person p CROSS JOIN interaction_person ip" +
		" ON ip.person_id = p.id WHERE " + strings.Join(where, " AND ") + " ORDER BY d DESC, id DESC", args
}

// readRows reads the first limit matches query finds and counts them all.
func readRows(ctx context.Context, db querier, query string, args []any, limit int) ([]searchRow, int, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []searchRow
	n := 0
	for rows.Next() {
		if n++; n > limit {
			continue
		}
		var r searchRow
		if err := rows.Scan(&r.id, &r.top, timeField{&r.date}); err != nil {
			return nil, 0, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	return out, n, nil
}

// searchCount counts the matches of one kind the query's words find,
// from the index alone (for a query without filters), but for the people
// in the trash (few), whose matches are counted apart: those that are
// never shown, or (is:trash) the only ones that are.
func searchCount(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery) (int, error) {
	fts := "search_" + spec.table
	var n int
	if err := queryRow(ctx, db, "SELECT count(*) FROM "+fts+" WHERE "+fts+" MATCH ?", []any{ftsQuery(q)}, &n); err != nil || n == 0 || spec.person != "self" {
		return n, err
	}
	var trashed int
	err := queryRow(ctx, db, "SELECT count(*) FROM "+spec.table+" t WHERE t.archived_at IS NOT NULL AND +t.id IN"+
		" (SELECT docid FROM "+fts+" WHERE "+fts+" MATCH ?)", []any{ftsQuery(q)}, &trashed)
	if q.Trashed {
		return trashed, err
	}
	return n - trashed, err
}

// queryRow scans the one row of query into dst.
func queryRow(ctx context.Context, db querier, query string, args []any, dst ...any) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dst...); err != nil {
		return err
	}
	return rows.Close()
}

// shareLimit shares limit between the kinds, given how many each
// matched: each kind is given as many as it has up to an equal share, and
// what a kind leaves of its share goes to the others, in order.
func shareLimit(totals []int, limit int) []int {
	keep := make([]int, len(totals))
	left := limit
	for left > 0 {
		open := 0
		for i, n := range totals {
			if keep[i] < n {
				open++
			}
		}
		if open == 0 {
			break
		}
		share := max(left/open, 1)
		for i, total := range totals {
			n := min(share, total-keep[i], left)
			if n > 0 {
				keep[i] += n
				left -= n
			}
		}
	}
	return keep
}

// ftsQuery is the query's words and phrases as an FTS4 MATCH expression,
// each quoted so that nothing typed is read as an operator, each word a
// prefix. "" when the query has no words.
func ftsQuery(q model.SearchQuery) string {
	var parts []string
	for _, w := range q.Words {
		if w = ftsText(w); w != "" {
			parts = append(parts, `"`+w+`*"`)
		}
	}
	for _, p := range q.Phrases {
		if p = ftsText(p); p != "" {
			parts = append(parts, `"`+p+`"`)
		}
	}
	return strings.Join(parts, " ")
}

// ftsTitleQuery is the query's words, each limited to the title column,
// for the rank: FTS4 takes a column only before a bare term, so each
// word of a phrase is one, lower-cased so that none is read as an
// operator (AND, OR, NOT, NEAR).
func ftsTitleQuery(q model.SearchQuery) string {
	var parts []string
	for i, text := range append(append([]string(nil), q.Words...), q.Phrases...) {
		prefix := i < len(q.Words)
		for _, tok := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
			return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127)
		}) {
			if prefix {
				tok += "*"
			}
			parts = append(parts, "title:"+tok)
		}
	}
	return strings.Join(parts, " ")
}

// ftsText keeps of typed text what can stand inside an FTS4 phrase: the
// tokenizer splits the rest at anything but letters and digits, and a
// text with none of them would match nothing or fail.
func ftsText(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == '"' || r == '*' || r == ' '
	}), " ")
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 {
			return s
		}
	}
	return ""
}

// searchFilters turns the query's filters into conditions on t for spec,
// the cheapest first: those on t's own columns, then those on its person.
func searchFilters(spec searchSpec, q model.SearchQuery, now time.Time) (where []string, args []any) {
	where, args = ownFilters(spec, q)
	for _, b := range []struct {
		day time.Time
		op  string
	}{{q.After, ">="}, {q.Before, "<"}} {
		if b.day.IsZero() {
			continue
		}
		where = append(where, spec.date+" "+b.op+" ?")
		args = append(args, dateBound(b.day, spec.instant, now.Location()))
	}
	if len(q.InteractionKinds) > 0 && spec.kind2 != "" {
		where = append(where, spec.kind2+" IN ("+placeholders(len(q.InteractionKinds))+")")
		for _, k := range q.InteractionKinds {
			args = append(args, string(k))
		}
	}
	if q.Overdue && spec.kind == model.HitPromise {
		where = append(where, "t.status IN ('open', 'renegotiated') AND t.due_on < ?")
		args = append(args, model.Day(now).Format(time.DateOnly))
	}
	if cond, cargs := personFilter(q); cond != "" {
		switch spec.person {
		case "self":
			where = append(where, "t.id IN (SELECT p.id FROM person p WHERE "+cond+")")
		case "one":
			where = append(where, "t.person_id IN (SELECT p.id FROM person p WHERE "+cond+")")
		case "many":
			where = append(where, "t.id IN (SELECT ip.interaction_id FROM interaction_person ip JOIN person p ON p.id = ip.person_id"+
				" WHERE "+cond+")")
		}
		args = append(args, cargs...)
	}
	return where, args
}

// ownFilters are the conditions on t that every search of spec's kind
// has, filters or not: people in the trash are found only when asked for.
func ownFilters(spec searchSpec, q model.SearchQuery) (where []string, args []any) {
	switch {
	case spec.person != "self":
		return nil, nil
	case q.Trashed:
		return []string{"t.archived_at IS NOT NULL"}, nil
	default:
		return []string{"t.archived_at IS NULL"}, nil
	}
}

// dateBound is the stored text a date filter's day compares with: the day
// itself, or for times the instant the day starts where the user is.
func dateBound(day time.Time, instant bool, loc *time.Location) string {
	if !instant {
		return day.Format(time.DateOnly)
	}
	y, m, d := day.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc).UTC().Format("2006-01-02T15:04:05.000Z")
}

// personFilter is the condition on person p for the query's stance,
// influence and team filters; "" when it has none.
func personFilter(q model.SearchQuery) (string, []any) {
	var conds []string
	var args []any
	if len(q.Stances) > 0 {
		conds = append(conds, "p.stance IN ("+placeholders(len(q.Stances))+")")
		for _, st := range q.Stances {
			args = append(args, string(st))
		}
	}
	if q.InfluenceMin > 0 {
		conds = append(conds, "p.influence >= ?")
		args = append(args, q.InfluenceMin)
	}
	if q.InfluenceMax > 0 {
		conds = append(conds, "p.influence <= ?")
		args = append(args, q.InfluenceMax)
	}
	if len(q.Teams) > 0 {
		var or []string
		for _, team := range q.Teams {
			or = append(or, `p.team LIKE ? ESCAPE '\'`)
			args = append(args, "%"+likeEscape(team)+"%")
		}
		conds = append(conds, "("+strings.Join(or, " OR ")+")")
	}
	return strings.Join(conds, " AND "), args
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// searchDetails reads what the hits shown need: title, person, role and
// snippet, in the order of rows.
func searchDetails(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery, rows []searchRow) ([]model.SearchHit, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	ids := make([]any, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	personID, personName := searchPersonColumns(spec, q)
	role := spec.role
	if role == "" {
		role = "0"
	}
	var args []any
	if spec.person == "many" {
		_, cargs := personFilter(q)
		args = append(append(args, cargs...), cargs...)
	}
	query := "SELECT t.id, " + spec.title + ", " + personID + ", " + personName + ", " + role + ", " + spec.body +
		" FROM " + spec.table + " t WHERE t.id IN (" + placeholders(len(ids)) + ")"
	res, err := db.QueryContext(ctx, query, append(args, ids...)...)
	if err != nil {
		return nil, err
	}
	defer res.Close()
	byID := map[int64]*model.SearchHit{}
	for res.Next() {
		h := &model.SearchHit{Kind: spec.kind, PlanPart: spec.part}
		var pid sql.NullInt64
		var pname, body sql.NullString
		if err := res.Scan(&h.ID, &h.Title, &pid, &pname, &h.RoleID, &body); err != nil {
			return nil, err
		}
		h.PersonID, h.PersonName = pid.Int64, pname.String
		if h.Kind == model.HitMeeting { // a meeting has no title of its own
			h.Title = model.MeetingKind(h.Title).Label() + " with " + h.PersonName
		}
		h.Snippet = mergeSpans([]model.Span{{Text: plainSnippet(body.String)}})
		h.TitleSpans = mergeSpans([]model.Span{{Text: h.Title}})
		byID[h.ID] = h
	}
	if err := res.Err(); err != nil {
		return nil, err
	}
	if err := searchSnippets(ctx, db, spec, q, ids, byID); err != nil {
		return nil, err
	}
	out := make([]model.SearchHit, 0, len(rows))
	for _, r := range rows {
		if h, ok := byID[r.id]; ok {
			h.Date = r.date
			out = append(out, *h)
		}
	}
	return out, nil
}

// searchSnippets marks the matched words in the hits' titles and sets
// their snippets, when the query has words: around the matches in the
// rest of the text, else in the names of the people it is with, else (the
// match being in the title) the start of the rest as it was. It reads the
// text the index holds for the hits and marks it in Go: asking the index
// for snippet() would match the query against the whole index again.
func searchSnippets(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery, ids []any, hits map[int64]*model.SearchHit) error {
	m := model.NewSearchMatcher(q)
	if m.Empty() {
		return nil
	}
	res, err := db.QueryContext(ctx, "SELECT docid, c0title, c1body, c2people FROM search_"+spec.table+"_content"+
		" WHERE docid IN ("+placeholders(len(ids))+")", ids...)
	if err != nil {
		return err
	}
	defer res.Close()
	for res.Next() {
		var id int64
		var title, body, people sql.NullString
		if err := res.Scan(&id, &title, &body, &people); err != nil {
			return err
		}
		h, ok := hits[id]
		if !ok {
			continue
		}
		place := h.Kind == model.HitMeeting // its title column is the place
		titleSpans := m.Mark(title.String, 0)
		if titleSpans != nil && !place {
			h.TitleSpans = titleSpans
		}
		if spans := m.Mark(body.String, snippetWords); spans != nil {
			h.Snippet = spans
		} else if spans := m.Mark(title.String, snippetWords); spans != nil && place {
			h.Snippet = spans
		} else if spans := m.Mark(people.String, snippetWords); spans != nil && !place {
			h.Snippet = spans
		}
	}
	return res.Err()
}

// snippetWords is how many words a snippet shows around its match.
const snippetWords = 12

// plainSnippet is the start of text, on one line, for a hit found by
// filters alone.
func plainSnippet(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	const most = 120
	if len(text) <= most {
		return text
	}
	cut := strings.LastIndex(text[:most], " ")
	if cut < most/2 {
		cut = most
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return text[:cut] + "…"
}

// searchPersonColumns are the SQL for the hit's person id and name: for an
// interaction with several people, the first by name among those the
// query's person filters keep, whose arguments are then needed once for
// each column.
func searchPersonColumns(spec searchSpec, q model.SearchQuery) (id, name string) {
	switch spec.person {
	case "self":
		return "t.id", "t.name"
	case "one":
		return "t.person_id", "(SELECT name FROM person WHERE id = t.person_id)"
	case "many":
		cond, _ := personFilter(q)
		if cond == "" {
			cond = "1"
		}
		sub := "(SELECT p.%s FROM interaction_person ip JOIN person p ON p.id = ip.person_id" +
			" WHERE ip.interaction_id = t.id AND " + cond + " ORDER BY p.name, p.id LIMIT 1)"
		return fmt.Sprintf(sub, "id"), fmt.Sprintf(sub, "name")
	}
	return "NULL", "NULL"
}

// mergeSpans joins neighbouring spans of the same kind.
func mergeSpans(in []model.Span) []model.Span {
	var out []model.Span
	for _, sp := range in {
		if sp.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Match == sp.Match {
			out[n-1].Text += sp.Text
			continue
		}
		out = append(out, sp)
	}
	return out
}
