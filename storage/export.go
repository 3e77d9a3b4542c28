package storage

// The export document: everything in the database as one JSON document,
// which RestoreExport puts back into an empty database exactly.
//
//	{
//	  "format": "rapport-export",
//	  "version": 1,
//	  "schema": 6,
//	  "exported_at": "2026-11-23T18:00:00Z",
//	  "tables": {
//	    "action": [],
//	    "interaction": [
//	      {"id": 1, "kind": "coffee", "at": "2026-11-20T09:30:00.000Z", ...},
//	      ...
//	    ],
//	    ...
//	  }
//	}
//
// format names the document; version is the version of this layout
// (ExportVersion); schema is the database's schema version (PRAGMA
// user_version, the number of migrations applied), which says which tables
// and columns the document has; exported_at is when it was written, in UTC.
// The header fields come before "tables".
//
// "tables" holds every table of the database, in name order, each as an
// array of its rows in primary key order (for the tables with an INTEGER
// PRIMARY KEY id, rowid order). A row is an object with every column of
// the table by its SQL name, in the table's column order, so two exports
// of the same data are byte for byte the same apart from exported_at.
// Each row is on one line, so the document diffs and greps line by line.
// (A table with a rowid but no INTEGER PRIMARY KEY would get new rowids
// on restore; every such table of today's schema has an id that is its
// rowid.)
//
// Values keep their SQLite storage class:
//
//	INTEGER  a number without fraction or exponent: 42
//	REAL     a number that always has a fraction or exponent: 3.0, 1.5e-7
//	TEXT     a string
//	NULL     null
//	BLOB     {"blob_base64": "..."} (standard base64 with padding)
//
// Text that is not valid UTF-8, which JSON cannot carry, is written as
// {"text_base64": "..."}. No column of today's schema holds a BLOB.
//
// Derived data is exported as it is stored, not rebuilt on restore: the
// person columns the store keeps from the person's history (last_at,
// thanked_at, credit_folded, credit_next, credits_version) and the time
// interaction_person repeats from its interaction. Rebuilding them would
// give the same values at best (credit folds depend on the clock and on
// the order of a floating-point sum), and copying them is what makes the
// restore exact. There is no other derived or cache table, and the schema
// has no triggers, so nothing is derived twice. Credits folded with other
// weights than this build's (credits_version; 0 for a person who never
// had an interaction) are refolded by the next Open, as they would have
// been in the database exported.

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

const (
	// ExportFormat is the "format" of an export document.
	ExportFormat = "rapport-export"
	// ExportVersion is the version of the export document's layout that
	// this build writes and the newest it reads.
	ExportVersion = 1
)

var (
	// ErrNotExport means a document is not a Rapport export.
	ErrNotExport = errors.New("not a Rapport export")
	// ErrExportTooNew means an export was made by a newer Rapport: a later
	// document version or database schema than this build knows.
	ErrExportTooNew = errors.New("the export was made by a newer Rapport")
)

// ExportHeader is what an export document says about itself.
type ExportHeader struct {
	Format     string
	Version    int
	Schema     int
	ExportedAt time.Time // zero when the document does not say
}

// ExportSummary describes an export document that was restored (or
// checked): its header and how many rows each of its tables held, in the
// document's order.
type ExportSummary struct {
	ExportHeader
	Tables []TableRows
}

// TableRows is how many rows of a table an export held.
type TableRows struct {
	Table string
	Rows  int
}

// Rows is the number of rows in all tables.
func (s ExportSummary) Rows() int {
	n := 0
	for _, t := range s.Tables {
		n += t.Rows
	}
	return n
}

