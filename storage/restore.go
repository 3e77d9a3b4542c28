package storage

// Restoring an export document (see export.go for the document): reading
// its header, checking it, and putting its rows into an empty database in
// one transaction.

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rapport/storage/atomicfile"
)

// ReadExportHeader reads the header of an export document from r, up to
// its "tables", without checking its version and schema: a document that
// is not JSON, or whose format is not ExportFormat, is an error wrapping
// ErrNotExport; one without a version or schema is an error too. A UTF-8
// byte order mark before the document is skipped.
func ReadExportHeader(r io.Reader) (ExportHeader, error) {
	dec := json.NewDecoder(skipBOM(r))
	dec.UseNumber()
	h, _, err := readHeader(dec)
	return h, err
}

// skipBOM reads r past a UTF-8 byte order mark, which some editors put at
// the start of a file they save, and JSON does not allow.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		_, _ = br.Discard(3) // peeked: cannot fail
	}
	return br
}

func notExport(format string) error {
	if format == "" {
		return fmt.Errorf("%w: it has no \"format\"", ErrNotExport)
	}
	return fmt.Errorf("%w: its format is %q, not %q", ErrNotExport, format, ExportFormat)
}

// readHeader reads the document's opening brace and its members up to
// "tables", which it reports whether it found; the decoder is then at the
// tables' opening brace. Members it does not know are skipped.
func readHeader(dec *json.Decoder) (h ExportHeader, tables bool, err error) {
	if err := expectDelim(dec, '{'); err != nil {
		if errors.Is(err, io.EOF) {
			return h, false, fmt.Errorf("%w: the document is empty", ErrNotExport)
		}
		return h, false, fmt.Errorf("%w: %v", ErrNotExport, err)
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return h, false, fmt.Errorf("%w: %v", ErrNotExport, err)
		}
		key, _ := tok.(string)
		if seen[key] {
			return h, false, fmt.Errorf("%q appears twice", key)
		}
		seen[key] = true
		switch key {
		case "tables":
			return h, true, checkSeen(seen, "before \"tables\"")
		case "format":
			if err = readHeaderValue(dec, key, &h.Format); err == nil && h.Format != ExportFormat {
				return h, false, notExport(h.Format)
			}
		case "version":
			err = readHeaderValue(dec, key, &h.Version)
		case "schema":
			err = readHeaderValue(dec, key, &h.Schema)
		case "exported_at":
			var at string
			if err = readHeaderValue(dec, key, &at); err == nil {
				if h.ExportedAt, err = time.Parse(time.RFC3339, at); err != nil {
					err = fmt.Errorf("\"exported_at\": %q is not an RFC 3339 time", at)
				}
			}
		default:
			err = skipValue(dec)
		}
		if err != nil {
			if key == "format" {
				err = fmt.Errorf("%w: %v", ErrNotExport, err)
			}
			return h, false, err
		}
	}
	return h, false, checkSeen(seen, "")
}

// checkSeen returns an error when the header lacks format, version or
// schema; where says where they were looked for.
func checkSeen(seen map[string]bool, where string) error {
	if where != "" {
		where = " " + where
	}
	if !seen["format"] {
		return fmt.Errorf("%w: it has no \"format\"%s", ErrNotExport, where)
	}
	for _, key := range []string{"version", "schema"} {
		if !seen[key] {
			return fmt.Errorf("the export has no %q%s", key, where)
		}
	}
	return nil
}

// readHeaderValue reads the value of header member key into dst, a
// *string or an *int.
func readHeaderValue(dec *json.Decoder, key string, dst any) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch dst := dst.(type) {
	case *string:
		s, ok := tok.(string)
		if !ok {
			return fmt.Errorf("%q is %s, not a string", key, describe(tok))
		}
		*dst = s
	case *int:
		n, ok := tok.(json.Number)
		v, err := strconv.Atoi(string(n))
		if !ok || err != nil {
			return fmt.Errorf("%q is %s, not a whole number", key, describe(tok))
		}
		*dst = v
	}
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
		return skipRest(dec)
	}
	return nil
}

// expectDelim reads the next token, which must be want.
func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("found %s where %q should be", describe(tok), string(want))
	}
	return nil
}

// skipValue reads and discards the next value, however nested.
func skipValue(dec *json.Decoder) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
		return skipRest(dec)
	}
	return nil
}

