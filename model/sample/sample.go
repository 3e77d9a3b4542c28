// Package sample generates a believable, entirely fictional career network:
// the people around a senior engineer at an invented company, the ties
// between them, a year of interactions, promises both ways, a career plan
// with its gaps and actions, past and upcoming meetings, and a private log
// of what the user shared with whom.
//
// It backs the "explore a sample network" button, the README screenshots,
// demos, and load tests: asked for thousands of people and a hundred
// thousand interactions it produces exactly that many, quickly.
//
// Generation is deterministic. The same Options give an identical Network
// on every platform (math/rand/v2 with a PCG source), and the clock is
// never read: every date derives from Options.Now.
package sample

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"

	"rapport/model"
)

// Company is the invented employer of the sample network's user and of
// everyone in it who is not an external contact.
const Company = "Northwind Labs"

// Domain is the email domain of Company. Every sample address uses a
// reserved .example domain, so none of them can reach anyone.
const Domain = "northwind.example"

// DefaultPeople is the number of people when Options.People is zero: the
// hand-made cast.
const DefaultPeople = 40

// DefaultInteractionsPerPerson is how many interactions a year each person
// brings when Options.Interactions is zero.
const DefaultInteractionsPerPerson = 12

const (
	promisesPerTenPeople    = 15  // the default number of promises: 1.5 a person
	appAgeDays              = 400 // how long the user has kept records
	extraPeoplePerMeeting   = 25  // beyond the cast, one meeting per so many people
	extraPeoplePerDisclosed = 50  // beyond the cast, one disclosure per so many people
)

// DefaultNow is the "today" of a network generated with a zero Options.Now:
// a fixed Monday morning, so that such networks stay reproducible.
var DefaultNow = time.Date(2026, time.March, 2, 9, 30, 0, 0, time.UTC)

// Options chooses which network Generate builds. Zero values choose the
// defaults.
type Options struct {
	// Seed picks the network: the same Seed and the same other options give
	// an identical network, and another Seed a different one.
	Seed int64
	// Now is the "today" of the network. Interactions and resolved promises
	// fall in the year before it, upcoming meetings in the two weeks after
	// it, and dates are calendar days of Now's location (see model.Day).
	// Zero means DefaultNow.
	Now time.Time
	// People is how many people the network holds, exactly. Zero (or less)
	// means DefaultPeople. The first 40 are a hand-made cast; more are
	// generated, fewer take the cast's most important members.
	People int
	// Interactions is how many interactions the network holds, exactly.
	// Zero (or less) means DefaultInteractionsPerPerson for every person.
	Interactions int
	// Promises is how many promises the network holds, exactly. Zero (or
	// less) means one and a half per person.
	Promises int
}

// withDefaults fills in the zero fields of o.
func (o Options) withDefaults() Options {
	if o.Now.IsZero() {
		o.Now = DefaultNow
	}
	if o.People <= 0 {
		o.People = DefaultPeople
	}
	if o.Interactions <= 0 {
		o.Interactions = o.People * DefaultInteractionsPerPerson
	}
	if o.Promises <= 0 {
		o.Promises = (o.People*promisesPerTenPeople + 5) / 10
	}
	return o
}

// Network is a whole sample career network. IDs run from 1 to n within
// each entity type, in the order of the slices, and every reference
// (PersonIDs, FromID and ToID, RoleID, RequirementID, AdvisorIDs,
// MeetingID, InteractionID, OutcomeID) points at a record of the network,
// so it can be inserted verbatim into an empty database. Interactions are
// in chronological order, promises by the day they were made, meetings by
// start.
type Network struct {
	People       []model.Person
	Ties         []model.Tie
	Interactions []model.Interaction
	Promises     []model.Promise
	Roles        []model.Role
	Requirements []model.Requirement
	Actions      []model.Action
	Levels       []model.LevelChange // besides each requirement's level when written down
	Panel        []model.PanelMember
	Meetings     []model.Meeting
	Disclosures  []model.Disclosure
}

// Generate builds the sample network that opts describe. It never fails:
// any Options give a network whose every record passes its Validate method.
func Generate(opts Options) *Network {
	opts = opts.withDefaults()
	g := newGen(opts)
	g.addPeople(opts.People)
	g.addTies()
	g.addPlan()
	g.addMeetings()
	g.addCastPromises(opts.Promises)
	g.addOneOnOnes()
	g.addStories()
	g.fillInteractions()
	g.fillPromises(opts.Promises)
	g.addDisclosures()
	g.finish()
	return g.net
}

