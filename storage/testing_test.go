package storage

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"rapport/model"
)

// testNow is the pinned clock of a store made by mustOpen.
var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// mustOpen opens a new database in a temporary folder, with its clock
// pinned to testNow, and closes it when the test ends.
func mustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(filepath.Join(tb.TempDir(), "rapport.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	s.Now = func() time.Time { return testNow }
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

// mustCreatePerson adds a person with the given name and default fields.
func mustCreatePerson(tb testing.TB, s *Store, name string) model.Person {
	tb.Helper()
	p := model.NewPerson(name)
	if err := s.CreatePerson(tb.Context(), &p); err != nil {
		tb.Fatalf("CreatePerson(%q): %v", name, err)
	}
	return p
}

// setClock pins the store's clock to t.
func setClock(s *Store, t time.Time) { s.Now = func() time.Time { return t } }

// countRows returns how many rows table holds.
func countRows(tb testing.TB, s *Store, table string) int {
	tb.Helper()
	var n int
	if err := s.db.QueryRowContext(tb.Context(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		tb.Fatalf("count %s: %v", table, err)
	}
	return n
}

// isValidationError reports whether err is a *model.ValidationError.
func isValidationError(err error) bool {
	var v *model.ValidationError
	return errors.As(err, &v)
}
