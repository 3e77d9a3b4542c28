package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"rapport/model"
)

// TestSecureDeleteOverwritesWhatWasRemoved checks that an edited note
// and a person emptied from the trash leave no trace in the database
// file: SQLite's secure_delete overwrites freed space with zeros, so a
// copy of the file (a stolen laptop's disk image) does not hold what the
// user removed.
func TestSecureDeleteOverwritesWhatWasRemoved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	edited := model.NewPerson("Dana Reyes")
	edited.Notes = "Zqxv-edited-note: thinking of leaving in spring"
	if err := s.CreatePerson(ctx, &edited); err != nil {
		t.Fatal(err)
	}
	trashed := model.NewPerson("Wqxz-Trashed Person")
	trashed.Notes = "Wqxz-trashed-note: told me about the layoffs"
	if err := s.CreatePerson(ctx, &trashed); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	edited.Notes = "met for coffee"
	if err := s.UpdatePerson(ctx, &edited); err != nil {
		t.Fatal(err)
	}
	if err := s.ArchivePerson(ctx, trashed.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil { // checkpoints the log into the file
		t.Fatal(err)
	}
	var data []byte
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		data = append(data, b...)
	}
	for _, gone := range []string{"Zqxv-edited-note", "Wqxz-trashed-note", "Wqxz-Trashed"} {
		if bytes.Contains(data, []byte(gone)) {
			t.Errorf("the database file still holds %q after it was removed", gone)
		}
	}
}
