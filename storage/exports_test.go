package storage

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportFiles writes the two exports the File menu offers and checks
// each file holds what rapport export prints, readable by the user alone.
func TestExportFiles(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	mustCreatePerson(t, s, "Dana Ode")
	gone := mustCreatePerson(t, s, "Ben Ruiz")
	if err := s.ArchivePerson(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()

	all := filepath.Join(dir, "all.json")
	size, err := s.ExportAll(ctx, all, "")
	if err != nil {
		t.Fatalf("ExportAll: %v", err)
	}
	want, err := s.ExportJSON(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checkExported(t, all, want)
	if size != int64(len(want)) {
		t.Errorf("ExportAll reported %d bytes, wrote %d", size, len(want))
	}

	people := filepath.Join(dir, "people.vcf")
	n, err := s.ExportPeople(ctx, people, "")
	if err != nil {
		t.Fatalf("ExportPeople: %v", err)
	}
	want, wantN, err := s.PeopleVCard(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checkExported(t, people, want)
	if n != 1 || wantN != 1 {
		t.Errorf("exported %d people (vCard %d), want 1: the one in the trash stays out", n, wantN)
	}
	if !strings.Contains(string(want), "Dana Ode") || strings.Contains(string(want), "Ben Ruiz") {
		t.Errorf("vCard holds the wrong people:\n%s", want)
	}
}

// checkExported fails the test unless the file at path holds want and only
// its owner can read it.
func checkExported(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the export (%d bytes, want %d)", filepath.Base(path), len(got), len(want))
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("%s: mode %v, %v; want 0600", filepath.Base(path), fi.Mode().Perm(), err)
	}
}