// gen holds the state of one generation.
type gen struct {
	rng   *rand.Rand
	now   time.Time
	loc   *time.Location
	year  int
	month time.Month
	day   int
	today time.Time // model.Day(now)
	net   *Network

	ppl    []pinfo          // parallel to net.People
	keys   map[string]int   // cast key → index into ppl
	groups map[string][]int // team or organisation → indexes into ppl
	cum    []float64        // cumulative contact weights, parallel to ppl
	total  float64

	budget    int     // interactions still allowed
	pool      []int64 // backing array for interactions' PersonIDs
	iDays     []int   // days before today of each interaction, parallel
	meetByKey map[string]int
	tieSeen   map[tieKey]bool
	emails    map[string]bool
	uids      map[string]bool
}

// pinfo is what the generator knows about a person beyond model.Person.
type pinfo struct {
	call    string   // first name as used in summaries
	group   string   // team, or organisation for external contacts
	topics  []string // what conversations with them are about
	lo, hi  int      // contact window, in days before today
	met     int      // days since they were first met
	weight  float64  // share of everyday contact
	created int      // days before today the record was created
	boss    int      // whom they report to (procedural people), or -1
}

type tieKey struct {
	from, to int64
	kind     model.TieKind
}

func newGen(o Options) *gen {
	seed := uint64(o.Seed)
	g := &gen{
		rng:       rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		now:       o.Now,
		loc:       o.Now.Location(),
		today:     model.Day(o.Now),
		net:       &Network{},
		keys:      map[string]int{},
		groups:    map[string][]int{},
		budget:    o.Interactions,
		meetByKey: map[string]int{},
		tieSeen:   map[tieKey]bool{},
		emails:    map[string]bool{},
		uids:      map[string]bool{},
	}
	g.year, g.month, g.day = o.Now.Date()
	g.net.People = make([]model.Person, 0, o.People)
	g.net.Interactions = make([]model.Interaction, 0, o.Interactions)
	g.net.Promises = make([]model.Promise, 0, o.Promises)
	g.iDays = make([]int, 0, o.Interactions)
	g.pool = make([]int64, 0, o.Interactions+o.Interactions/5+8)
	return g
}

// date is the calendar day offset days from today (negative: the past), in
// the form model.Day gives.
func (g *gen) date(offset int) time.Time { return g.today.AddDate(0, 0, offset) }

// clock is hour:minute on the day offset days from today, in Now's location.
func (g *gen) clock(offset, hour, minute int) time.Time {
	return time.Date(g.year, g.month, g.day+offset, hour, minute, 0, 0, g.loc)
}

// notAfterNow caps t at Now.
func (g *gen) notAfterNow(t time.Time) time.Time {
	if t.After(g.now) {
		return g.now
	}
	return t
}

func (g *gen) weekend(offset int) bool {
	wd := g.date(offset).Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// workdayAgo moves d days ago to a nearby weekday within [lo, hi] days ago,
// earlier first; it keeps d when no weekday fits.
func (g *gen) workdayAgo(d, lo, hi int) int {
	if !g.weekend(-d) {
		return d
	}
	for _, c := range [...]int{d + 1, d + 2, d - 1, d - 2} {
		if c >= lo && c <= hi && !g.weekend(-c) {
			return c
		}
	}
	return d
}

// workdayAhead moves d days ahead to the next weekday.
func (g *gen) workdayAhead(d int) int {
	for g.weekend(d) {
		d++
	}
	return d
}

// recentDay draws a weekday in [lo, hi] days ago, recent days likelier (up
// to three times as likely as the oldest); -1 when the window is empty.
func (g *gen) recentDay(lo, hi int) int {
	if hi < lo {
		return -1
	}
	d := lo
	for try := 0; try < 8; try++ {
		x := g.rng.Float64()
		if g.rng.IntN(2) == 0 {
			x = 1 - math.Sqrt(x) // triangular, densest at x = 0
		}
		d = min(hi, lo+int(float64(hi-lo+1)*x))
		if !g.weekend(-d) {
			return d
		}
	}
	return g.workdayAgo(d, lo, hi)
}

// between draws an int in [lo, hi].
func (g *gen) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.rng.IntN(hi-lo+1)
}

func (g *gen) chance(percent int) bool { return g.rng.IntN(100) < percent }

func pick[T any](g *gen, xs []T) T { return xs[g.rng.IntN(len(xs))] }

// weighted is a value with a relative weight, for weightedPick.
type weighted[T any] struct {
	v T
	w int
}

