package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// searchFixture is what searchWindow stored: one thing of each kind,
// each with a word of its own that nothing else holds.
type searchFixture struct {
	helena, daniel, dana model.Person
	coffee               model.Interaction
	promise              model.Promise
	meeting              model.Meeting
	role                 model.Role
	requirement          model.Requirement
	opportunity          model.Opportunity
	disclosure           model.Disclosure
}

// searchStoreWith fills a real store with one thing of each kind:
//
//	person       Daniel Okafor ("okafor"); the team Platform is Helena's and Daniel's
//	interaction  coffee with Helena, notes "the zebra migration" and "platform roadmap"
//	promise      "the quokka plan", owed to Dana
//	meeting      with Daniel, agenda "walrus budget"
//	plan         the role Staff Engineer, requirement "narwhal design reviews"
//	opportunity  "Ocelot promotion round"
//	frame log    "my lynx hobby", shared with Helena
func searchStoreWith(t *testing.T) (*storage.Store, searchFixture) {
	t.Helper()
	st := peopleStore(t, person("Helena Sørensen", "Director", "Platform"),
		person("Daniel Okafor", "Engineer", "Platform"), person("Dana Reyes", "Manager", "Data"))
	var f searchFixture
	ctx := t.Context()
	for i, p := range []*model.Person{&f.helena, &f.daniel, &f.dana} {
		var err error
		if *p, err = st.Person(ctx, int64(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	f.coffee = model.Interaction{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -3), PersonIDs: []int64{f.helena.ID},
		Summary: "platform roadmap", Notes: "She fears the zebra migration will slip."}
	if err := st.CreateInteraction(ctx, &f.coffee); err != nil {
		t.Fatal(err)
	}
	f.promise = storetest.Promise(t, st, model.Promise{PersonID: f.dana.ID, Direction: model.DirectionMine,
		What: "the quokka plan", DueOn: model.Day(testNow).AddDate(0, 0, 4)})
	f.meeting = storetest.Meeting(t, st, model.Meeting{PersonID: f.daniel.ID, Start: testNow.AddDate(0, 0, 2),
		Agenda: "The walrus budget"})
	f.role = storetest.Role(t, st, model.Role{Title: "Staff Engineer"})
	f.requirement = storetest.Requirement(t, st, model.Requirement{RoleID: f.role.ID, Title: "narwhal design reviews",
		TargetLevel: 4, CurrentLevel: 2, Importance: 3})
	f.opportunity = model.Opportunity{Title: "Ocelot promotion round", Kind: model.OpportunityPromotion,
		Date: model.Day(testNow).AddDate(0, 1, 0), Outcome: model.OutcomePending}
	if err := st.CreateOpportunity(ctx, &f.opportunity); err != nil {
		t.Fatal(err)
	}
	f.disclosure = model.Disclosure{PersonID: f.helena.ID, Topic: "my lynx hobby", Sensitivity: model.SensitivityLow,
		SharedOn: model.Day(testNow)}
	if err := st.CreateDisclosure(ctx, &f.disclosure); err != nil {
		t.Fatal(err)
	}
	return st, f
}

// searchWindow is a window over searchStoreWith's store.
func searchWindow(t *testing.T) (*Window, searchFixture) {
	t.Helper()
	st, f := searchStoreWith(t)
	return newTestWindow(t, st), f
}

// resultsOf is the results of the box on top of w.
func resultsOf(t *testing.T, w *Window) *searchResults {
	t.Helper()
	box := topDialog(t, w)
	e := kittest.Find(box, func(*quickEntry) bool { return true })
	if e == nil {
		t.Fatal("the box on top has no line")
	}
	return e.box.results
}

// shownRows are the rows the results list: a heading as "# People", a hit
// as its snippet's text.
func shownRows(r *searchResults) []string {
	var out []string
	for _, row := range r.rows {
		if row.heading != "" {
			out = append(out, "# "+row.heading)
			continue
		}
		out = append(out, snippetText(row.hit)+"|"+row.hit.Title)
	}
	return out
}

// badgeOf is what the mode label beside the line says.
func badgeOf(t *testing.T, w *Window) string {
	t.Helper()
	e := kittest.Find(topDialog(t, w), func(*quickEntry) bool { return true })
	return e.box.badge.label.Text
}

// TestSearchShowsPeopleFirstUnderHeadings types a word that names two
// people and an interaction: the people come first, under their heading,
// the interaction after, with its person and date.
func TestSearchShowsPeopleFirstUnderHeadings(t *testing.T) {
	w, f := searchWindow(t)
	box, entry := openBox(t, w)
	test.Type(entry, "platfo")
	if got := badgeOf(t, w); got != "Search" {
		t.Errorf("the box says %q, want Search", got)
	}
	r := resultsOf(t, w)
	rows := shownRows(r)
	if len(rows) < 5 || !strings.HasPrefix(rows[0], "# People") {
		t.Fatalf("rows %q, want people under a heading, then interactions", rows)
	}
	people := slices.IndexFunc(rows, func(r string) bool { return strings.HasPrefix(r, "# Interactions") })
	if people != 3 {
		t.Errorf("rows %q, want the two people of Platform before the interactions", rows)
	}
	if hit, ok := r.highlighted(); !ok || hit.Kind != model.HitPerson {
		t.Errorf("highlighted %+v, want the first person", hit)
	}
	coffee := r.rows[people+1].hit
	if coffee.ID != f.coffee.ID || !strings.Contains(hitMeta(coffee), "Helena Sørensen") ||
		!strings.Contains(hitMeta(coffee), "2026-11-20") {
		t.Errorf("the interaction's row says %q, %q; want its person and date", snippetText(coffee), hitMeta(coffee))
	}
	if !kittest.Shows(box, "3 results") {
		t.Errorf("the box shows %q, want the count", kittest.Texts(box))
	}
}

// TestSearchHighlightsTheMatchedWords: the matched words of a snippet
// are bold, in the primary colour; the rest is plain.
func TestSearchHighlightsTheMatchedWords(t *testing.T) {
	segs := snippetSegments(model.SearchHit{Snippet: []model.Span{{Text: "She fears the "}, {Text: "zebra", Match: true},
		{Text: " migration\nwill   slip. "}}})
	if len(segs) != 3 {
		t.Fatalf("%d segments, want 3", len(segs))
	}
	for i, want := range []bool{false, true, false} {
		s := segs[i]
		if got := s.Style.TextStyle.Bold && s.Style.ColorName == "primary"; got != want {
			t.Errorf("segment %q highlighted %v, want %v", s.Text, got, want)
		}
		if strings.Contains(s.Text, "\n") || strings.Contains(s.Text, "  ") {
			t.Errorf("segment %q breaks the line or spaces twice", s.Text)
		}
	}
	if got := segs[2].Text; got != " migration will slip." {
		t.Errorf("the last segment reads %q", got)
	}
}

// TestSearchRowsFitTheirWidth: a long snippet and a long name are cut to
// the row's width with "…", and what is kept fits it as Fyne shapes it.
func TestSearchRowsFitTheirWidth(t *testing.T) {
	st, f := searchStoreWith(t)
	long := model.Interaction{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -1), PersonIDs: []int64{f.dana.ID},
		Summary: "a long talk", Notes: "The capybara " + strings.Repeat("migration will slip past the quarter, and the reorg with it ", 4)}
	if err := st.CreateInteraction(t.Context(), &long); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	w.win.Resize(fyne.NewSize(480, 600)) // a narrow window: the box is narrower than its snippets
	_, entry := openBox(t, w)
	test.Type(entry, "capybara")
	r := resultsOf(t, w)
	row := r.list.Length()
	if row != 2 {
		t.Fatalf("%d rows, want a heading and the interaction: %q", row, shownRows(r))
	}
	snippet := kittest.Find(r.list, func(rt *widget.RichText) bool { return strings.Contains(rt.String(), "capybara") })
	if snippet == nil {
		t.Fatal("no row shows the snippet")
	}
	if !strings.HasSuffix(snippet.String(), "…") {
		t.Errorf("the snippet reads %q, want it cut with …", snippet.String())
	}
	var width float32
	for _, seg := range snippet.Segments {
		s := seg.(*widget.TextSegment)
		size := theme.Size(theme.SizeNameText)
		if s.Style.SizeName != "" {
			size = theme.Size(s.Style.SizeName)
		}
		width += fyne.MeasureText(s.Text, size, s.Style.TextStyle).Width
	}
	if room := snippet.Size().Width - 2*theme.InnerPadding(); width > room || room <= 0 {
		t.Errorf("the snippet is %.0f wide in a row with room for %.0f", width, room)
	}
}

// TestSearchNothingFoundSaysSo: no result says so in words, and Enter
// then does nothing.
func TestSearchNothingFoundSaysSo(t *testing.T) {
	w, _ := searchWindow(t)
	box, entry := openBox(t, w)
	test.Type(entry, "xylophone")
	if !kittest.Shows(box, "Nothing found for “xylophone”.") {
		t.Errorf("the box shows %q, want it to say nothing was found", kittest.Texts(box))
	}
	key(entry, fyne.KeyReturn)
	if kittest.TopDialog(w.win) != box {
		t.Error("Enter with no results closed the box")
	}
}

// TestBoxSwitchesBetweenSearchAndLog: a line that reads as a capture is
// a log (the preview says what Enter saves, no results); words are a
// search (results, no preview); the label and the keys line say which.
func TestBoxSwitchesBetweenSearchAndLog(t *testing.T) {
	w, _ := searchWindow(t)
	box, entry := openBox(t, w)
	if got := badgeOf(t, w); got != "Search" || !kittest.Shows(box, quickBoxKeys) {
		t.Errorf("an empty box says %q and %q", got, kittest.Texts(box))
	}
	test.Type(entry, "zebra")
	r := resultsOf(t, w)
	if !r.visible() || badgeOf(t, w) != "Search" || !kittest.Shows(box, searchKeys) {
		t.Fatalf("typing a word: results %v, label %q, box %q", r.visible(), badgeOf(t, w), kittest.Texts(box))
	}
	entry.SetText("coffee with Helena yesterday: the reorg")
	if r.visible() || badgeOf(t, w) != "Log" || !kittest.Shows(box, quickLogKeys) || !kittest.Shows(box, "Coffee with Helena") {
		t.Fatalf("a capture line: results %v, label %q, box %q", r.visible(), badgeOf(t, w), kittest.Texts(box))
	}
	entry.SetText("coffee with Xavier")
	if badgeOf(t, w) != "Log" || !kittest.Shows(box, "is no one in your network") {
		t.Errorf("a capture line naming no one: label %q, box %q", badgeOf(t, w), kittest.Texts(box))
	}
	entry.SetText("")
	if r.visible() || badgeOf(t, w) != "Search" {
		t.Errorf("an emptied line: results %v, label %q", r.visible(), badgeOf(t, w))
	}
}

// TestSearchOpensEachKindAtItsPlace types each kind's own word and opens
// the first result with Enter: the window then shows that person,
// interaction, promise, meeting, role, opportunity or frame log entry at
// its place.
func TestSearchOpensEachKindAtItsPlace(t *testing.T) {
	tests := []struct {
		query string
		kind  model.HitKind
		check func(t *testing.T, w *Window, f searchFixture)
	}{
		{"okafor", model.HitPerson, func(t *testing.T, w *Window, f searchFixture) {
			if w.current != screenPeople || pageName(w) != f.daniel.Name {
				t.Errorf("on %v, page %q; want Daniel's page", w.current, pageName(w))
			}
		}},
		{"zebra", model.HitInteraction, func(t *testing.T, w *Window, f searchFixture) {
			if pageName(w) != f.helena.Name || w.screens.people.Revealed() != f.coffee.ID {
				t.Errorf("page %q, interaction marked %d; want Helena's with %d", pageName(w), w.screens.people.Revealed(), f.coffee.ID)
			}
		}},
		{"quokka", model.HitPromise, func(t *testing.T, w *Window, f searchFixture) {
			p, ok := w.screens.promises.Highlighted()
			if w.current != screenPromises || !ok || p.ID != f.promise.ID || w.win.Canvas().Focused() == nil {
				t.Errorf("on %v, highlighted %+v; want the quokka plan, with the keyboard", w.current, p)
			}
		}},
		{"walrus", model.HitMeeting, func(t *testing.T, w *Window, f searchFixture) {
			pg, ok := w.screens.meetings.Shown()
			if w.current != screenMeetings || !ok || pg.Meeting.ID != f.meeting.ID {
				t.Errorf("on %v, meeting %+v; want the walrus meeting", w.current, pg.Meeting)
			}
		}},
		{"narwhal", model.HitPlan, func(t *testing.T, w *Window, f searchFixture) {
			if w.current != screenCareer || w.screens.career.ShownRole() != f.role.ID {
				t.Errorf("on %v, role %d; want %d", w.current, w.screens.career.ShownRole(), f.role.ID)
			}
		}},
		{"ocelot", model.HitOpportunity, func(t *testing.T, w *Window, f searchFixture) {
			d := kittest.TopDialog(w.win)
			if w.current != screenCredit || d == nil || kittest.Entry(d, f.opportunity.Title) == nil {
				t.Errorf("on %v, dialog %q; want the opportunity's form", w.current, kittest.Texts(d))
			}
		}},
		{"lynx is:frame", model.HitDisclosure, func(t *testing.T, w *Window, f searchFixture) {
			if w.current != screenPeople || pageName(w) != f.helena.Name {
				t.Errorf("on %v, page %q; want Helena's", w.current, pageName(w))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			w, f := searchWindow(t)
			w.show(screenToday)
			_, entry := openBox(t, w)
			test.Type(entry, tt.query)
			if h, ok := resultsOf(t, w).highlighted(); !ok || h.Kind != tt.kind {
				t.Fatalf("%q finds %q first, want a %s", tt.query, shownRows(resultsOf(t, w)), tt.kind)
			}
			key(entry, fyne.KeyReturn)
			if d := kittest.TopDialog(w.win); d != nil && kittest.Find(d, func(*quickEntry) bool { return true }) != nil {
				t.Fatal("Enter left the box open")
			}
			tt.check(t, w, f)
		})
	}
}

// TestSearchArrowsMoveAndEscCloses: Down and Up move the highlight over
// the hits (never onto a heading, never past the ends); Esc closes the
// box and opens nothing.
func TestSearchArrowsMoveAndEscCloses(t *testing.T) {
	w, f := searchWindow(t)
	w.show(screenToday)
	_, entry := openBox(t, w)
	test.Type(entry, "platform")
	r := resultsOf(t, w)
	var seen []int64
	for range 4 {
		h, _ := r.highlighted()
		seen = append(seen, h.ID)
		key(entry, fyne.KeyDown)
	}
	want := []int64{f.helena.ID, f.daniel.ID, f.coffee.ID, f.coffee.ID}
	if !slices.Equal(seen, want) {
		t.Errorf("Down went over %v, want %v", seen, want)
	}
	key(entry, fyne.KeyUp)
	if h, _ := r.highlighted(); h.ID != f.daniel.ID || h.Kind != model.HitPerson {
		t.Errorf("Up went to %+v, want Daniel", h)
	}
	key(entry, fyne.KeyEscape)
	if kittest.TopDialog(w.win) != nil || w.current != screenToday {
		t.Errorf("Esc: box open %v, screen %v", kittest.TopDialog(w.win) != nil, w.current)
	}
}

// TestSearchLeavesTheFrameLogOut: what the user shared about themselves
// shows only when asked for with is:frame.
func TestSearchLeavesTheFrameLogOut(t *testing.T) {
	w, f := searchWindow(t)
	_, entry := openBox(t, w)
	test.Type(entry, "lynx")
	if rows := shownRows(resultsOf(t, w)); len(rows) != 0 {
		t.Errorf("lynx finds %q, want nothing from the frame log", rows)
	}
	entry.SetText("lynx is:frame")
	r := resultsOf(t, w)
	if h, ok := r.highlighted(); !ok || h.Kind != model.HitDisclosure || h.ID != f.disclosure.ID {
		t.Errorf("lynx is:frame finds %q, want the frame log's entry", shownRows(r))
	}
}

// TestResultCountInWords: the count says how many of how many, with
// thousands separated.
func TestResultCountInWords(t *testing.T) {
	tests := []struct {
		shown, total int
		want         string
	}{
		{0, 0, "Nothing found for “zz”."},
		{1, 1, "1 result"},
		{12, 12, "12 results"},
		{200, 1342, "200 of 1,342 results"},
		{200, 1234567, "200 of 1,234,567 results"},
	}
	for _, tt := range tests {
		if got := resultCount(" zz ", tt.shown, tt.total); got != tt.want {
			t.Errorf("resultCount(%d, %d) = %q, want %q", tt.shown, tt.total, got, tt.want)
		}
	}
}

// inBeat runs work, then what it returns, at once: the window's
// background in tests, where Fyne's test driver has no goroutine of its
// own to come back to.
func inBeat(work func() (then func())) { work()() }

// TestSearchDropsResultsOvertaken: searches run off the window's
// goroutine; one that comes back after a later keystroke is dropped, and
// Enter typed before the results came opens the first once they do.
func TestSearchDropsResultsOvertaken(t *testing.T) {
	w, f := searchWindow(t)
	var queued []func() func()
	w.background = func(work func() func()) { queued = append(queued, work) }
	w.show(screenToday)
	_, entry := openBox(t, w)
	entry.SetText("okafor")
	entry.SetText("zebra")
	if len(queued) != 2 {
		t.Fatalf("%d searches started, want 2", len(queued))
	}
	queued[1]()()
	queued[0]()() // "okafor" comes back last
	r := resultsOf(t, w)
	if h, ok := r.highlighted(); !ok || h.ID != f.coffee.ID || h.Kind != model.HitInteraction {
		t.Fatalf("showing %q, want the results for zebra", shownRows(r))
	}
	entry.SetText("quokka")
	key(entry, fyne.KeyReturn)
	if w.current == screenPromises {
		t.Fatal("Enter opened something before the results came")
	}
	queued[2]()()
	if p, ok := w.screens.promises.Highlighted(); w.current != screenPromises || !ok || p.ID != f.promise.ID {
		t.Errorf("once found: on %v with %+v, want the quokka plan in Promises", w.current, p)
	}
}

// TestFitSpans: a snippet is cut to a little before its first match and
// to a length a row shows, each cut marked.
func TestFitSpans(t *testing.T) {
	spans := []model.Span{{Text: "one two three four "}, {Text: "five", Match: true}, {Text: " six seven"}}
	tests := []struct {
		lead, total int
		want        string
	}{
		{100, 100, "one two three four [five] six seven"},
		{5, 100, "one two three four [five] six seven"}, // fits: nothing cut
		{5, 30, "…two three four [five] six seven"},
		{5, 12, "…four [five] s…"},
		{100, 8, "one two …"},
	}
	for _, tt := range tests {
		var b strings.Builder
		for _, s := range fitSpans(spans, tt.lead, tt.total) {
			if s.Match {
				b.WriteString("[" + s.Text + "]")
			} else {
				b.WriteString(s.Text)
			}
		}
		if got := b.String(); got != tt.want {
			t.Errorf("fitSpans(%d, %d) = %q, want %q", tt.lead, tt.total, got, tt.want)
		}
	}
}
