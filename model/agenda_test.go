package model

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// agendaNow is Monday 16 November 2026, mid-morning.
var agendaNow = time.Date(2026, 11, 16, 9, 30, 0, 0, time.UTC)

func agendaDay(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func agendaPromiseOf(id int64, dir Direction, status PromiseStatus, what string, due time.Time) Promise {
	return Promise{
		ID: id, Direction: dir, PersonID: 7, What: what, Status: status,
		MadeOn: agendaDay(2026, 10, 1), DueOn: due,
		Notes: "PROMISE-NOTE-" + what,
	}
}

func TestDraftAgendaFull(t *testing.T) {
	dana := NewPerson("Dana Whitfield")
	dana.ID = 7
	dana.WorkingOn = "  migrating billing to the new platform \n"
	dana.Notes = "SECRET-NOTE-7: thinks about leaving"
	tests := []struct {
		name string
		in   AgendaInput
		want string
	}{
		{
			name: "coffee with everything",
			in: AgendaInput{
				Kind:   MeetingCoffee,
				Person: dana,
				Promises: []Promise{
					agendaPromiseOf(1, DirectionMine, PromiseOpen, "the migration plan", agendaDay(2026, 11, 19)),
					agendaPromiseOf(2, DirectionMine, PromiseRenegotiated, "an intro to the data team.", agendaDay(2026, 11, 12)),
					agendaPromiseOf(3, DirectionTheirs, PromiseOpen, "a look at my promotion case", agendaDay(2026, 12, 14)),
					agendaPromiseOf(4, DirectionTheirs, PromiseKept, "KEPT-THEIRS", agendaDay(2026, 11, 1)),
					agendaPromiseOf(5, DirectionMine, PromiseReleased, "RELEASED-MINE", agendaDay(2026, 11, 1)),
					agendaPromiseOf(6, DirectionMine, PromiseBroken, "BROKEN-MINE", agendaDay(2026, 11, 1)),
					agendaPromiseOf(8, DirectionTheirs, PromiseOpen, "an intro to Sam", time.Time{}),
				},
				AskAbout: []string{"stakeholder management", " budgeting ", "", "Stakeholder management"},
				Now:      agendaNow,
			},
			want: "Hi Dana — coffee to catch up.\n" +
				"\n" +
				"What you are working on\n" +
				"Last time: migrating billing to the new platform — how is it going?\n" +
				"\n" +
				"What you need\n" +
				"What would make the biggest difference for you right now?\n" +
				"\n" +
				"How can I help?\n" +
				"\n" +
				"Following up\n" +
				"I owe you: an intro to the data team (was due 12 Nov; an update)\n" +
				"I owe you: the migration plan, due Thursday\n" +
				"You offered: a look at my promotion case, by Mon 14 Dec\n" +
				"You offered: an intro to Sam\n" +
				"\n" +
				"I'd value your advice on: stakeholder management, budgeting",
		},
		{
			name: "exploratory knowing nothing yet",
			in: AgendaInput{
				Kind:   MeetingExploratory,
				Person: Person{Name: "Priya Raman", Notes: "SECRET-NOTE-7"},
				Now:    agendaNow,
			},
			want: "Hi Priya — a chance to learn what you are working on and where I can help.\n" +
				"\n" +
				"What you are working on\n" +
				"What are you working on these days?\n" +
				"\n" +
				"What you need\n" +
				"What would make the biggest difference for you right now?\n" +
				"\n" +
				"How can I help?",
		},
		{
			name: "one-on-one without a name, needs said in several lines",
			in: AgendaInput{
				Kind: MeetingOneOnOne,
				Person: Person{
					WorkingOn: "The Q3 roadmap.",
					Needs:     "a second reviewer\r\n\r\n\r\n  for the design doc  \r\nby Friday",
				},
				Promises: []Promise{
					agendaPromiseOf(1, DirectionTheirs, PromiseOpen, "feedback on my talk", agendaDay(2025, 12, 20)),
				},
				Now: agendaNow,
			},
			want: "Our one-on-one: your priorities, and where I can help.\n" +
				"\n" +
				"What you are working on\n" +
				"Last time: The Q3 roadmap. How is it going?\n" +
				"\n" +
				"What you need\n" +
				"Last time:\n" +
				"a second reviewer\n" +
				"for the design doc\n" +
				"by Friday\n" +
				"Is that still what you need?\n" +
				"\n" +
				"How can I help?\n" +
				"\n" +
				"Following up\n" +
				"You offered: feedback on my talk (we said 20 Dec 2025)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DraftAgenda(tt.in); got != tt.want {
				t.Errorf("DraftAgenda() =\n%s\n\nwant\n%s", got, tt.want)
			}
		})
	}
}

