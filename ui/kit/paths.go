package kit

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// AskIntroductionLabel is the button of each step of a warm path that
// asks the person on it for an introduction to the next.
const AskIntroductionLabel = "Ask for an introduction"

// WarmPaths shows the warm paths to target: "How to reach Nadia: through
// Daniel (warm, reports to Nadia)", the reason each step is strong or
// weak, and on each step from one person to the next an "Ask for an
// introduction" button calling ask with them; or, with no path, what to
// do instead.
func WarmPaths(target model.Person, paths []model.WarmPath, ask func(via, next model.Person)) fyne.CanvasObject {
	name := FirstName(target.Name)
	box := container.NewVBox()
	if len(paths) == 0 {
		box.Add(CardHeading("How to reach " + name))
		box.Add(Quiet("No warm path within " + strconv.Itoa(model.MaxPathHops) + " steps: nobody you know is tied to " +
			name + ", or only through someone at odds. Meet someone close to them, or ask " + name + " directly."))
		return box
	}
	for i, p := range paths {
		heading := "How to reach " + name + ": " + p.Summary()
		if i > 0 {
			heading = "Or " + p.Summary()
		}
		h := widget.NewLabelWithStyle(heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		h.Wrapping = fyne.TextWrapWord
		steps := Tight()
		for _, s := range p.Steps {
			steps.Add(pathStep(s, ask))
		}
		box.Add(h)
		box.Add(steps)
	}
	return box
}

// pathStep is one step's reason, with the ask for a step between two
// people.
func pathStep(s model.PathStep, ask func(via, next model.Person)) fyne.CanvasObject {
	icon := theme.IconNameConfirm
	if !s.Strong {
		icon = theme.IconNameWarning
	}
	line := container.NewBorder(nil, nil, NewThemedIcon(icon), nil, Wrapped(CapitalFirst(s.Reason)))
	if s.From.ID == 0 || ask == nil {
		return line
	}
	via, next := s.From, s.To
	b := widget.NewButtonWithIcon(AskIntroductionLabel, theme.MailSendIcon(), func() { ask(via, next) })
	b.Importance = widget.LowImportance
	return container.NewVBox(line, container.NewHBox(b))
}

// RefreshScrolls lays out again every scroll in the containers under o
// (not those inside a scroll's content): after a part filled in late grew,
// so that its scroll makes room for it.
func RefreshScrolls(o fyne.CanvasObject) {
	switch v := o.(type) {
	case *container.Scroll:
		v.Refresh()
	case *fyne.Container:
		for _, c := range v.Objects {
			RefreshScrolls(c)
		}
	}
}

// OffUI runs f, a read or a computation whose result f hands back with
// fyne.Do, off the UI goroutine. Under go test it runs f in place instead:
// Fyne's test driver runs fyne.Do in place on the caller's goroutine, so a
// goroutine would touch widgets beside the test (and outlive its store);
// in place, a test sees the result as soon as the screen is built.
func OffUI(f func()) {
	if testing.Testing() {
		f()
		return
	}
	go f()
}
