package model

import (
	"fmt"
	"math"
	"time"
)

// FollowThrough counts resolved promises by how they were resolved.
//
// Released promises are counted but left out of Resolved and Rate: the
// other side let the promise go, which is nobody's failure.
type FollowThrough struct {
	Kept, KeptLate, Broken, Released int
}

// Add counts one promise with status s. Pending statuses are ignored.
func (f *FollowThrough) Add(s PromiseStatus) {
	switch s {
	case PromiseKept:
		f.Kept++
	case PromiseKeptLate:
		f.KeptLate++
	case PromiseBroken:
		f.Broken++
	case PromiseReleased:
		f.Released++
	}
}

// Resolved is the number of promises that count toward the rate: kept,
// kept late and broken. Released promises are not among them.
func (f FollowThrough) Resolved() int { return f.Kept + f.KeptLate + f.Broken }

// Rate is the share of Resolved promises kept on time, from 0 to 1; ok is
// false when nothing is resolved yet, as a rate of nothing means nothing.
func (f FollowThrough) Rate() (rate float64, ok bool) {
	n := f.Resolved()
	if n == 0 {
		return 0, false
	}
	return float64(f.Kept) / float64(n), true
}

// Percent is the rate as a whole percentage, "83%", or "—" when nothing is
// resolved. It says 100% only when every promise was kept on time and 0%
// only when none was, however close the rounding.
func (f FollowThrough) Percent() string {
	rate, ok := f.Rate()
	if !ok {
		return "—"
	}
	p := int(math.Round(rate * 100))
	switch {
	case p == 100 && f.Kept < f.Resolved():
		p = 99
	case p == 0 && f.Kept > 0:
		p = 1
	}
	return fmt.Sprintf("%d%%", p)
}

// MonthlyFollowThrough counts the promises resolved in one calendar month.
type MonthlyFollowThrough struct {
	Month time.Time // the first day of the month, midnight UTC
	FollowThrough
}

// FollowThroughReport tells how well promises were kept, overall, in each
// direction, with each person and month by month.
//
// "Kept" means kept on time: by the due date in force when the promise was
// kept, so a renegotiated date counts and keeping by it is on time. The
// rate is kept ÷ (kept + kept late + broken); released promises are counted
// but left out of it.
type FollowThroughReport struct {
	Overall FollowThrough
	Mine    FollowThrough // promises the user made
	Theirs  FollowThrough // promises made to the user

	// ByPerson holds, for each person with at least one resolved promise
	// either way, the counts for that person.
	ByPerson map[int64]FollowThrough

	// ByMonth counts promises by the month they were resolved in, oldest
	// first, ending with the current month; months without any are there
	// with zero counts.
	ByMonth []MonthlyFollowThrough
}

// FollowThroughOf counts the resolved promises among promises. ByMonth
// covers the months calendar months ending with now's (read in now's own
// location); promises resolved before them still count in the other
// totals. Pending promises are ignored.
func FollowThroughOf(promises []Promise, now time.Time, months int) FollowThroughReport {
	r := FollowThroughReport{ByPerson: map[int64]FollowThrough{}}
	y, m, _ := Day(now).Date()
	first := time.Date(y, m-time.Month(max(months, 1)-1), 1, 0, 0, 0, 0, time.UTC)
	for i := range max(months, 0) {
		r.ByMonth = append(r.ByMonth, MonthlyFollowThrough{Month: first.AddDate(0, i, 0)})
	}
	for _, p := range promises {
		if p.Status.Pending() || !p.Status.Valid() {
			continue
		}
		r.Overall.Add(p.Status)
		switch p.Direction {
		case DirectionMine:
			r.Mine.Add(p.Status)
		case DirectionTheirs:
			r.Theirs.Add(p.Status)
		}
		f := r.ByPerson[p.PersonID]
		f.Add(p.Status)
		r.ByPerson[p.PersonID] = f
		if i := followThroughMonth(first, p.ResolvedOn); !p.ResolvedOn.IsZero() && i >= 0 && i < len(r.ByMonth) {
			r.ByMonth[i].Add(p.Status)
		}
	}
	return r
}

// followThroughMonth is how many calendar months day comes after the month
// starting on first: 0 in that month, negative before it.
func followThroughMonth(first, day time.Time) int {
	y, m, _ := Day(day).Date()
	return (y-first.Year())*12 + int(m) - int(first.Month())
}