// skipRest reads and discards the rest of an object or array whose
// opening brace or bracket was just read.
func skipRest(dec *json.Decoder) error {
	for depth := 1; depth > 0; {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				depth++
			default:
				depth--
			}
		}
	}
	return nil
}

// describe names the kind of a JSON token for an error message.
func describe(tok any) string {
	switch v := tok.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "the number " + string(v)
	case string:
		return "a string"
	case json.Delim:
		switch v {
		case '{':
			return "an object"
		case '[':
			return "a list"
		}
		return fmt.Sprintf("%q", string(v))
	}
	return fmt.Sprintf("%v", tok)
}

// RestoreExport restores an export document (see the top of this file)
// into the database, which must be empty (ErrNotEmpty otherwise), in one
// transaction: every row with its ID, so that exporting the database
// afterwards gives the same document but for exported_at. Anything wrong
// with the document is an error that names the table, row (counted from
// 1 within its table) and column, and leaves the database as it was:
//
//   - a format other than ExportFormat (ErrNotExport);
//   - a version or schema newer than this build's (ErrExportTooNew);
//   - a table or column the document's schema does not have, a column a
//     row lacks, or a value whose JSON type does not fit its column: a
//     string for a number, a number with a fraction for an INTEGER;
//   - a value a constraint refuses, and a foreign key that names a row
//     that is not there.
//
// A table the document leaves out is restored empty. A document from an
// older schema is restored as that schema was, and the migrations since
// are then applied to it, in the same transaction, exactly as opening a
// database of that schema would (Open then refolds the credits).
//
// Every row must also pass the checks the app's forms apply (see
// restore_check.go): its model type's Validate, text that is valid UTF-8
// without NUL (never a blob), times in the stored form, IDs of 1 or more.
//
// The document is read as a stream, so its size is not limited by memory;
// a UTF-8 byte order mark before it is skipped.
func (s *Store) RestoreExport(ctx context.Context, r io.Reader) (ExportSummary, error) {
	sum, err := s.restoreExport(ctx, r)
	if err != nil {
		return sum, fmt.Errorf("restore: %w", err)
	}
	return sum, nil
}

func (s *Store) restoreExport(ctx context.Context, r io.Reader) (ExportSummary, error) {
	migrations, err := loadMigrations()
	if err != nil {
		return ExportSummary{}, err
	}
	dec := json.NewDecoder(skipBOM(r))
	dec.UseNumber() // no integer goes through a float64
	h, hasTables, err := readHeader(dec)
	sum := ExportSummary{ExportHeader: h}
	if err != nil {
		return sum, err
	}
	if err := s.restoreDocument(ctx, dec, &sum, hasTables, migrations); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			err = fmt.Errorf("%w (at byte %d of the document)", err, syntax.Offset)
		} else if errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("%w: the document is cut short", err)
		}
		return sum, err
	}
	return sum, nil
}

// restoreDocument restores the rest of the document whose header was read
// into sum.
func (s *Store) restoreDocument(ctx context.Context, dec *json.Decoder, sum *ExportSummary, hasTables bool, migrations []migration) (err error) {
	h := sum.ExportHeader
	if err := checkHeader(h, len(migrations)); err != nil {
		return err
	}
	if err := s.Intact(ctx); err != nil {
		return err
	}
	// Foreign keys off: the migrations applied to an older document may
	// rebuild tables; restoreInTx checks every key before the commit.
	// Like every write, it holds the write lock (see twoSnapshots).
	s.writing.Lock()
	defer s.writing.Unlock()
	defer s.changed()
	return withForeignKeysOff(ctx, s.db, func(tx *sql.Tx) error {
		return restoreInTx(ctx, tx, dec, sum, hasTables, migrations)
	})
}

