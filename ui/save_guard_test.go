package ui

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

func TestSaveDialogsTruncateNothingUntilWritten(t *testing.T) {
	test.NewTempApp(t)
	guardSaves()
	dir := t.TempDir()
	old := filepath.Join(dir, "Rapport 2026-11-22.json")
	if err := os.WriteFile(old, []byte("last week's export"), 0o600); err != nil {
		t.Fatal(err)
	}

	// What the save dialog does when the user confirms overwriting, and
	// what Rapport then does: close the writer unused.
	wc, err := storage.Writer(storage.NewFileURI(old))
	if err != nil {
		t.Fatal(err)
	}
	if err := wc.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(old); string(got) != "last week's export" {
		t.Fatalf("a writer closed unused left %q, want the old file untouched", got)
	}
	fresh := filepath.Join(dir, "new.vcf")
	wc, err = storage.Writer(storage.NewFileURI(fresh))
	if err != nil {
		t.Fatal(err)
	}
	wc.Close()
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("a writer closed unused made %s (%v)", fresh, err)
	}

	// Writing through the writer still replaces the file.
	wc, err = storage.Writer(storage.NewFileURI(old))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(wc, "new"); err != nil {
		t.Fatal(err)
	}
	if err := wc.Close(); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(old); string(got) != "new" {
		t.Errorf("after writing, the file holds %q, want %q", got, "new")
	}
	// The dialogs still list folders through the wrapped repository.
	if ok, err := storage.CanList(storage.NewFileURI(dir)); err != nil || !ok {
		t.Errorf("CanList = %v, %v through the guard", ok, err)
	}
}
