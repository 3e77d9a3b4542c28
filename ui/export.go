package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"rapport/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Exporter writes the user's data to files; main hands in one on storage.
// Each file is written whole or not at all, readable by the user alone;
// with a passphrase (not empty) it is encrypted with it (age).
type Exporter interface {
	// ExportAll writes everything, as the JSON document that
	// "rapport import FILE --db NEW.db --yes" restores, to path, and
	// returns the file's size in bytes.
	ExportAll(ctx context.Context, path, passphrase string) (int64, error)
	// ExportPeople writes the active people (not those in the trash) as
	// vCard 4.0 to path, without their notes, and returns how many.
	ExportPeople(ctx context.Context, path, passphrase string) (int, error)
}

var errNoExporter = errors.New("this build of Rapport cannot export")

// exportEverything asks whether to encrypt, then where to save
// everything, then exports it there.
func (w *Window) exportEverything() *exportOptions {
	return openExportOptions(w, "Export everything", func(passphrase string) {
		name, ext := encryptedName(fmt.Sprintf("Rapport %s.json", w.now().Format("2006-01-02")), ".json", passphrase)
		w.saveFileAs("the export", name, ext, func(path string) { w.exportEverythingTo(path, passphrase, nil) })
	})
}

// exportPeople asks whether to encrypt, then where to save the people's
// cards, then exports them.
func (w *Window) exportPeople() *exportOptions {
	return openExportOptions(w, "Export people as vCard", func(passphrase string) {
		name, ext := encryptedName(fmt.Sprintf("Rapport people %s.vcf", w.now().Format("2006-01-02")), ".vcf", passphrase)
		w.saveFileAs("the cards", name, ext, func(path string) { w.exportPeopleTo(path, passphrase) })
	})
}

// saveFileAs asks where to save a file, suggesting name (with extension
// ext) in the folder last used, and hands the chosen path to then, which
// writes it; what names the file in an error.
func (w *Window) saveFileAs(what, name, ext string, then func(path string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			w.showError("Could not save "+what, err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		// Unused, the writer leaves the file as it was (guardSaves): then
		// writes it whole or not at all.
		_ = wc.Close()
		then(path)
	}, w.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Show()
}

// exportEverythingTo writes everything to path off the window's goroutine
// (a large database takes a second or so), showing that it is at work,
// then reports the file written, or the error. A passphrase (not empty)
// encrypts it. done, when set, is called once that is shown.
func (w *Window) exportEverythingTo(path, passphrase string, done func()) {
	if w.opts.Exports == nil {
		w.showError("Could not export", errNoExporter)
		return
	}
	name := filepath.Base(path)
	working := dialog.NewCustomWithoutButtons("Exporting to "+name+"…", widget.NewProgressBarInfinite(), w.win)
	working.Show()
	exports := w.opts.Exports
	go func() {
		size, err := exports.ExportAll(context.Background(), path, passphrase)
		fyne.Do(func() {
			working.Hide()
			if err != nil {
				w.showError("Could not export to "+name+"; nothing was written", err)
			} else {
				w.toast.show(fmt.Sprintf("Exported everything to %s (%s).", path, sizeText(size)), nil)
			}
			if done != nil {
				done()
			}
		})
	}()
}

// exportPeopleTo writes the active people's cards to path, encrypted with
// passphrase when it is not empty, and reports it. A card is a few
// hundred bytes, so this runs on the window's goroutine (but for the
// second of scrypt an encrypted file costs).
func (w *Window) exportPeopleTo(path, passphrase string) {
	if w.opts.Exports == nil {
		w.showError("Could not export", errNoExporter)
		return
	}
	n, err := w.opts.Exports.ExportPeople(context.Background(), path, passphrase)
	if err != nil {
		w.showError("Could not export to "+filepath.Base(path)+"; nothing was written", err)
		return
	}
	w.toast.show(fmt.Sprintf("Exported %s to %s.", kit.Plural(n, "person", "people"), path), nil)
}