func weightedPick[T any](g *gen, xs []weighted[T]) T {
	total := 0
	for _, x := range xs {
		total += x.w
	}
	r := g.rng.IntN(total)
	for _, x := range xs {
		if r < x.w {
			return x.v
		}
		r -= x.w
	}
	return xs[len(xs)-1].v
}

// person returns the index of the cast member key, or -1 when the network
// is too small to hold them.
func (g *gen) person(key string) int {
	if i, ok := g.keys[key]; ok {
		return i
	}
	return -1
}

func (g *gen) id(i int) int64 { return int64(i + 1) }

// inWindow reports whether person i can have been in touch d days ago.
func (g *gen) inWindow(i, d int) bool { return d >= g.ppl[i].lo && d <= g.ppl[i].hi }

// buildWeights prepares pickPerson.
func (g *gen) buildWeights() {
	g.cum = make([]float64, len(g.ppl))
	g.total = 0
	for i, p := range g.ppl {
		if p.hi >= p.lo {
			g.total += p.weight
		}
		g.cum[i] = g.total
	}
}

// pickPerson draws a person by contact weight.
func (g *gen) pickPerson() int {
	r := g.rng.Float64() * g.total
	i := sort.Search(len(g.cum), func(i int) bool { return g.cum[i] > r })
	if i >= len(g.cum) {
		i = len(g.cum) - 1
	}
	return i
}

// ids copies people indexes into the PersonIDs pool.
func (g *gen) ids(people ...int) []int64 {
	if cap(g.pool)-len(g.pool) < len(people) {
		g.pool = make([]int64, 0, 1024)
	}
	start := len(g.pool)
	for _, i := range people {
		g.pool = append(g.pool, g.id(i))
	}
	return g.pool[start:len(g.pool):len(g.pool)]
}

// addInteraction records an interaction d days ago at hour:minute with people
// (indexes, the first the main one) and returns its provisional ID, or 0
// once the budget of interactions is spent.
func (g *gen) addInteraction(kind model.InteractionKind, d, hour, minute int, summary, notes string, people ...int) int64 {
	if g.budget <= 0 || len(people) == 0 {
		return 0
	}
	g.budget--
	at := g.clock(-d, hour, minute)
	logged := g.notAfterNow(at.Add(time.Duration(g.between(10, 150)) * time.Minute))
	id := int64(len(g.net.Interactions) + 1)
	g.net.Interactions = append(g.net.Interactions, model.Interaction{
		ID:        id,
		Kind:      kind,
		At:        at,
		Summary:   summary,
		Notes:     notes,
		PersonIDs: g.ids(people...),
		CreatedAt: logged,
		UpdatedAt: logged,
	})
	g.iDays = append(g.iDays, d)
	return id
}

// finish orders interactions, promises, meetings and disclosures by date
// and numbers them 1..n, updating the references to them.
func (g *gen) finish() {
	n := g.net
	var newInteraction, newMeeting []int64
	n.Interactions, newInteraction = chronological(n.Interactions, func(x *model.Interaction) time.Time { return x.At })
	for i := range n.Interactions {
		n.Interactions[i].ID = int64(i + 1)
	}
	n.Meetings, newMeeting = chronological(n.Meetings, func(x *model.Meeting) time.Time { return x.Start })
	for i := range n.Meetings {
		m := &n.Meetings[i]
		m.ID = int64(i + 1)
		m.OutcomeID = newInteraction[m.OutcomeID]
	}
	n.Promises, _ = chronological(n.Promises, func(x *model.Promise) time.Time { return x.MadeOn })
	for i := range n.Promises {
		p := &n.Promises[i]
		p.ID = int64(i + 1)
		p.InteractionID = newInteraction[p.InteractionID]
		p.MeetingID = newMeeting[p.MeetingID]
	}
	n.Disclosures, _ = chronological(n.Disclosures, func(x *model.Disclosure) time.Time { return x.SharedOn })
	for i := range n.Disclosures {
		n.Disclosures[i].ID = int64(i + 1)
	}
}

// chronological returns xs ordered by when, equal times keeping their
// order, and the map from each record's old position plus one (its
// provisional ID) to its new one; index 0 maps to 0. It sorts positions
// rather than the records, which are large.
func chronological[T any](xs []T, when func(*T) time.Time) ([]T, []int64) {
	keys := make([]int64, len(xs))
	order := make([]int32, len(xs))
	for i := range xs {
		keys[i] = when(&xs[i]).UnixNano()
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	out := make([]T, len(xs))
	remap := make([]int64, len(xs)+1)
	for to, from := range order {
		out[to] = xs[from]
		remap[from+1] = int64(to + 1)
	}
	return out, remap
}
