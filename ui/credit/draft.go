package credit

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// openDraft shows text, drafted for the people with the given IDs, to
// edit, copy, and log as public thanks in one step.
func (s *Screen) openDraft(title, text string, ids []int64) {
	var d dialog.Dialog
	entry := kit.MultiLine(text, "", 14)
	clipboard := fyne.CurrentApp().Clipboard()
	copyBtn := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() {
		clipboard.SetContent(entry.Text)
		s.nav.Toast("Copied: paste it where you will send or say it.", nil)
	})
	logged := widget.NewButtonWithIcon("Copy and log as public thanks", theme.ConfirmIcon(), func() {
		clipboard.SetContent(entry.Text)
		if s.logPublicThanks(title, ids) {
			d.Hide()
			s.Reload()
		}
	})
	logged.Importance = widget.HighImportance
	note := kit.Quiet("In your own voice: edit it before you send it. Nothing you shared about yourself is ever in a draft.")
	closeBtn := widget.NewButton("Close", func() { d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), closeBtn, copyBtn, logged)
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(note, buttons, nil, nil, entry), s.parent)
	d.Resize(kit.FitWindow(s.parent, fyne.NewSize(680, 560)))
	d.Show()
}

// logPublicThanks logs public thanks to the people with the given IDs,
// summed up by the first line of title, and says so; it reports whether
// it was logged.
func (s *Screen) logPublicThanks(title string, ids []int64) bool {
	i := model.Interaction{Kind: model.KindThanksPublic, At: s.now(), PersonIDs: ids,
		Summary: strings.TrimSpace(firstLine(title))}
	if err := s.store.CreateInteraction(context.Background(), &i); err != nil {
		s.nav.ShowError("Could not log the thanks", err)
		return false
	}
	s.nav.Toast(fmt.Sprintf("Copied, and logged as public thanks to %s.", kit.Plural(len(ids), "person", "people")), nil)
	return true
}

// firstLine is the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
