package ui

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"rapport/ui/kit/kittest"
)

// fakeExporter records where it was asked to export, and fails when err
// is set.
type fakeExporter struct {
	mu     sync.Mutex
	all    []string
	people []string
	err    error
}

func (f *fakeExporter) ExportAll(_ context.Context, path, _ string) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.all = append(f.all, path)
	return 2 << 20, f.err
}

func (f *fakeExporter) ExportPeople(_ context.Context, path, _ string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.people = append(f.people, path)
	return 212, f.err
}

// exportWindow opens a window whose exports go to f.
func exportWindow(t *testing.T, f Exporter) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	w := New(a, peopleStore(t, person("Dana Reyes", "Director", "Platform")),
		Options{Now: func() time.Time { return testNow }, Exports: f})
	t.Cleanup(w.win.Close)
	return w
}

// exportAndWait runs the export of everything to path and waits until it
// has been reported.
func exportAndWait(t *testing.T, w *Window, path string) {
	t.Helper()
	done := make(chan struct{})
	w.exportEverythingTo(path, "", func() { close(done) })
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the export never reported")
	}
}

// dialogTexts lists the texts of the labels on the window's top overlay,
// one a line.
func dialogTexts(w *Window) string { return strings.Join(overlayLabels(w), "\n") }

func TestExportMenuItems(t *testing.T) {
	labels := func(items []*fyne.MenuItem) string {
		var out []string
		for _, it := range items {
			out = append(out, it.Label)
		}
		return strings.Join(out, ", ")
	}
	file, _ := exportWindow(t, &fakeExporter{}).commands()
	if got := labels(file); !strings.Contains(got, "Import contacts…, Export everything…, Export people as vCard…, Backups…") {
		t.Errorf("File menu = %s", got)
	}
	file, _ = exportWindow(t, nil).commands()
	if got := labels(file); strings.Contains(got, "Export") {
		t.Errorf("File menu without an exporter = %s", got)
	}
}

func TestExportEverything(t *testing.T) {
	f := &fakeExporter{}
	w := exportWindow(t, f)
	exportAndWait(t, w, "/home/dana/Rapport 2026-11-23.json")
	if len(f.all) != 1 || f.all[0] != "/home/dana/Rapport 2026-11-23.json" {
		t.Errorf("exported to %q", f.all)
	}
	if got, want := w.toast.message.Text, "Exported everything to /home/dana/Rapport 2026-11-23.json (2.0 MB)."; got != want || !w.toast.bar.Visible() {
		t.Errorf("toast = %q (shown %v), want %q", got, w.toast.bar.Visible(), want)
	}
	if texts := dialogTexts(w); texts != "" {
		t.Errorf("a dialog is still up: %q", texts)
	}
}

func TestExportEverythingFails(t *testing.T) {
	f := &fakeExporter{err: errors.New("atomicfile: write /mnt/usb/Rapport.json: no space left on device")}
	w := exportWindow(t, f)
	exportAndWait(t, w, "/mnt/usb/Rapport.json")
	texts := dialogTexts(w)
	for _, want := range []string{"Could not export to Rapport.json; nothing was written", "no space left on device"} {
		if !strings.Contains(texts, want) {
			t.Errorf("error dialog %q does not say %q", texts, want)
		}
	}
	if w.toast.bar.Visible() {
		t.Errorf("a failed export shows the toast %q", w.toast.message.Text)
	}
}

func TestExportPeople(t *testing.T) {
	f := &fakeExporter{}
	w := exportWindow(t, f)
	w.exportPeopleTo("/home/dana/Rapport people 2026-11-23.vcf", "")
	if len(f.people) != 1 || f.people[0] != "/home/dana/Rapport people 2026-11-23.vcf" {
		t.Errorf("exported to %q", f.people)
	}
	if got, want := w.toast.message.Text, "Exported 212 people to /home/dana/Rapport people 2026-11-23.vcf."; got != want {
		t.Errorf("toast = %q, want %q", got, want)
	}

	f.err = errors.New("permission denied")
	w.toast.hide()
	w.exportPeopleTo("/root/people.vcf", "")
	if texts := dialogTexts(w); !strings.Contains(texts, "Could not export to people.vcf; nothing was written") ||
		!strings.Contains(texts, "permission denied") {
		t.Errorf("error dialog = %q", texts)
	}
	if w.toast.bar.Visible() {
		t.Errorf("a failed export shows the toast %q", w.toast.message.Text)
	}
}

// TestExportDialogsSuggestAName opens the save dialogs: they suggest a
// dated file name.
func TestExportDialogsSuggestAName(t *testing.T) {
	w := exportWindow(t, &fakeExporter{})
	w.win.Resize(fyne.NewSize(1000, 700))
	for _, tt := range []struct {
		open    func() *exportOptions
		encrypt bool
		want    string
	}{
		{w.exportEverything, false, "Rapport 2026-11-23.json"},
		{w.exportPeople, false, "Rapport people 2026-11-23.vcf"},
		{w.exportEverything, true, "Rapport 2026-11-23.json.age"},
	} {
		o := tt.open()
		if tt.encrypt {
			o.encrypt.SetChecked(true)
			o.entry.SetText("pass")
			o.again.SetText("pass")
		}
		test.Tap(o.next)
		top := w.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("no save dialog for %s", tt.want)
		}
		found := false
		for _, o := range test.LaidOutObjects(top) {
			if e, ok := kittest.AsEntry(o); ok && e.Text == tt.want {
				found = true
			}
		}
		if !found {
			t.Errorf("the save dialog does not suggest %q", tt.want)
		}
		w.win.Canvas().Overlays().Remove(top)
	}
}