// Export writes everything in the database to w as one export document
// (see the top of this file), read in one read transaction so that it is
// a consistent snapshot even while the window writes.
func (s *Store) Export(ctx context.Context, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	err := s.inReadTx(ctx, func(q querier) error {
		schema, err := userVersion(ctx, q)
		if err != nil {
			return err
		}
		tables, err := schemaTables(ctx, q)
		if err != nil {
			return err
		}
		fmt.Fprintf(bw, "{\n  \"format\": %s,\n  \"version\": %d,\n  \"schema\": %d,\n  \"exported_at\": %s,\n  \"tables\": {",
			jsonString(ExportFormat), ExportVersion, schema, jsonString(s.Now().UTC().Format(time.RFC3339)))
		for i, t := range tables {
			if i > 0 {
				bw.WriteByte(',')
			}
			if err := exportTable(ctx, q, bw, t); err != nil {
				return err
			}
		}
		_, err = bw.WriteString("\n  }\n}\n")
		return err
	})
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// exportTable writes `"name": [rows]` for table t, one row a line.
func exportTable(ctx context.Context, q querier, w *bufio.Writer, t table) error {
	fmt.Fprintf(w, "\n    %s: [", jsonString(t.name))
	rows, err := q.QueryContext(ctx, t.selectAll())
	if err != nil {
		return fmt.Errorf("table %s: %w", t.name, err)
	}
	defer rows.Close()
	// The start of each column's member, `"name": `, made once.
	keys := make([][]byte, len(t.columns))
	for i, c := range t.columns {
		sep := ", "
		if i == 0 {
			sep = "{"
		}
		keys[i] = []byte(sep + jsonString(c.name) + ": ")
	}
	values := make([]any, len(t.columns))
	dest := make([]any, len(t.columns))
	for i := range values {
		dest[i] = &values[i]
	}
	line := make([]byte, 0, 1024)
	n := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("table %s: %w", t.name, err)
		}
		line = line[:0]
		if n > 0 {
			line = append(line, ',')
		}
		line = append(line, "\n      "...)
		for i, v := range values {
			line = append(line, keys[i]...)
			if line, err = appendValue(line, v); err != nil {
				return fmt.Errorf("table %s, row %d, column %s: %w", t.name, n+1, t.columns[i].name, err)
			}
		}
		line = append(line, '}')
		if _, err := w.Write(line); err != nil {
			return err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("table %s: %w", t.name, err)
	}
	if n > 0 {
		_, err = w.WriteString("\n    ")
	}
	w.WriteByte(']')
	return err
}

// appendValue appends the JSON form of a value as the driver read it.
func appendValue(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case float64:
		return appendReal(b, v)
	case string:
		if !utf8.ValidString(v) {
			return appendEncoded(b, "text_base64", []byte(v)), nil
		}
		return appendString(b, v), nil
	case []byte:
		return appendEncoded(b, "blob_base64", v), nil
	default:
		// The driver turns columns declared DATE, DATETIME, TIMESTAMP or
		// BOOLEAN into Go values that would not come back the same.
		return b, fmt.Errorf("the driver read it as %T: declare the column INTEGER or TEXT", v)
	}
}

// appendReal appends f so that it reads back as a REAL: as encoding/json
// writes a float64 (the shortest form that parses back to the same
// number), with ".0" added when that has no fraction or exponent.
func appendReal(b []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, fmt.Errorf("%v has no JSON form", f)
	}
	start := len(b)
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// 1e-07 → 1e-7, as encoding/json does.
		if n := len(b); n-start >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
		return b, nil
	}
	if !strings.ContainsAny(string(b[start:]), ".e") {
		b = append(b, ".0"...)
	}
	return b, nil
}

// appendEncoded appends {"key": "base64 of data"}.
func appendEncoded(b []byte, key string, data []byte) []byte {
	b = append(b, `{"`+key+`": "`...)
	b = base64.StdEncoding.AppendEncode(b, data)
	return append(b, `"}`...)
}

// jsonString is s as a JSON string.
func jsonString(s string) string { return string(appendString(nil, s)) }

// appendString appends s, valid UTF-8, as a JSON string: quotes,
// backslashes and control characters escaped, everything else as it is
// (unlike encoding/json, which also escapes <, > and &).
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// table is a table of the schema as the export sees it.
type table struct {
	name    string
	columns []column
	key     []string // primary key columns, in key order; none: rowid
}

// column is a column of a table with its SQLite type affinity.
type column struct {
	name     string
	affinity affinity
}

// affinity is a column's type affinity (SQLite, Datatypes §3.1): which
// storage classes a value keeps when it is written to the column.
type affinity int

const (
	affinityBlob    affinity = iota // no type: keeps any value as it is
	affinityInteger                 // INTEGER: whole numbers
	affinityReal                    // REAL: numbers, stored as floating point
	affinityText                    // TEXT: text
	affinityNumeric                 // anything else: numbers or text
)

