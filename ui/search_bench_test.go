package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/model/sample"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// BenchmarkSearchBoxKeystroke types into the Ctrl+K box over the 5,000
// people, 100,000 interactions and 20,000 promises of the generated
// sample, on a real store file, as a user does: each iteration is one
// keystroke of "broker migra", "helena" or "the q3 plan", the line read
// again, the search run and the results shown. Target: ≤ 16 ms (a frame)
// per keystroke. With -short it runs over a tenth of the sample.
func BenchmarkSearchBoxKeystroke(b *testing.B) {
	opts := sample.Options{Seed: 7, People: 5_000, Interactions: 100_000, Promises: 20_000, Now: testNow}
	if testing.Short() {
		opts = sample.Options{Seed: 7, People: 500, Interactions: 10_000, Promises: 2_000, Now: testNow}
	}
	st := storetest.Open(b, func() time.Time { return testNow })
	if err := st.InsertNetwork(b.Context(), sample.Generate(opts)); err != nil {
		b.Fatal(err)
	}
	w := New(test.NewTempApp(b), st, Options{Now: func() time.Time { return testNow }})
	w.win.Resize(fyne.NewSize(1280, 800))
	b.Cleanup(w.win.Close)
	w.show(screenToday)
	q := openQuickBox(w, st)
	var keystrokes []string
	for _, query := range []string{"broker migra", "helena", "the q3 plan"} {
		r := []rune(query)
		for k := 1; k <= len(r); k++ {
			keystrokes = append(keystrokes, string(r[:k]))
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q.entry.SetText(keystrokes[i%len(keystrokes)])
	}
	b.StopTimer()
	q.entry.SetText("broker migration")
	if len(q.results.rows) == 0 || !kittest.Shows(q.content, "results") {
		b.Fatalf("“broker migration” found nothing: %q", kittest.Texts(q.content))
	}
}
