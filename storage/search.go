package storage

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"strings"
	"time"
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

// Snippet marks: characters no text typed by a user holds, turned into
// model.Spans.
const (
	markOpen  = "\x02"
	markClose = "\x03"
)

// Search finds what the query asks for: at most limit hits, grouped by
// kind in model.HitKinds order (people first) and best first within a
// kind (title matches, then the most recent), with Total the number of
// matches in all. When more match than limit, every kind that matched
// keeps a share of the hits shown. An empty query finds nothing; a query
// of filters alone lists everything that passes them.
func (s *Store) Search(ctx context.Context, q model.SearchQuery, limit int) (model.SearchResults, error) {
	res := model.SearchResults{ByKind: map[model.HitKind]int{}}
	if (ftsQuery(q) == "" && !q.Filtered()) || limit <= 0 {
		return res, nil
	}
	now := s.Now()
	var found [][]searchRow
	err := s.inReadTx(ctx, func(db querier) error {
		for _, spec := range searchSpecs {
			if !q.Wants(spec.kind) || (q.PersonFiltered() && spec.person == "") {
				found = append(found, nil)
				continue
			}
			rows, total, err := searchKind(ctx, db, spec, q, now, limit)
			if err != nil {
				return fmt.Errorf("%s: %w", spec.table, err)
			}
			found = append(found, rows)
			res.Total += total
			res.ByKind[spec.kind] += total
		}
		found = shareLimit(found, limit)
		for i, rows := range found {
			hits, err := searchDetails(ctx, db, searchSpecs[i], q, rows)
			if err != nil {
				return fmt.Errorf("%s: %w", searchSpecs[i].table, err)
			}
			res.Hits = append(res.Hits, hits...)
		}
		return nil
	})
	if err != nil {
		return model.SearchResults{}, fmt.Errorf("search: %w", err)
	}
	return res, nil
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

// searchKind returns the best matches of one kind, at most limit, and how
// many matched. Without filters the index counts the matches first; when
// they are many, they are read in date order from the table's date index
// where it has one, each checked against the set the index matched (+t.id
// keeps SQLite from looking each match up by id and sorting them all
// instead), so that the first limit come without reading the rest; when
// they are few, each is looked up by id and they are sorted.
func searchKind(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery, now time.Time, limit int) ([]searchRow, int, error) {
	if spec.person == "many" && q.PersonFiltered() {
		query, args := searchByPeople(spec, q, now)
		return readRows(ctx, db, query, args, limit)
	}
	where, args := searchFilters(spec, q, now)
	// With filters (or no words: is:meeting), counting reads every
	// match anyway: one pass reads and counts them. Without, the index
	// counts and the first limit are read alone.
	filtered := len(where) > 0 || ftsQuery(q) == ""
	total := 0
	if !filtered {
		var err error
		if total, err = searchCount(ctx, db, spec, q); err != nil || total == 0 {
			return nil, total, err
		}
	}
	walk := spec.indexed && (filtered || total > walkAbove*limit)
	query, qargs := searchKindQuery(spec, q, where, args, walk)
	if filtered {
		return readRows(ctx, db, query, qargs, limit)
	}
	out, _, err := readRows(ctx, db, query+" LIMIT ?", append(qargs, limit), limit)
	return out, total, err
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
// from the index alone (for a query without filters).
func searchCount(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery) (int, error) {
	fts := "search_" + spec.table
	var n int
	err := queryRow(ctx, db, "SELECT count(*) FROM "+fts+" WHERE "+fts+" MATCH ?", []any{ftsQuery(q)}, &n)
	return n, err
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

// shareLimit cuts the kinds' matches to limit in all: each kind keeps as
// many as it has up to an equal share, and what a kind leaves of its share
// goes to the others, in order.
func shareLimit(found [][]searchRow, limit int) [][]searchRow {
	keep := make([]int, len(found))
	left := limit
	for left > 0 {
		open := 0
		for i, rows := range found {
			if keep[i] < len(rows) {
				open++
			}
		}
		if open == 0 {
			break
		}
		share := max(left/open, 1)
		for i, rows := range found {
			n := min(share, len(rows)-keep[i], left)
			if n > 0 {
				keep[i] += n
				left -= n
			}
		}
	}
	out := make([][]searchRow, len(found))
	for i, rows := range found {
		out[i] = rows[:keep[i]]
	}
	return out
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
		return r == '"' || r == '*' || r == ' ' || r == 2 || r == 3
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
	if spec.person == "self" {
		if q.Trashed {
			where = append(where, "t.archived_at IS NOT NULL")
		} else {
			where = append(where, "t.archived_at IS NULL")
		}
	}
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
// match being in the title) the start of the rest as it was.
func searchSnippets(ctx context.Context, db querier, spec searchSpec, q model.SearchQuery, ids []any, hits map[int64]*model.SearchHit) error {
	match := ftsQuery(q)
	if match == "" {
		return nil
	}
	fts := "search_" + spec.table
	snippet := func(col string) string {
		return "snippet(" + fts + ", '" + markOpen + "', '" + markClose + "', '…', " + col + ", 12)"
	}
	res, err := db.QueryContext(ctx, "SELECT docid, snippet("+fts+", '"+markOpen+"', '"+markClose+"', '', 0, 64), "+
		snippet("1")+", "+snippet("2")+" FROM "+fts+" WHERE "+fts+" MATCH ? AND docid IN ("+placeholders(len(ids))+")",
		append([]any{match}, ids...)...)
	if err != nil {
		return err
	}
	defer res.Close()
	for res.Next() {
		var id int64
		var title, body, people string
		if err := res.Scan(&id, &title, &body, &people); err != nil {
			return err
		}
		h, ok := hits[id]
		if !ok {
			continue
		}
		place := h.Kind == model.HitMeeting // its title column is the place
		if strings.Contains(title, markOpen) && !place {
			h.TitleSpans = snippetSpans(title)
		}
		switch {
		case strings.Contains(body, markOpen):
			h.Snippet = snippetSpans(body)
		case strings.Contains(title, markOpen) && place:
			h.Snippet = snippetSpans(title)
		case strings.Contains(people, markOpen) && !place:
			h.Snippet = snippetSpans(people)
		}
	}
	return res.Err()
}

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

// snippetSpans splits a snippet marked by snippet() into spans.
func snippetSpans(s string) []model.Span {
	var out []model.Span
	for s != "" {
		open := strings.Index(s, markOpen)
		if open < 0 {
			out = append(out, model.Span{Text: s})
			break
		}
		if open > 0 {
			out = append(out, model.Span{Text: s[:open]})
		}
		s = s[open+len(markOpen):]
		end := strings.Index(s, markClose)
		if end < 0 {
			end = len(s)
		}
		out = append(out, model.Span{Text: s[:end], Match: true})
		s = strings.TrimPrefix(s[end:], markClose)
	}
	return mergeSpans(out)
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