// agendaKinds is every meeting kind and two that are not.
func agendaKinds() []MeetingKind {
	return append(MeetingKinds(), "", "brunch")
}

func TestDraftAgendaPurposeByKind(t *testing.T) {
	tests := []struct {
		kind MeetingKind
		name string
		want string
	}{
		{MeetingCoffee, "Dana Whitfield", "Hi Dana — coffee to catch up."},
		{MeetingExploratory, "Dana Whitfield", "Hi Dana — a chance to learn what you are working on and where I can help."},
		{MeetingOneOnOne, "Dana Whitfield", "Hi Dana — our one-on-one: your priorities, and where I can help."},
		{MeetingLunch, "Dana Whitfield", "Hi Dana — lunch to catch up."},
		{"", "Dana Whitfield", "Hi Dana — time to catch up."},
		{MeetingCoffee, "  ", "Coffee to catch up."},
		{MeetingLunch, "", "Lunch to catch up."},
		{MeetingExploratory, "", "A chance to learn what you are working on and where I can help."},
	}
	for _, tt := range tests {
		got, _, _ := strings.Cut(DraftAgenda(AgendaInput{Kind: tt.kind, Person: Person{Name: tt.name}, Now: agendaNow}), "\n")
		if got != tt.want {
			t.Errorf("purpose of %q with %q = %q, want %q", tt.kind, tt.name, got, tt.want)
		}
	}
}

