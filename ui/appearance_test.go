package ui

import (
	"context"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/storage/storetest"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
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

// contrast is the WCAG contrast ratio of two colours (the theme's own
// measure, contrastRatio).
func contrast(a, b color.Color) float64 { return contrastRatio(a, b) }

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

// settingsOf is the settings form on top of w, with its theme choice,
// its backup folder (found by its placeholder) and its Save button.
func settingsOf(t *testing.T, w *Window) (look *widget.RadioGroup, backups *widget.Entry, save *widget.Button) {
	t.Helper()
	w.editSettings(nil)
	form := kittest.TopDialog(w.win)
	if !kittest.Shows(form, "Settings") {
		t.Fatalf("the dialog on top shows %q, want the settings", kittest.Texts(form))
	}
	look = kittest.Find[*widget.RadioGroup](form, nil)
	backups = kittest.FindEntry(form, func(e *widget.Entry) bool { return e.PlaceHolder == "/data/backups" })
	if look == nil || backups == nil {
		t.Fatalf("the settings have no theme or no backup folder with its default: %q", kittest.Texts(form))
	}
	return look, backups, kittest.MustButton(t, form, "Save")
}

// The settings form (ui/forms) takes the theme chosen; the window applies
// it to the app and remembers it beyond the window.
func TestSettingsAppearanceAndBackupFolder(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.DefaultTheme()) // the test theme has one variant
	backups := &fakeBackups{}
	w := New(a, st, Options{Now: func() time.Time { return testNow }, Backups: backups})
	w.win.Resize(fyne.NewSize(1024, 640))
	t.Cleanup(w.win.Close)

	light := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	dark := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	folder := func() string {
		s, err := st.Settings(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return s.BackupFolder
	}

	look, folderEntry, save := settingsOf(t, w)
	if look.Selected != "Follow the system" {
		t.Errorf("a new install's theme = %q, want Follow the system", look.Selected)
	}
	look.SetSelected("Dark")
	folderEntry.SetText("/mnt/usb\nbackups")
	test.Tap(save)
	if folder() != "" {
		t.Fatal("a folder with a line break was accepted")
	}
	if heldVariant(a) || savedAppearance(a) != appearanceSystem {
		t.Fatal("the theme changed although nothing was saved")
	}
	folderEntry.SetText("  /mnt/usb/backups ")
	test.Tap(save)
	if got := folder(); got != "/mnt/usb/backups" {
		t.Errorf("backup folder saved = %q", got)
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
	look, folderEntry, save = settingsOf(t, w2)
	if look.Selected != "Dark" || folderEntry.Text != "/mnt/usb/backups" {
		t.Errorf("reopened settings show theme %q, folder %q", look.Selected, folderEntry.Text)
	}
	look.SetSelected("Light")
	test.Tap(save)
	if got := backgroundOf(a); got != light {
		t.Errorf("after choosing Light the background is %v, want %v", got, light)
	}
	look, _, save = settingsOf(t, w2)
	look.SetSelected("Follow the system")
	test.Tap(save)
	if heldVariant(a) || a.Preferences().String(prefAppearance) != "" {
		t.Errorf("Follow the system left theme %T, preference %q", a.Settings().Theme(), a.Preferences().String(prefAppearance))
	}
}

// over is fg (with its alpha) blended over the opaque bg.
func over(fg, bg color.Color) color.Color {
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	mix := func(x, y uint8) uint8 { return uint8((int(x)*int(f.A) + int(y)*(255-int(f.A))) / 255) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

func TestFocusIsVisible(t *testing.T) {
	kittest.NewApp(t)
	tests := []struct {
		what       string
		mark, base fyne.ThemeColorName
		want       float64 // least contrast between focused and not
	}{
		{"a button", theme.ColorNameFocus, theme.ColorNameButton, 1.45},
		// The main button's blue is dark enough for its white text to
		// read (4.5:1), which leaves a blue tint little to add.
		{"the main button", theme.ColorNameFocus, theme.ColorNamePrimary, 1.12},
		{"a check or drop-down", theme.ColorNameFocus, theme.ColorNameBackground, 1.45},
		{"the list row the arrows are on", theme.ColorNameHover, theme.ColorNameBackground, 1.3},
	}
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := appTheme{Theme: theme.DefaultTheme(), fixed: true, variant: variant}
		for _, tt := range tests {
			base := th.Color(tt.base, variant)
			got := contrast(over(th.Color(tt.mark, variant), base), base)
			t.Logf("variant %d, %s: focused %.2f:1 against unfocused", variant, tt.what, got)
			if got < tt.want {
				t.Errorf("variant %d: focus on %s is %.2f:1 against it unfocused, want at least %.2f:1", variant, tt.what, got, tt.want)
			}
		}
	}
}

func TestTextOnAFocusedButtonStaysReadable(t *testing.T) {
	kittest.NewApp(t)
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := appTheme{Theme: theme.DefaultTheme(), fixed: true, variant: variant}
		focus := th.Color(theme.ColorNameFocus, variant)
		for _, b := range []struct {
			text, base fyne.ThemeColorName
			want       float64
		}{
			{theme.ColorNameForeground, theme.ColorNameButton, 4.5},
			// White on Fyne's blue is 4.6:1 unfocused in dark.
			{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary, 3.5},
		} {
			got := contrast(th.Color(b.text, variant), over(focus, th.Color(b.base, variant)))
			t.Logf("variant %d, %s on focused %s: %.1f:1", variant, b.text, b.base, got)
			if got < b.want {
				t.Errorf("variant %d: %s text on a focused %s button is %.1f:1, want at least %.1f:1", variant, b.text, b.base, got, b.want)
			}
		}
	}
}

// TestEveryTextIsReadable: every colour the app draws text in (plain,
// quiet, warning such as the "overlooked" captions, danger, success,
// links, hints, headline figures, the chart's month labels, which are
// quiet) reads at 4.5:1 or more (WCAG AA) on every background text is
// drawn on, in light and in dark, and so does text on a coloured fill.
func TestEveryTextIsReadable(t *testing.T) {
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, kit.ColorNameQuiet, theme.ColorNameWarning,
		theme.ColorNameError, theme.ColorNameSuccess, theme.ColorNameHyperlink, theme.ColorNamePlaceHolder}
	fills := map[fyne.ThemeColorName]fyne.ThemeColorName{
		theme.ColorNamePrimary: theme.ColorNameForegroundOnPrimary,
		theme.ColorNameError:   theme.ColorNameForegroundOnError,
		theme.ColorNameWarning: theme.ColorNameForegroundOnWarning,
		theme.ColorNameSuccess: theme.ColorNameForegroundOnSuccess,
	}
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := appTheme{Theme: theme.DefaultTheme(), fixed: true, variant: variant}
		for _, text := range texts {
			for _, bg := range textBackgrounds {
				if got := contrast(th.Color(text, variant), th.Color(bg, variant)); got < 4.5 {
					t.Errorf("variant %d: %s text on %s is %.2f:1, want at least 4.5:1", variant, text, bg, got)
				}
			}
		}
		for fill, on := range fills {
			if got := contrast(th.Color(on, variant), th.Color(fill, variant)); got < 4.5 {
				t.Errorf("variant %d: %s text on a %s fill is %.2f:1, want at least 4.5:1", variant, on, fill, got)
			}
		}
	}
}
