package ui

import (
	"image/color"
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"rapport/model"
	"rapport/ui/kit"
)

// backgroundOf is the background colour the app draws now.
func backgroundOf(a fyne.App) color.Color {
	return a.Settings().Theme().Color(theme.ColorNameBackground, a.Settings().ThemeVariant())
}

// heldVariant reports whether the app's theme holds one variant whatever
// the system's.
func heldVariant(a fyne.App) bool {
	t, ok := a.Settings().Theme().(appTheme)
	return ok && t.fixed
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		lin := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	}
	l1, l2 := lum(a), lum(b)
	if l1 < l2 {
		l1, l2 = l2, l1
	}
	return (l1 + 0.05) / (l2 + 0.05)
}

func TestQuietTextIsReadable(t *testing.T) {
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := appTheme{Theme: theme.DefaultTheme(), fixed: true, variant: variant}
		quiet := th.Color(kit.ColorNameQuiet, variant)
		bg := th.Color(theme.ColorNameBackground, variant)
		fg := th.Color(theme.ColorNameForeground, variant)
		if got := contrast(quiet, bg); got < 4.5 {
			t.Errorf("variant %d: quiet text is %.1f:1 on the background, want at least 4.5:1", variant, got)
		}
		if got := contrast(quiet, fg); got < 1.5 {
			t.Errorf("variant %d: quiet text is hardly quieter than the text (%.1f:1)", variant, got)
		}
	}
}

func TestSettingsAppearanceAndBackupFolder(t *testing.T) {
	st := newMemStore(func() time.Time { return testNow })
	st.sample = []model.Person{model.NewPerson("Sample Person")}
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme()) // the test theme has one variant
	backups := &fakeBackups{}
	w := New(a, st, Options{Now: func() time.Time { return testNow }, Backups: backups})
	w.win.Resize(fyne.NewSize(1024, 640))
	t.Cleanup(w.win.Close)

	light := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)

	e := openSettingsEditor(w, nil)
	if e.look.Selected != "Follow the system" {
		t.Errorf("a new install's theme = %q, want Follow the system", e.look.Selected)
	}
	if e.backups.PlaceHolder != "/data/backups" {
		t.Errorf("backup folder placeholder = %q, want the default folder", e.backups.PlaceHolder)
	}
	e.look.SetSelected("Dark")
	e.backups.SetText("/mnt/usb\nbackups")
	test.Tap(e.save)
	if e.fields.Problem("backup folder") == "" {
		t.Fatal("a folder with a line break was accepted")
	}
	if heldVariant(a) || savedAppearance(a) != appearanceSystem {
		t.Fatal("the theme changed although nothing was saved")
	}
	e.backups.SetText("  /mnt/usb/backups ")
	test.Tap(e.save)
	if st.settings.BackupFolder != "/mnt/usb/backups" {
		t.Errorf("backup folder saved = %q", st.settings.BackupFolder)
	}
	if got := backgroundOf(a); got != dark {
		t.Errorf("after choosing Dark the background is %v, want %v", got, dark)
	}
	if got := a.Preferences().String(prefAppearance); got != "dark" {
		t.Errorf("preference = %q, want dark", got)
	}

	// The choice outlives the window: a new one on the same app is dark,
	// and Light is kept in the same way.
	w2 := New(a, st, Options{Now: func() time.Time { return testNow }, Backups: backups})
	t.Cleanup(w2.win.Close)
	e2 := openSettingsEditor(w2, nil)
	if e2.look.Selected != "Dark" || e2.backups.Text != "/mnt/usb/backups" {
		t.Errorf("reopened settings show theme %q, folder %q", e2.look.Selected, e2.backups.Text)
	}
	e2.look.SetSelected("Light")
	test.Tap(e2.save)
	if got := backgroundOf(a); got != light {
		t.Errorf("after choosing Light the background is %v, want %v", got, light)
	}
	e3 := openSettingsEditor(w2, nil)
	e3.look.SetSelected("Follow the system")
	test.Tap(e3.save)
	if heldVariant(a) || a.Preferences().String(prefAppearance) != "" {
		t.Errorf("Follow the system left theme %T, preference %q", a.Settings().Theme(), a.Preferences().String(prefAppearance))
	}
}

func TestDialogsFitASmallWindow(t *testing.T) {
	w, _, _, _ := newMeetingWindow(t)
	w.win.Resize(fyne.NewSize(1024, 640))
	room := w.win.Canvas().Size()
	got := fitCanvas(w, fyne.NewSize(640, 900))
	if got.Height >= room.Height || got.Width != 640 {
		t.Errorf("a 640×900 dialog in a %v window is sized %v, want it shorter than the window", room, got)
	}
	if got := fitCanvas(w, fyne.NewSize(300, 200)); got != fyne.NewSize(300, 200) {
		t.Errorf("a small dialog was resized to %v", got)
	}
}

func TestWelcomeAsksWhoYouAre(t *testing.T) {
	st := newMemStore(func() time.Time { return testNow })
	w := newTestWindow(t, st)
	wl := w.currentWelcome
	if wl == nil {
		t.Fatal("an empty database shows no welcome")
	}
	if focused := w.win.Canvas().Focused(); focused != wl.name {
		t.Errorf("the welcome's focus is on %v, want the name field", focused)
	}
	wl.name.SetText("Sam Lee")
	wl.email.SetText("sam at example")
	test.Tap(wl.startEmpty)
	if wl.fields.Problem("your email") == "" {
		t.Error("no problem shown under a bad e-mail")
	}
	if w.current == screenPeople || st.settings.UserName != "" {
		t.Fatalf("started (screen %v) or saved (%+v) with a bad e-mail", w.current, st.settings)
	}
	wl.email.SetText(" sam@example.com ")
	test.Tap(wl.startEmpty)
	if st.settings.UserName != "Sam Lee" || st.settings.UserEmail != "sam@example.com" {
		t.Errorf("settings after the welcome = %+v", st.settings)
	}
	if w.current != screenPeople {
		t.Errorf("screen after starting = %v, want people", w.current)
	}
}