func TestAgendaFirstName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Dana Whitfield", "Dana"},
		{"  Zoë   Ng ", "Zoë"},
		{"Chen", "Chen"},
		{"Whitfield, Dana", "Dana"},
		{"Dr. Priya Raman", "Dr. Raman"},
		{"prof Amara Okafor", "prof Okafor"},
		{"Dr.", ""},
		{"", ""},
		{" \t ", ""},
	}
	for _, tt := range tests {
		if got := agendaFirstName(tt.name); got != tt.want {
			t.Errorf("agendaFirstName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestDraftAgendaPrivateAndTidy checks, for every kind and awkward input,
// that nothing private leaks and that the text is tidy.
func TestDraftAgendaPrivateAndTidy(t *testing.T) {
	const secret = "SECRET-NOTE-7"
	people := []Person{
		{ID: 7, Name: "Dana Whitfield", Notes: secret},
		{ID: 7, Name: " Ben \t", WorkingOn: "  \n\n ", Needs: "\r\n", Notes: "x " + secret + " y"},
		{ID: 7, Name: "Amara", WorkingOn: "line one   \n\n\n\nline two\t\n", Needs: "trailing spaces   ", Notes: secret + "\n\n\n"},
		{ID: 7, Name: "Sofia", WorkingOn: strings.Repeat("platform work ", 40), Needs: strings.Repeat("x", 400), Notes: secret},
		{Name: "Lukas\r\nInjected", WorkingOn: "a\rb\u2028c\u2029d\ve\ff", Notes: secret},
	}
	var promises []Promise
	for i, st := range PromiseStatuses() {
		for j, dir := range Directions() {
			p := agendaPromiseOf(int64(10*i+j), dir, st, "task "+string(st)+" "+string(dir), agendaDay(2026, 11, 10+i))
			p.Notes = secret
			promises = append(promises, p)
		}
	}
	promises = append(promises, Promise{ID: 99, Direction: DirectionMine, PersonID: 7, What: "  \n ", Status: PromiseOpen})
	for _, kind := range agendaKinds() {
		for _, p := range people {
			for _, ask := range [][]string{nil, {"  ", "\n"}, {"stakeholder\nmanagement  ", "budgets."}} {
				got := DraftAgenda(AgendaInput{Kind: kind, Person: p, Promises: promises, AskAbout: ask, Now: agendaNow})
				if strings.Contains(got, secret) || strings.Contains(got, "PROMISE-NOTE") {
					t.Errorf("kind %q, %q: agenda holds private notes:\n%s", kind, p.Name, got)
				}
				if strings.Contains(got, "\n\n\n") {
					t.Errorf("kind %q, %q: three newlines in a row:\n%q", kind, p.Name, got)
				}
				if strings.ContainsAny(got, "\r\v\f\u0085\u2028\u2029") {
					t.Errorf("kind %q, %q: stray line break:\n%q", kind, p.Name, got)
				}
				if got != strings.TrimSpace(got) {
					t.Errorf("kind %q, %q: white space at the start or end: %q", kind, p.Name, got)
				}
				for _, line := range strings.Split(got, "\n") {
					if line != strings.TrimRightFunc(line, unicode.IsSpace) {
						t.Errorf("kind %q, %q: trailing space on %q", kind, p.Name, line)
					}
				}
				if !strings.Contains(got, "\n\nHow can I help?") {
					t.Errorf("kind %q, %q: no offer of help:\n%s", kind, p.Name, got)
				}
				if strings.Contains(got, "I'd value your advice") != (len(ask) == 2 && strings.TrimSpace(ask[0]) != "") {
					t.Errorf("kind %q, %q, ask %q: advice line wrong:\n%s", kind, p.Name, ask, got)
				}
				for _, r := range AgendaReminders() {
					if strings.Contains(got, r) {
						t.Errorf("kind %q: reminder %q in the shared agenda", kind, r)
					}
				}
			}
		}
	}
}

func TestDraftAgendaPromisesByStatus(t *testing.T) {
	for _, st := range PromiseStatuses() {
		for _, dir := range Directions() {
			what := "the thing " + string(st)
			in := AgendaInput{
				Kind:     MeetingCoffee,
				Person:   Person{ID: 7, Name: "Dana"},
				Promises: []Promise{agendaPromiseOf(1, dir, st, what, agendaDay(2026, 11, 17))},
				Now:      agendaNow,
			}
			got := DraftAgenda(in)
			lead := map[Direction]string{DirectionMine: "I owe you: ", DirectionTheirs: "You offered: "}[dir]
			prep := map[Direction]string{DirectionMine: "due", DirectionTheirs: "by"}[dir]
			wantLine := lead + what + ", " + prep + " tomorrow"
			if st.Pending() {
				if !strings.Contains(got, "\n\nFollowing up\n"+wantLine) {
					t.Errorf("%s %s promise: want line %q in\n%s", st, dir, wantLine, got)
				}
				continue
			}
			if strings.Contains(got, what) || strings.Contains(got, "Following up") {
				t.Errorf("%s %s promise appears:\n%s", st, dir, got)
			}
		}
	}
}

func TestAgendaPromiseWords(t *testing.T) {
	tests := []struct {
		name string
		p    Promise
		want string
	}{
		{"mine today", agendaPromiseOf(1, DirectionMine, PromiseOpen, "the plan", agendaDay(2026, 11, 16)), "I owe you: the plan, due today"},
		{"mine within the week", agendaPromiseOf(1, DirectionMine, PromiseOpen, "the plan", agendaDay(2026, 11, 20)), "I owe you: the plan, due Friday"},
		{"mine next year", agendaPromiseOf(1, DirectionMine, PromiseOpen, "the plan", agendaDay(2027, 1, 8)), "I owe you: the plan, due 8 Jan 2027"},
		{"mine yesterday", agendaPromiseOf(1, DirectionMine, PromiseOpen, "the plan", agendaDay(2026, 11, 15)), "I owe you: the plan (was due 15 Nov; an update)"},
		{"mine last year", agendaPromiseOf(1, DirectionMine, PromiseRenegotiated, "the plan", agendaDay(2025, 11, 15)), "I owe you: the plan (was due 15 Nov 2025; an update)"},
		{"mine undated", agendaPromiseOf(1, DirectionMine, PromiseOpen, "the plan;", time.Time{}), "I owe you: the plan"},
		{"theirs overdue", agendaPromiseOf(1, DirectionTheirs, PromiseOpen, "an intro\nto Sam", agendaDay(2026, 11, 3)), "You offered: an intro to Sam (we said 3 Nov)"},
		{"ellipsis kept", agendaPromiseOf(1, DirectionTheirs, PromiseOpen, "ideas for...", time.Time{}), "You offered: ideas for..."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DraftAgenda(AgendaInput{Kind: MeetingCoffee, Person: Person{ID: 7}, Promises: []Promise{tt.p}, Now: agendaNow})
			if !strings.Contains(got, "\n"+tt.want) || strings.Contains(got, "\n"+tt.want+" ") {
				t.Errorf("want line %q in\n%s", tt.want, got)
			}
		})
	}
}

func TestDraftAgendaLeavesOutOthersPromises(t *testing.T) {
	p := agendaPromiseOf(1, DirectionMine, PromiseOpen, "OTHER-PERSON", agendaDay(2026, 11, 20))
	p.PersonID = 8
	got := DraftAgenda(AgendaInput{Kind: MeetingCoffee, Person: Person{ID: 7, Name: "Dana"}, Promises: []Promise{p}, Now: agendaNow})
	if strings.Contains(got, "OTHER-PERSON") {
		t.Errorf("a promise with someone else appears:\n%s", got)
	}
}

func TestDraftAgendaZeroNow(t *testing.T) {
	p := agendaPromiseOf(1, DirectionMine, PromiseOpen, "the plan", agendaDay(2026, 11, 20))
	got := DraftAgenda(AgendaInput{Kind: MeetingCoffee, Promises: []Promise{p}})
	if want := "I owe you: the plan, due 20 Nov 2026"; !strings.Contains(got, want) {
		t.Errorf("without now, want %q in\n%s", want, got)
	}
}

func TestAgendaCut(t *testing.T) {
	words := strings.Repeat("migrating billing to the new platform, ", 12) // 468 runes
	tests := []struct {
		name string
		in   string
		want string // "" means check the properties only
	}{
		{"short stays", "migrating billing", "migrating billing"},
		{"exactly the limit stays", strings.Repeat("a", AgendaMaxQuote), strings.Repeat("a", AgendaMaxQuote)},
		{"space right at the cut", strings.Repeat("abcd ", 60), strings.TrimSpace(strings.Repeat("abcd ", 56)) + "…"},
		{"one huge word", strings.Repeat("é", 300), strings.Repeat("é", AgendaMaxQuote-1) + "…"},
		{"long words", words, ""},
		{"multi-byte words", strings.Repeat("Zoë über café ", 30), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := agendaCut(tt.in, AgendaMaxQuote)
			if tt.want != "" && got != tt.want {
				t.Fatalf("agendaCut() = %q, want %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > AgendaMaxQuote {
				t.Errorf("agendaCut() is %d runes, more than %d", n, AgendaMaxQuote)
			}
			if got == tt.in || strings.Trim(tt.in, "é") == "" {
				return
			}
			kept, ok := strings.CutSuffix(got, "…")
			if !ok {
				t.Fatalf("agendaCut() = %q, want it to end with …", got)
			}
			rest, ok := strings.CutPrefix(tt.in, kept)
			if !ok {
				t.Fatalf("agendaCut() = %q is not a prefix of the text", got)
			}
			if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsSpace(r) && !unicode.IsPunct(r) {
				t.Errorf("agendaCut() = %q cuts a word: the text goes on with %q", got, rest[:10])
			}
			if strings.HasSuffix(kept, ",") || strings.HasSuffix(kept, " ") {
				t.Errorf("agendaCut() = %q leaves a comma or space before …", got)
			}
		})
	}
}

func TestDraftAgendaLongWorkingOn(t *testing.T) {
	long := strings.Repeat("migrating billing to the new platform ", 10)
	got := DraftAgenda(AgendaInput{Kind: MeetingCoffee, Person: Person{Name: "Dana", WorkingOn: long, Needs: long}, Now: agendaNow})
	want := "Last time: " + agendaCut(strings.TrimSpace(long), AgendaMaxQuote) + " How is it going?"
	if !strings.Contains(got, want) {
		t.Errorf("want %q in\n%s", want, got)
	}
	if strings.Count(got, "…") != 2 {
		t.Errorf("want both quotes cut in\n%s", got)
	}
}

func TestAgendaReminders(t *testing.T) {
	got := AgendaReminders()
	want := []string{
		"Listen most of the time: ask, then ask a follow-up.",
		"Note any promise made, either way, before you leave.",
		"Offer one concrete way to help.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("AgendaReminders() = %q, want %q", got, want)
	}
	got[0] = "changed"
	if AgendaReminders()[0] != want[0] {
		t.Error("AgendaReminders shares its slice with callers")
	}
}

// TestAgendaPromisesReadFromTheReadersSide checks that a promise the user
// wrote about the person in the third person reaches the person's invite
// addressed to them, and that nothing else in it changes.
func TestAgendaPromisesReadFromTheReadersSide(t *testing.T) {
	tests := []struct {
		what string
		want string
	}{
		{"Review his payments API doc", "I owe you: Review your payments API doc"},
		{"Send her the deck", "I owe you: Send you the deck"},
		{"Intro her to Sam", "I owe you: Intro you to Sam"},
		{"Read her design doc", "I owe you: Read your design doc"},
		{"Thank her", "I owe you: Thank you"},
		{"Find him a mentor", "I owe you: Find you a mentor"},
		{"His promo case, and hers", "I owe you: Your promo case, and yours"},
		{"Send it to her.", "I owe you: Send it to you"},
		{"Ask Sam whether he can help", "I owe you: Ask Sam whether he can help"},
		{"Share the Thesis notes", "I owe you: Share the Thesis notes"},
		{"Check on Hercule's history", "I owe you: Check on Hercule's history"},
	}
	for _, tt := range tests {
		got := DraftAgenda(AgendaInput{Kind: MeetingCoffee, Person: Person{ID: 1, Name: "Priya Shah"},
			Promises: []Promise{{PersonID: 1, Direction: DirectionMine, What: tt.what, Status: PromiseOpen}}})
		if !strings.Contains(got, "\n"+tt.want) {
			t.Errorf("%q: agenda\n%s\nwant the line %q", tt.what, got, tt.want)
		}
		if strings.Contains(strings.ToLower(got), " his ") || strings.Contains(got, " her ") {
			t.Errorf("%q: agenda still speaks of the reader in the third person:\n%s", tt.what, got)
		}
	}
}
