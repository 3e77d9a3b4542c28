package relmap

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
	"rapport/ui/netmap"
)

// knowsSensitive marks, on the side card, someone the user
// shared something of high sensitivity with.
const knowsSensitive = "Knows something sensitive you shared"

// cardPromisesShown is how many promises each way the side card lists.
const cardPromisesShown = 3

// showCard fills the side card: the selected person, or the legend.
func (s *Screen) showCard() {
	p, ok := s.byID[s.selected]
	if s.selected == 0 || !ok {
		s.card.Objects = s.legend()
	} else {
		s.card.Objects = s.personCard(p)
	}
	// The grid explains itself: it takes the card's room until someone
	// is selected.
	if s.gridShown() && (s.selected == 0 || !ok) {
		s.side.Hide()
	} else {
		s.side.Show()
	}
	s.card.Refresh()
}

// personCard is what the map knows about one person: who they are, where
// they stand, how warm it is and why, what is owed each way, their ties,
// and what to do next, and how to reach them (paths.go). Their contacts
// and promises are read here, in one call; when that fails the card says
// so in place of the promises.
func (s *Screen) personCard(np model.NetworkPerson) []fyne.CanvasObject {
	p := np.Person
	card, err := s.store.MapCard(context.Background(), p.ID)
	objects := s.cardHeader(p)
	objects = append(objects, s.cardWarmth(np, card.LastKind(s.net.Now))...)
	if err != nil {
		objects = append(objects, kit.CardHeading("Promises"),
			kit.Quiet("Could not read the contacts and promises: "+err.Error()))
	} else {
		objects = append(objects, s.cardPromiseLists(p, card.Promises)...)
	}
	return append(append(objects, s.cardTies(p)...), s.cardPaths(p))
}

// cardHeader is who the person is, whether they are in the trash, where
// they stand, and what to do next.
func (s *Screen) cardHeader(p model.Person) []fyne.CanvasObject {
	name := widget.NewLabelWithStyle(p.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	name.Wrapping = fyne.TextWrapWord
	closeCard := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { s.selectPerson(0) })
	closeCard.Importance = widget.LowImportance
	objects := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, container.NewVBox(closeCard), name)}
	if sub := p.Subtitle(); sub != "" {
		objects = append(objects, kit.Wrapped(sub))
	}
	if p.Archived() {
		objects = append(objects, kit.Quiet("In the trash since "+p.ArchivedAt.Local().Format("2 January 2006")+"."))
	}
	stance := container.NewHBox(netmap.NewGlyph(stanceShape(p.Stance), kit.StanceColor(p.Stance), false),
		widget.NewLabelWithStyle(p.Stance.Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("· influence "+kit.InfluenceDots(p.Influence)))
	return append(objects, stance, s.cardActions(p))
}

