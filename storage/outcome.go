package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"rapport/model"
)

// Errors that LogMeetingOutcome returns, to be checked with errors.Is.
var (
	// ErrOutcomeLogged means a one-off meeting already has its outcome
	// logged (or is marked held): edit that interaction instead.
	ErrOutcomeLogged = errors.New("its outcome is already logged")
	// ErrMeetingCanceled means the meeting was called off, so there is no
	// outcome to log until it is planned again.
	ErrMeetingCanceled = errors.New("it was cancelled")
	// ErrPersonArchived means the person is in the trash: restore them
	// before logging anything with them.
	ErrPersonArchived = errors.New("the person is in the trash")
)

// LogMeetingOutcome records, in one transaction, what came of a meeting:
// an interaction with the meeting's person (of the kind the meeting
// becomes, dated o.At, summarised as o.Summary or else "Coffee with Dana
// Reyes"), the promises made there in either direction (linked to the
// meeting and the interaction, made on o.At's day unless they say
// otherwise, open unless they have a status), and the person's working
// on, needs and stance. A one-off meeting becomes held with the
// interaction as its outcome; a recurring one stays as it is but for its
// outcome, which becomes this latest occurrence's. The person's last
// contact and credits follow. It returns the new interaction.
//
// It refuses a one-off meeting already held or logged (ErrOutcomeLogged),
// a cancelled meeting (ErrMeetingCanceled), a meeting whose person is in
// the trash (ErrPersonArchived), and a missing one (ErrNotFound); then
// nothing is written.
func (s *Store) LogMeetingOutcome(ctx context.Context, meetingID int64, o model.MeetingOutcome) (model.Interaction, error) {
	o.Promises = outcomePromises(o)
	if err := o.Validate(); err != nil {
		return model.Interaction{}, err
	}
	now := s.now()
	var in model.Interaction
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		m, err := meetingForOutcome(ctx, tx, meetingID)
		if err != nil {
			return err
		}
		person, err := activePerson(ctx, tx, m.PersonID)
		if err != nil {
			return err
		}
		in = outcomeInteraction(m, person, o, now)
		if err := insertInteraction(ctx, tx, &in); err != nil {
			return err
		}
		if err := insertOutcomePromises(ctx, tx, m, in.ID, o.Promises, now); err != nil {
			return err
		}
		if err := updatePersonFromOutcome(ctx, tx, person.ID, o, now); err != nil {
			return err
		}
		if err := setMeetingOutcome(ctx, tx, m, in.ID, now); err != nil {
			return err
		}
		return s.refreshPeople(ctx, tx, []int64{person.ID})
	})
	if err != nil {
		return model.Interaction{}, fmt.Errorf("log outcome of meeting %d: %w", meetingID, err)
	}
	return in, nil
}

// outcomePromises copies o's promises with the defaults an outcome gives
// them: made on o.At's day and open, their dates reduced to days. The
// person and meeting are filled in once the meeting is read.
func outcomePromises(o model.MeetingOutcome) []model.Promise {
	out := make([]model.Promise, len(o.Promises))
	for k, p := range o.Promises {
		if p.MadeOn.IsZero() {
			p.MadeOn = model.Day(o.At)
		}
		if p.Status == "" {
			p.Status = model.PromiseOpen
		}
		normalizePromiseDays(&p)
		out[k] = p
	}
	return out
}

// meetingForOutcome reads a meeting that can take an outcome: not
// cancelled, and not a one-off already held or logged.
func meetingForOutcome(ctx context.Context, tx *sql.Tx, id int64) (model.Meeting, error) {
	list, err := queryMeetings(ctx, tx, `WHERE id = ?`, id)
	if err != nil {
		return model.Meeting{}, err
	}
	if len(list) == 0 {
		return model.Meeting{}, ErrNotFound // the caller names the meeting
	}
	m := list[0]
	switch {
	case m.Status == model.MeetingCanceled:
		return model.Meeting{}, ErrMeetingCanceled
	case m.Recurrence == model.RecurrenceNone && (m.OutcomeID != 0 || m.Status == model.MeetingHeld):
		return model.Meeting{}, ErrOutcomeLogged
	}
	return m, nil
}

// activePerson reads a person who is not in the trash.
func activePerson(ctx context.Context, tx *sql.Tx, id int64) (model.Person, error) {
	var p model.Person
	err := tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM person WHERE id = ?`, id).
		Scan(personFields(&p)...)
	if err != nil {
		return model.Person{}, notFound(err, "person", id)
	}
	if !p.ArchivedAt.IsZero() {
		return model.Person{}, fmt.Errorf("%s: %w", p.Name, ErrPersonArchived)
	}
	return p, nil
}

// outcomeInteraction is the interaction a meeting's outcome becomes.
func outcomeInteraction(m model.Meeting, p model.Person, o model.MeetingOutcome, now time.Time) model.Interaction {
	kind := m.Kind.InteractionKind()
	summary := o.Summary
	if strings.TrimSpace(summary) == "" {
		summary = kind.Label() + " with " + p.Name
	}
	return model.Interaction{Kind: kind, At: o.At, Summary: summary, Notes: o.Notes,
		PersonIDs: []int64{p.ID}, CreatedAt: now, UpdatedAt: now}
}

// insertOutcomePromises adds the promises made at meeting m, linked to it
// and to the interaction it became.
func insertOutcomePromises(ctx context.Context, tx *sql.Tx, m model.Meeting, interactionID int64,
	promises []model.Promise, now time.Time) error {
	for k, p := range promises {
		p.ID, p.PersonID, p.MeetingID, p.InteractionID = 0, m.PersonID, m.ID, interactionID
		p.CreatedAt, p.UpdatedAt = now, now
		if err := insertPromise(ctx, tx, &p); err != nil {
			return fmt.Errorf("promise %d: %w", k+1, err)
		}
	}
	return nil
}

// updatePersonFromOutcome saves what the person said they work on and
// need, and their stance, keeping a change of stance in their history.
func updatePersonFromOutcome(ctx context.Context, tx *sql.Tx, personID int64, o model.MeetingOutcome, now time.Time) error {
	res, err := tx.ExecContext(ctx, `UPDATE person SET working_on = ?, needs = ?, stance = ?, updated_at = ?
		WHERE id = ?`, o.WorkingOn, o.Needs, o.Stance, instant(now), personID)
	if err != nil {
		return fmt.Errorf("save person: %w", err)
	}
	if err := checkAffected(res, "person", personID); err != nil {
		return err
	}
	return recordStance(ctx, tx, personID, model.CauseOutcome, now)
}

// setMeetingOutcome points m at the interaction it became: a one-off is
// held from now on; a recurring one stays planned, its outcome the latest
// occurrence's. The sequence stays: a calendar shows nothing of this.
func setMeetingOutcome(ctx context.Context, tx *sql.Tx, m model.Meeting, interactionID int64, now time.Time) error {
	status := m.Status
	if m.Recurrence == model.RecurrenceNone {
		status = model.MeetingHeld
	}
	_, err := tx.ExecContext(ctx, `UPDATE meeting SET status = ?, outcome_id = ?, updated_at = ? WHERE id = ?`,
		status, interactionID, instant(now), m.ID)
	if err != nil {
		return fmt.Errorf("save meeting: %w", err)
	}
	return nil
}