// restoreInTx restores the document into the empty database in tx.
func restoreInTx(ctx context.Context, tx *sql.Tx, dec *json.Decoder, sum *ExportSummary, hasTables bool, migrations []migration) error {
	h := sum.ExportHeader
	if err := checkEmpty(ctx, tx); err != nil {
		return err
	}
	// The restored database takes the identity the document carries (its
	// backups are its own again); one that carries none gets a new one.
	if _, err := tx.ExecContext(ctx, `DELETE FROM setting WHERE key = ?`, idKey); err != nil {
		return err
	}
	// Rows may come before the rows they name (a promise before its
	// meeting): the foreign keys are checked before the commit instead.
	if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		return err
	}
	if h.Schema < len(migrations) {
		if err := rebuildAt(ctx, tx, migrations[:h.Schema]); err != nil {
			return fmt.Errorf("make schema %d: %w", h.Schema, err)
		}
	}
	tables, err := schemaTables(ctx, tx)
	if err != nil {
		return err
	}
	if hasTables {
		if sum.Tables, err = restoreTables(ctx, tx, dec, tables); err != nil {
			return err
		}
	}
	if err := readTrailer(dec, &sum.ExportHeader, hasTables); err != nil {
		return err
	}
	for _, m := range migrations[h.Schema:] {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}
	// The triggers indexed each row as it came, before the people whose
	// names it carries: the index is made again from the whole.
	if err := rebuildSearch(ctx, tx); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	return checkForeignKeys(ctx, tx)
}

// checkHeader refuses a header this build cannot restore.
func checkHeader(h ExportHeader, known int) error {
	switch {
	case h.Format != ExportFormat:
		return notExport(h.Format)
	case h.Version > ExportVersion:
		return fmt.Errorf("%w (document version %d; this Rapport reads up to %d): update Rapport to restore it",
			ErrExportTooNew, h.Version, ExportVersion)
	case h.Version < 1:
		return fmt.Errorf("\"version\" %d is not a version of the export document", h.Version)
	case h.Schema > known:
		return fmt.Errorf("%w (schema %d; this Rapport knows up to %d): update Rapport to restore it",
			ErrExportTooNew, h.Schema, known)
	case h.Schema < 1:
		return fmt.Errorf("\"schema\" %d is not a schema version", h.Schema)
	}
	return nil
}

// dropEach drops each view or table (what) that list names.
func dropEach(ctx context.Context, tx *sql.Tx, what, list string) error {
	names, err := queryStrings(ctx, tx, list)
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, "DROP "+what+" "+quoteIdent(name)); err != nil {
			return err
		}
	}
	return nil
}