// cardWarmth is how warm the relationship is and why (lastKind is the
// kind of the last contact up to now), whether contact is overdue, and
// whether they know something sensitive.
func (s *Screen) cardWarmth(np model.NetworkPerson, lastKind model.InteractionKind) []fyne.CanvasObject {
	p := np.Person
	bar := widget.NewProgressBar()
	bar.Max = 100
	bar.Value = float64(np.Warmth)
	bar.TextFormatter = func() string { return fmt.Sprintf("Warmth %d of 100", np.Warmth) }
	reasons := kit.Tight()
	for _, r := range model.DefaultCredits.WarmthReasons(np.Balance, np.LastContact, lastKind, p, s.net.Now) {
		reasons.Add(kit.Bullet(r))
	}
	objects := []fyne.CanvasObject{bar, reasons}
	if np.Overdue && !p.Archived() {
		l := widget.NewLabel("Overdue for contact")
		l.Importance = widget.DangerImportance
		l.TextStyle.Bold = true
		objects = append(objects, l)
	}
	if s.sensitiveKnowers()[p.ID] {
		l := widget.NewLabelWithStyle(knowsSensitive, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		objects = append(objects, l)
	}
	return objects
}

// cardActions are what to do next about a person: log an interaction,
// schedule a coffee, add a promise, open their page (only the page for
// someone in the trash).
func (s *Screen) cardActions(p model.Person) fyne.CanvasObject {
	open := widget.NewButtonWithIcon("Open page", theme.AccountIcon(), func() { s.openPerson(p.ID) })
	if p.Archived() {
		return open
	}
	log := widget.NewButtonWithIcon("Log interaction", theme.DocumentCreateIcon(), func() { s.nav.LogInteraction(p.ID) })
	log.Importance = widget.HighImportance
	coffee := widget.NewButtonWithIcon("Schedule coffee", theme.CalendarIcon(), func() { s.nav.ScheduleMeeting(p.ID) })
	promise := widget.NewButtonWithIcon("Promise", theme.ConfirmIcon(), func() { s.nav.NewPromise(p.ID) })
	return container.NewVBox(log, coffee, container.NewGridWithColumns(2, promise, open))
}

// cardPromiseLists lists the pending promises of all, each way, overdue
// first.
func (s *Screen) cardPromiseLists(p model.Person, all []model.Promise) []fyne.CanvasObject {
	now := s.net.Now
	var out []fyne.CanvasObject
	for _, dir := range []model.Direction{model.DirectionMine, model.DirectionTheirs} {
		var pending []model.Promise
		for _, pr := range all {
			if pr.Direction == dir && pr.Status.Pending() {
				pending = append(pending, pr)
			}
		}
		if len(pending) == 0 {
			continue
		}
		title := "You owe " + kit.FirstName(p.Name)
		if dir == model.DirectionTheirs {
			title = kit.FirstName(p.Name) + " owes you"
		}
		out = append(out, kit.CardHeading(fmt.Sprintf("%s · %d", title, len(pending))))
		slices.SortStableFunc(pending, func(a, b model.Promise) int {
			switch {
			case a.DueOn.IsZero() && !b.DueOn.IsZero():
				return 1
			case b.DueOn.IsZero() && !a.DueOn.IsZero():
				return -1
			}
			return a.DueOn.Compare(b.DueOn)
		})
		list := kit.Tight()
		out = append(out, list)
		for i, pr := range pending {
			if i == cardPromisesShown {
				list.Add(kit.Quiet(fmt.Sprintf("and %d more on their page", len(pending)-i)))
				break
			}
			text := pr.What
			if !pr.DueOn.IsZero() {
				if pr.Overdue(now) {
					text += " · " + model.DueWords(pr.DueOn, now)
				} else {
					text += " · due " + model.DueWords(pr.DueOn, now)
				}
			}
			l := kit.Bullet(text)
			if pr.Overdue(now) {
				l.Importance = widget.DangerImportance
			}
			list.Add(l)
		}
	}
	if len(out) == 0 {
		out = append(out, kit.CardHeading("Promises"), kit.Quiet("Nothing pending either way."))
	}
	return out
}

// cardTies lists the person's ties in words; a name selects that person.
func (s *Screen) cardTies(p model.Person) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, t := range s.net.Ties {
		var other int64
		var phrase string
		switch {
		case t.FromID == p.ID:
			other, phrase = t.ToID, kit.TieVerb(t.Kind)
		case t.ToID == p.ID && t.Kind.Mutual():
			other, phrase = t.FromID, kit.TieVerb(t.Kind)
		case t.ToID == p.ID:
			other = t.FromID
		default:
			continue
		}
		o, ok := s.byID[other]
		if !ok {
			continue
		}
		name := o.Person.Name
		switch {
		case o.Person.Archived():
			name += " (in the trash)"
		case !s.isShown(other):
			name += " (hidden by the filters)"
		}
		// A name selects that person on the map, or opens their page
		// when the map does not show them.
		link := widget.NewHyperlink(name, nil)
		link.OnTapped = func() {
			if s.isShown(other) {
				s.selectPerson(other)
			} else {
				s.openPerson(other)
			}
		}
		if phrase != "" {
			rows = append(rows, container.NewHBox(widget.NewLabel(phrase), link))
		} else {
			rows = append(rows, container.NewHBox(link, widget.NewLabel(t.Kind.Label()+" "+kit.FirstName(p.Name))))
		}
	}
	if len(rows) == 0 {
		return []fyne.CanvasObject{kit.CardHeading("Ties"), kit.Quiet("No ties recorded. Add them on their page.")}
	}
	return append([]fyne.CanvasObject{kit.CardHeading(fmt.Sprintf("Ties · %d", len(rows)))}, rows...)
}

// legend explains the picture when nobody is selected. The samples sit
// in as many columns as the card's width holds, so the legend fits a
// small window without cutting a label.
func (s *Screen) legend() []fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Reading the map", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	intro := kit.Tight()
	intro.Objects = []fyne.CanvasObject{title,
		kit.Wrapped("You are at the centre: the warmer a relationship, the nearer (rings at warmth 100, 75, 50, 25, 0). " +
			"Bigger means more influence.")}
	var stances []fyne.CanvasObject
	for _, st := range model.Stances() {
		stances = append(stances, legendRow(netmap.NewGlyph(stanceShape(st), kit.StanceColor(st), false), st.Label()))
	}
	marks := kit.Tight()
	marks.Objects = []fyne.CanvasObject{legendColumns(stances),
		legendRow(netmap.NewGlyph(netmap.Circle, kit.StanceColor(model.StanceNeutral), true), "Overdue for contact")}
	objects := []fyne.CanvasObject{intro, kit.CardHeading("Stance"), marks}
	if s.sensitive.Checked {
		objects = append(objects, legendRow(netmap.NewGlyph(netmap.Circle, frameTint, false), "Knows something sensitive"))
	}
	var ties []fyne.CanvasObject
	for _, k := range model.TieKinds() {
		ties = append(ties, legendRow(netmap.NewEdgeSample(tieEdge(model.Tie{Kind: k})), kit.TieVerb(k)))
	}
	return append(objects, kit.CardHeading("Ties"), legendColumns(ties),
		kit.Quiet("Tap a person for their card. Drag to move, scroll to zoom."))
}

// legendRow is a sample and what it means.
func legendRow(sample fyne.CanvasObject, text string) fyne.CanvasObject {
	return container.NewHBox(sample, widget.NewLabel(text))
}

// legendColumns sets rows in two columns, the lines close together, as
// a legend is read; the card is always wide enough for two of the
// widest.
func legendColumns(rows []fyne.CanvasObject) fyne.CanvasObject {
	half := (len(rows) + 1) / 2
	left, right := kit.Tight(), kit.Tight()
	left.Objects, right.Objects = rows[:half], rows[half:]
	return container.NewGridWithColumns(2, left, right)
}
