// Package credit is the Give credit screen: per team, who was thanked,
// when and how, and who has been overlooked; drafts of a note to the
// manager and of a team thank-you; and the opportunities with the people
// who backed the user, and what to do after the outcome. It reads its
// page in one call (Store.CreditPage) and asks the window, through
// Navigator, to open a person or the form to log thanks.
package credit

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// praiseWindow is how far back drafts look for what people did.
const praiseWindow = 90 * 24 * time.Hour

// Store is what the Give credit screen reads and writes: its page in one
// call, what people did for drafts, the thanks it logs and the
// opportunities it keeps.
type Store interface {
	CreditPage(ctx context.Context) (model.CreditPage, error)
	PraiseFacts(ctx context.Context, personIDs []int64, since time.Time) ([]model.PraiseFacts, error)
	CreateInteraction(ctx context.Context, i *model.Interaction) error
	CreateOpportunity(ctx context.Context, o *model.Opportunity) error
	UpdateOpportunity(ctx context.Context, o *model.Opportunity) error
}

// Navigator is what the Give credit screen asks of the window. After a
// form saves, the window reloads the screen on show.
type Navigator interface {
	// OpenPerson shows the person's page.
	OpenPerson(id int64)
	// LogThanks opens the form to log a contact with the person, set to
	// thanks given in private.
	LogThanks(personID int64)
	// ShowError tells the user that something failed, with the cause.
	ShowError(title string, err error)
	// Toast shows message at the foot of the window, with Undo when undo
	// is not nil.
	Toast(message string, undo func())
}

// Screen is the Give credit screen. Content and Reload make it a screen
// of the window's table.
type Screen struct {
	store  Store
	nav    Navigator
	now    func() time.Time
	parent fyne.Window

	groups []model.AckGroup
	opps   []model.Opportunity
	people []model.PersonSummary
	byID   map[int64]model.Person
	root   *fyne.Container
	// seek is the opportunity whose form opens when the page is next
	// read (0: none).
	seek int64
}

// New is the Give credit screen reading store at now, going places
// through nav; its drafts and forms open over parent. Nothing is read
// until it is shown.
func New(store Store, nav Navigator, now func() time.Time, parent fyne.Window) *Screen {
	return &Screen{store: store, nav: nav, now: now, parent: parent, root: container.NewStack()}
}

// Content reads the page and returns the screen built from it.
func (s *Screen) Content() fyne.CanvasObject {
	s.load()
	return s.root
}

// Reload reads the page again and rebuilds the screen in place.
func (s *Screen) Reload() { s.load() }

// OpenOpportunity opens the form of the opportunity with id over the
// screen when it is next shown or reloaded.
func (s *Screen) OpenOpportunity(id int64) { s.seek = id }

// load reads the page and builds it, or says in its place why it could
// not be read.
func (s *Screen) load() {
	pg, err := s.store.CreditPage(context.Background())
	if err != nil {
		s.root.Objects = []fyne.CanvasObject{container.NewPadded(
			kit.Wrapped(fmt.Sprintf("Could not read who you thanked and your opportunities: %v", err)))}
		s.root.Refresh()
		return
	}
	s.people = pg.People
	s.byID = make(map[int64]model.Person, len(pg.People))
	plain := make([]model.Person, len(pg.People))
	for i, p := range pg.People {
		s.byID[p.ID] = p.Person
		plain[i] = p.Person
	}
	s.groups = model.Acknowledgments(plain, pg.Thanks, s.now())
	s.opps = pg.Opportunities
	s.root.Objects = []fyne.CanvasObject{s.build()}
	s.root.Refresh()
	if id := s.seek; id != 0 {
		s.seek = 0
		for _, o := range s.opps {
			if o.ID == id {
				s.openOpportunity(o)
			}
		}
	}
}

// build lays the page out from what load read.
func (s *Screen) build() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Give credit", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	bossNote := widget.NewButtonWithIcon("Draft a note to your manager…", theme.MailComposeIcon(), s.draftBossNote)
	bossNote.Importance = widget.HighImportance
	body := container.NewVBox(title,
		kit.Quiet(fmt.Sprintf("Who you thanked, when and how. Anyone you work with and have not thanked in %d days is marked overlooked: credit given in public costs you nothing and is remembered.", model.OverlookedDays)),
		container.NewHBox(bossNote))
	if len(s.groups) == 0 {
		body.Add(kit.Quiet("Nobody to thank yet: mark people as team mates, direct reports or peers, and log the thanks you give."))
	}
	for _, g := range s.groups {
		body.Add(s.groupBox(g))
	}

	newOpp := widget.NewButtonWithIcon("New opportunity…", theme.ContentAddIcon(), func() {
		s.openOpportunity(model.Opportunity{Kind: model.OpportunityPromotion, Outcome: model.OutcomePending})
	})
	body.Add(widget.NewSeparator())
	oppTitle := widget.NewLabelWithStyle("Opportunities and outcomes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	oppTitle.SizeName = theme.SizeNameSubHeadingText
	body.Add(container.NewBorder(nil, nil, nil, newOpp, oppTitle))
	body.Add(kit.Quiet("A promotion round, a job opening, a project to lead: who backed you, and how it ended. Win or lose, thank them; passed over, ask what to strengthen next time."))
	for _, o := range s.opps {
		body.Add(s.opportunityRow(o))
	}
	return container.NewVScroll(container.NewPadded(body))
}