// rebuildAt replaces the empty database's schema, inside tx, with the one
// the given (earlier) migrations make.
func rebuildAt(ctx context.Context, tx *sql.Tx, migrations []migration) error {
	if err := dropEach(ctx, tx, "VIEW", `SELECT name FROM sqlite_master WHERE type = 'view'`); err != nil {
		return err
	}
	// Virtual tables (the search index) go first, with their shadow tables.
	if err := dropEach(ctx, tx, "TABLE", `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'virtual'`); err != nil {
		return err
	}
	// Tables go (with their indexes and triggers) children first: with
	// foreign keys on, dropping a table whose parent is gone fails.
	tables, err := queryStrings(ctx, tx, `SELECT name FROM pragma_table_list
		WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return err
	}
	parents := map[string][]string{}
	for _, name := range tables {
		if parents[name], err = queryStrings(ctx, tx, `SELECT "table" FROM pragma_foreign_key_list(?)`, name); err != nil {
			return err
		}
	}
	for len(tables) > 0 {
		// The first table no other remaining table names as its parent.
		next := 0
		for i, name := range tables {
			named := false
			for _, child := range tables {
				if child != name && slices.Contains(parents[child], name) {
					named = true
					break
				}
			}
			if !named {
				next = i
				break
			}
		}
		if _, err := tx.ExecContext(ctx, "DROP TABLE "+quoteIdent(tables[next])); err != nil {
			return err
		}
		tables = slices.Delete(tables, next, next+1)
	}
	for _, m := range migrations {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
	}
	return nil
}

// restoreTables reads the "tables" object and inserts its rows.
func restoreTables(ctx context.Context, tx *sql.Tx, dec *json.Decoder, tables []table) ([]TableRows, error) {
	byName := make(map[string]table, len(tables))
	for _, t := range tables {
		byName[t.name] = t
	}
	if err := expectDelim(dec, '{'); err != nil {
		return nil, fmt.Errorf("\"tables\": %w", err)
	}
	var out []TableRows
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return out, fmt.Errorf("\"tables\": %w", err)
		}
		name, _ := tok.(string)
		t, ok := byName[name]
		if !ok {
			return out, fmt.Errorf("unknown table %q", name)
		}
		if seen[name] {
			return out, fmt.Errorf("table %s appears twice", name)
		}
		seen[name] = true
		n, err := restoreTable(ctx, tx, dec, t)
		if err != nil {
			return out, err
		}
		out = append(out, TableRows{Table: name, Rows: n})
	}
	if err := expectDelim(dec, '}'); err != nil {
		return out, fmt.Errorf("\"tables\": %w", err)
	}
	return out, nil
}

// restoreTable reads the array of t's rows and inserts each, returning
// how many there were.
func restoreTable(ctx context.Context, tx *sql.Tx, dec *json.Decoder, t table) (int, error) {
	if err := expectDelim(dec, '['); err != nil {
		return 0, fmt.Errorf("table %s: %w", t.name, err)
	}
	stmt, err := tx.PrepareContext(ctx, t.insertRow())
	if err != nil {
		return 0, fmt.Errorf("table %s: %w", t.name, err)
	}
	defer stmt.Close()
	index := make(map[string]int, len(t.columns))
	for i, c := range t.columns {
		index[c.name] = i
	}
	args := make([]any, len(t.columns))
	set := make([]bool, len(t.columns))
	var raw json.RawMessage
	n := 0
	for dec.More() {
		n++
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return n, err
			}
		}
		err := readRow(dec, &raw, t, index, args, set)
		if err == nil {
			err = checkRow(t, index, args)
		}
		if err != nil {
			return n, fmt.Errorf("table %s, %s: %w", t.name, rowName(t, n, args, set), err)
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return n, fmt.Errorf("table %s, %s: %w", t.name, rowName(t, n, args, set), err)
		}
	}
	if err := expectDelim(dec, ']'); err != nil {
		return n, fmt.Errorf("table %s: %w", t.name, err)
	}
	return n, nil
}

// rowName names the nth row of t in an error: "row 4 (id 17)" when its id
// was read.
func rowName(t table, n int, args []any, set []bool) string {
	for i, c := range t.columns {
		if c.name == "id" && set[i] {
			if id, ok := args[i].(int64); ok {
				return fmt.Sprintf("row %d (id %d)", n, id)
			}
		}
	}
	return fmt.Sprintf("row %d", n)
}

// readRow reads one row object of t into args, by column. The decoder
// checks the row is valid JSON (json.RawMessage); rowScanner then reads
// it, several times faster than token by token.
func readRow(dec *json.Decoder, raw *json.RawMessage, t table, index map[string]int, args []any, set []bool) error {
	clear(set)
	if err := dec.Decode(raw); err != nil {
		return err
	}
	r := rowScanner{b: *raw}
	if c := r.next(); c != '{' {
		return fmt.Errorf("want an object, got %s", r.kind())
	}
	r.i++
	for r.next() != '}' {
		name := r.string()
		r.next() // ':'
		r.i++
		i, ok := index[name]
		if !ok {
			return fmt.Errorf("unknown column %q", name)
		}
		if set[i] {
			return fmt.Errorf("column %s appears twice", name)
		}
		var err error
		if args[i], err = r.value(t.columns[i]); err != nil {
			return fmt.Errorf("column %s: %w", name, err)
		}
		set[i] = true
		if r.next() == ',' {
			r.i++
			r.next()
		}
	}
	for i, ok := range set {
		if !ok {
			return fmt.Errorf("column %s is missing", t.columns[i].name)
		}
	}
	return nil
}

// rowScanner reads one JSON value that the decoder has already checked is
// valid, so it need not check the syntax again.
type rowScanner struct {
	b []byte
	i int
	// invalid is set when a string read was not valid UTF-8 (raw, or
	// escaped as a lone surrogate), which decoding would have replaced.
	invalid bool
}

// next skips white space and returns the next byte.
func (r *rowScanner) next() byte {
	for r.i < len(r.b) {
		switch c := r.b[r.i]; c {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return c
		}
	}
	return 0
}

// kind names the kind of the value that starts at the next byte.
func (r *rowScanner) kind() string {
	switch r.next() {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "the number " + string(r.number())
}

// string reads the string that starts at the next byte.
func (r *rowScanner) string() string {
	start := r.i
	r.i++
	escaped := false
	for ; r.b[r.i] != '"'; r.i++ {
		if r.b[r.i] == '\\' {
			escaped = true
			r.i++
		}
	}
	r.i++
	text := r.b[start+1 : r.i-1]
	if !utf8.Valid(text) || (escaped && !validEscapes(text)) {
		r.invalid = true
	}
	if !escaped && !r.invalid {
		return string(text)
	}
	var s string
	_ = json.Unmarshal(r.b[start:r.i], &s) // valid JSON: cannot fail
	return s
}

// validEscapes reports whether the \u escapes in the text of a JSON
// string name characters: a UTF-16 surrogate must be a high one followed
// by an escaped low one.
func validEscapes(text []byte) bool {
	hex := func(i int) (rune, bool) {
		if i+6 > len(text) || text[i] != '\\' || text[i+1] != 'u' {
			return 0, false
		}
		n, err := strconv.ParseUint(string(text[i+2:i+6]), 16, 16)
		return rune(n), err == nil
	}
	for i := 0; i < len(text); i++ {
		if text[i] != '\\' {
			continue
		}
		if text[i+1] != 'u' {
			i++
			continue
		}
		r, _ := hex(i)
		switch {
		case r >= 0xdc00 && r <= 0xdfff:
			return false
		case r >= 0xd800 && r <= 0xdbff:
			low, ok := hex(i + 6)
			if !ok || low < 0xdc00 || low > 0xdfff {
				return false
			}
			i += 6
		}
		i += 5
	}
	return true
}

// number reads the number that starts at the next byte.
func (r *rowScanner) number() []byte {
	start := r.i
	for r.i < len(r.b) && strings.IndexByte("+-0123456789.eE", r.b[r.i]) >= 0 {
		r.i++
	}
	return r.b[start:r.i]
}

// value reads one value for column c, refusing a JSON type that the column
// would not keep as it is (SQLite would convert it, and the restore would
// not be exact).
func (r *rowScanner) value(c column) (any, error) {
	switch r.next() {
	case 'n':
		r.i += len("null")
		return nil, nil
	case '"':
		if c.affinity == affinityInteger || c.affinity == affinityReal || c.affinity == affinityNumeric {
			return nil, fmt.Errorf("want a number, got a string")
		}
		r.invalid = false
		s := r.string()
		if r.invalid {
			return nil, errors.New("is not valid text (UTF-8)")
		}
		return s, nil
	case '{':
		return r.encoded(c)
	case '[', 't', 'f':
		return nil, fmt.Errorf("want %s, got %s", c.affinity.want(), r.kind())
	}
	return numberValue(string(r.number()), c.affinity)
}

// want says what a column of affinity a takes, for an error message.
func (a affinity) want() string {
	switch a {
	case affinityInteger:
		return "a whole number"
	case affinityReal, affinityNumeric:
		return "a number"
	case affinityText:
		return "a string"
	}
	return "a number or a string"
}

// numberValue converts a JSON number for a column of affinity a: an
// integer (no fraction or exponent) to int64, anything else to float64.
func numberValue(s string, a affinity) (any, error) {
	if a == affinityText {
		return nil, fmt.Errorf("want a string, got the number %s", s)
	}
	if !strings.ContainsAny(s, ".eE") {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("the number %s is not a 64-bit integer", s)
		}
		if a == affinityReal {
			return float64(n), nil // SQLite would make it REAL all the same
		}
		return n, nil
	}
	if a == affinityInteger {
		return nil, fmt.Errorf("want a whole number, got %s", s)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil, fmt.Errorf("the number %s is out of range", s)
	}
	return f, nil
}

// encoded reads {"blob_base64": "..."} or {"text_base64": "..."}.
func (r *rowScanner) encoded(c column) (any, error) {
	r.i++
	var key, text string
	if r.next() == '"' {
		key = r.string()
		r.next() // ':'
		r.i++
		if r.next() == '"' {
			text = r.string()
		} else {
			key = ""
		}
	}
	if (key != "blob_base64" && key != "text_base64") || r.next() != '}' {
		return nil, fmt.Errorf("want %s, or an object with one blob_base64 or text_base64 string", c.affinity.want())
	}
	r.i++
	data, err := base64.StdEncoding.DecodeString(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	if key == "text_base64" {
		if c.affinity == affinityInteger || c.affinity == affinityReal || c.affinity == affinityNumeric {
			return nil, fmt.Errorf("want a number, got text")
		}
		return string(data), nil
	}
	return data, nil // a blob keeps its class in any column
}

// readTrailer reads what follows "tables" to the end of the document:
// members after the tables and nothing after the closing brace.
func readTrailer(dec *json.Decoder, h *ExportHeader, afterTables bool) error {
	for afterTables && dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch key, _ := tok.(string); key {
		case "format", "version", "schema", "tables":
			return fmt.Errorf("%q must come before \"tables\", once", key)
		case "exported_at":
			var at string
			if err := readHeaderValue(dec, key, &at); err != nil {
				return err
			}
			if h.ExportedAt, err = time.Parse(time.RFC3339, at); err != nil {
				return fmt.Errorf("\"exported_at\": %q is not an RFC 3339 time", at)
			}
		default:
			if err := skipValue(dec); err != nil {
				return err
			}
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return fmt.Errorf("the document does not end: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("there is more after the end of the document")
	}
	return nil
}

// checkForeignKeys returns an error naming the first foreign key that
// does not hold: the table, the row, the column and the missing row.
func checkForeignKeys(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return fmt.Errorf("foreign key check: %w", err)
	}
	var child, parent string
	var rowid sql.NullInt64
	var fk int
	found := rows.Next()
	if found {
		err = rows.Scan(&child, &rowid, &parent, &fk)
	}
	rows.Close()
	if err == nil {
		err = rows.Err()
	}
	if err != nil {
		return fmt.Errorf("foreign key check: %w", err)
	}
	if !found {
		return nil
	}
	var from, to string
	if err := tx.QueryRowContext(ctx, `SELECT "from", coalesce("to", '') FROM pragma_foreign_key_list(?) WHERE id = ?`,
		child, fk).Scan(&from, &to); err != nil {
		return fmt.Errorf("foreign key check: %s names a %s that does not exist", child, parent)
	}
	if to == "" {
		to = "rowid"
	}
	var value any
	if rowid.Valid {
		err = tx.QueryRowContext(ctx, `SELECT `+quoteIdent(from)+` FROM `+quoteIdent(child)+` WHERE rowid = ?`, rowid.Int64).Scan(&value)
	} else {
		err = tx.QueryRowContext(ctx, `SELECT `+quoteIdent(from)+` FROM `+quoteIdent(child)+` WHERE `+quoteIdent(from)+
			` NOT IN (SELECT `+quoteIdent(to)+` FROM `+quoteIdent(parent)+`) LIMIT 1`).Scan(&value)
	}
	if err != nil {
		return fmt.Errorf("foreign key: table %s, column %s names a %s that does not exist", child, from, parent)
	}
	where := ""
	if rowid.Valid {
		// Every table of the schema with a rowid has an id that is it.
		where = fmt.Sprintf(", the row with id %d", rowid.Int64)
	}
	return fmt.Errorf("foreign key: table %s%s, column %s: there is no %s with %s %v", child, where, from, parent, to, value)
}

// CheckExport checks an export document completely, as RestoreExport
// would restore it, by restoring it into a temporary database that it
// then deletes; nothing else is written. It returns what the document
// holds. The temporary database is made in a hidden folder in dir (the
// folder of the database it would be restored into, so a killed check is
// cleaned up by the next one: see atomicfile.RemoveStale), or in the
// system's temporary folder when dir is "" or does not exist.
func CheckExport(ctx context.Context, r io.Reader, dir string) (ExportSummary, error) {
	removeOldChecks(os.TempDir())
	if info, err := os.Stat(dir); dir == "" || err != nil || !info.IsDir() {
		dir = os.TempDir()
	}
	tmp, err := atomicfile.MkdirTemp(dir, "rapport-check")
	if err != nil {
		return ExportSummary{}, fmt.Errorf("check export: %w", err)
	}
	defer os.RemoveAll(tmp)
	s, err := Open(filepath.Join(tmp, "check.db"))
	if err != nil {
		return ExportSummary{}, err
	}
	defer s.Close()
	return s.RestoreExport(ctx, r)
}

// removeOldChecks removes, best effort, the rapport-check-* folders that
// earlier versions of CheckExport made in dir and a kill left behind, once
// they are older than atomicfile.StaleAfter.
func removeOldChecks(dir string) {
	old, _ := filepath.Glob(filepath.Join(dir, "rapport-check-*"))
	for _, path := range old {
		if info, err := os.Lstat(path); err == nil && info.IsDir() && time.Since(info.ModTime()) > atomicfile.StaleAfter {
			_ = os.RemoveAll(path)
		}
	}
}