// affinityOf is the affinity of a column declared with type decl.
func affinityOf(decl string) affinity {
	d := strings.ToUpper(decl)
	switch {
	case strings.Contains(d, "INT"):
		return affinityInteger
	case strings.Contains(d, "CHAR"), strings.Contains(d, "CLOB"), strings.Contains(d, "TEXT"):
		return affinityText
	case strings.Contains(d, "BLOB"), d == "":
		return affinityBlob
	case strings.Contains(d, "REAL"), strings.Contains(d, "FLOA"), strings.Contains(d, "DOUB"):
		return affinityReal
	}
	return affinityNumeric
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// selectAll is the query that reads every row of t in export order.
func (t table) selectAll() string {
	cols := make([]string, len(t.columns))
	for i, c := range t.columns {
		cols[i] = quoteIdent(c.name)
	}
	order := "rowid"
	if len(t.key) > 0 {
		keys := make([]string, len(t.key))
		for i, k := range t.key {
			keys[i] = quoteIdent(k)
		}
		order = strings.Join(keys, ", ")
	}
	return "SELECT " + strings.Join(cols, ", ") + " FROM " + quoteIdent(t.name) + " ORDER BY " + order
}

// insertRow is the statement that inserts a row of t with every column.
func (t table) insertRow() string {
	cols := make([]string, len(t.columns))
	for i, c := range t.columns {
		cols[i] = quoteIdent(c.name)
	}
	return "INSERT INTO " + quoteIdent(t.name) + " (" + strings.Join(cols, ", ") + ") VALUES (?" +
		strings.Repeat(", ?", len(cols)-1) + ")"
}

// schemaTables lists the tables of the schema by name, SQLite's own
// (sqlite_*) left out, each with its columns in table order. The search
// index (virtual tables and their shadow tables) is left out too: it is
// made from the other tables, and their triggers make it again on restore.
func schemaTables(ctx context.Context, q querier) ([]table, error) {
	names, err := queryStrings(ctx, q, `SELECT name FROM pragma_table_list
		WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	tables := make([]table, 0, len(names))
	for _, name := range names {
		t := table{name: name}
		rows, err := q.QueryContext(ctx, `SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid`, name)
		if err != nil {
			return nil, fmt.Errorf("columns of %s: %w", name, err)
		}
		keys := map[int]string{}
		for rows.Next() {
			var c, decl string
			var pk int
			if err := rows.Scan(&c, &decl, &pk); err != nil {
				rows.Close()
				return nil, fmt.Errorf("columns of %s: %w", name, err)
			}
			t.columns = append(t.columns, column{name: c, affinity: affinityOf(decl)})
			if pk > 0 {
				keys[pk] = c
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("columns of %s: %w", name, err)
		}
		for i := 1; i <= len(keys); i++ {
			t.key = append(t.key, keys[i])
		}
		tables = append(tables, t)
	}
	return tables, nil
}

// queryStrings runs a query whose rows are single strings.
func queryStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// userVersion reads PRAGMA user_version: the schema version.
func userVersion(ctx context.Context, q querier) (int, error) {
	rows, err := q.QueryContext(ctx, "PRAGMA user_version")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var v int
	if rows.Next() {
		if err := rows.Scan(&v); err != nil {
			return 0, err
		}
	}
	return v, rows.Err()
}

// CheckEmpty returns nil when no table of the database holds a row, and
// otherwise an error wrapping ErrNotEmpty that says which do.
func (s *Store) CheckEmpty(ctx context.Context) error {
	return s.inReadTx(ctx, func(q querier) error { return checkEmpty(ctx, q) })
}

// checkEmpty is CheckEmpty within a transaction. A new database has no
// rows at all: no migration writes any into an empty schema.
func checkEmpty(ctx context.Context, q querier) error {
	tables, err := schemaTables(ctx, q)
	if err != nil {
		return err
	}
	var full []string
	for _, t := range tables {
		var n int
		// The database's identity is no data: a new database that was
		// backed up has one.
		query := `SELECT count(*) FROM ` + quoteIdent(t.name)
		if t.name == "setting" {
			query += ` WHERE key <> '` + idKey + `'`
		}
		rows, err := q.QueryContext(ctx, query)
		if err != nil {
			return fmt.Errorf("count %s: %w", t.name, err)
		}
		if rows.Next() {
			err = rows.Scan(&n)
		}
		if err == nil {
			err = rows.Err()
		}
		rows.Close()
		if err != nil {
			return fmt.Errorf("count %s: %w", t.name, err)
		}
		if n > 0 {
			full = append(full, fmt.Sprintf("%s: %d", t.name, n))
		}
	}
	if len(full) > 0 {
		return fmt.Errorf("%w (%s)", ErrNotEmpty, strings.Join(full, ", "))
	}
	return nil
}
