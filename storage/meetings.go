package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/mattn/go-sqlite3"

	"rapport/model"
)

const meetingColumns = `id, uid, person_id, kind, start_at, duration_minutes, location, agenda,
	recurrence, reminder_minutes, sequence, status, outcome_id, created_at, updated_at, agenda_drafted`

// meetingFields lists where to scan a meeting's columns; the duration goes
// to minutes, to be converted.
func meetingFields(m *model.Meeting, minutes *int64) []any {
	return []any{&m.ID, &m.UID, &m.PersonID, &m.Kind, timeField{&m.Start}, minutes, &m.Location,
		&m.Agenda, &m.Recurrence, &m.ReminderMinutes, &m.Sequence, &m.Status, idField{&m.OutcomeID},
		timeField{&m.CreatedAt}, timeField{&m.UpdatedAt}, &m.AgendaDrafted}
}

// newUID returns a new calendar UID: 128 random bits, in hex, @rapport.
func newUID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("make meeting uid: %w", err)
	}
	return hex.EncodeToString(b) + "@rapport", nil
}

// CreateMeeting validates m and adds it, setting its ID and timestamps. It
// gives m a new UID unless it has one, the planned status unless it has
// one, and sequence 0. Its duration is kept in whole minutes.
func (s *Store) CreateMeeting(ctx context.Context, m *model.Meeting) error {
	if m.Status == "" {
		m.Status = model.MeetingPlanned
	}
	m.Sequence = 0
	m.Duration = m.Duration.Truncate(time.Minute)
	if err := m.Validate(); err != nil {
		return err
	}
	if m.UID == "" {
		uid, err := newUID()
		if err != nil {
			return err
		}
		m.UID = uid
	}
	m.CreatedAt, m.UpdatedAt = s.now(), s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error { return insertMeeting(ctx, tx, m) })
}

// insertMeeting writes m, with its own ID when it has one.
func insertMeeting(ctx context.Context, tx *sql.Tx, m *model.Meeting) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO meeting (`+meetingColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ref(m.ID), m.UID, m.PersonID, m.Kind, instant(m.Start), int64(m.Duration/time.Minute), m.Location,
		m.Agenda, m.Recurrence, m.ReminderMinutes, m.Sequence, m.Status, ref(m.OutcomeID),
		instant(m.CreatedAt), instant(m.UpdatedAt), m.AgendaDrafted)
	if isConstraint(err, sqlite3.ErrConstraintUnique) {
		return fmt.Errorf("add meeting: uid %s: %w", m.UID, ErrDuplicate)
	}
	if err != nil {
		return missingRef("add meeting", "a person or interaction", err)
	}
	m.ID, err = res.LastInsertId()
	return err
}

// UpdateMeeting validates m and saves every field of it but its UID,
// sequence and creation time, setting UpdatedAt. When anything an
// attendee's calendar shows changed (kind, start, duration, location,
// agenda, recurrence or status), the sequence grows by one, so that a re-sent
// invite replaces the calendar entry; m.UID and m.Sequence are set to the
// stored ones.
func (s *Store) UpdateMeeting(ctx context.Context, m *model.Meeting) error {
	m.Duration = m.Duration.Truncate(time.Minute)
	if err := m.Validate(); err != nil {
		return err
	}
	m.UpdatedAt = s.now()
	var uid string
	var seq int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// Compare in stored form: the start as text, the duration in minutes.
		var old model.Meeting
		var oldStart string
		var oldMinutes int64
		err := tx.QueryRowContext(ctx, `SELECT uid, kind, start_at, duration_minutes, location,
			agenda, recurrence, sequence, status FROM meeting WHERE id = ?`, m.ID).
			Scan(&old.UID, &old.Kind, &oldStart, &oldMinutes, &old.Location, &old.Agenda, &old.Recurrence,
				&old.Sequence, &old.Status)
		if err != nil {
			return fmt.Errorf("save meeting: %w", notFound(err, "meeting", m.ID))
		}
		uid, seq = old.UID, old.Sequence
		if old.Kind != m.Kind || oldStart != m.Start.UTC().Format(timeLayout) ||
			oldMinutes != int64(m.Duration/time.Minute) || old.Location != m.Location ||
			old.Agenda != m.Agenda || old.Recurrence != m.Recurrence || old.Status != m.Status {
			seq++
		}
		_, err = tx.ExecContext(ctx, `UPDATE meeting SET person_id = ?, kind = ?, start_at = ?,
			duration_minutes = ?, location = ?, agenda = ?, recurrence = ?, reminder_minutes = ?,
			sequence = ?, status = ?, outcome_id = ?, updated_at = ?, agenda_drafted = ? WHERE id = ?`,
			m.PersonID, m.Kind, instant(m.Start), int64(m.Duration/time.Minute), m.Location, m.Agenda,
			m.Recurrence, m.ReminderMinutes, seq, m.Status, ref(m.OutcomeID), instant(m.UpdatedAt), m.AgendaDrafted, m.ID)
		if err != nil {
			return missingRef("save meeting", "a person or interaction", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	m.UID, m.Sequence = uid, seq
	return nil
}

// Meeting returns the meeting with the given ID.
func (s *Store) Meeting(ctx context.Context, id int64) (model.Meeting, error) {
	return meetingByID(ctx, s.db, id)
}

// meetingByID is Meeting on q.
func meetingByID(ctx context.Context, q querier, id int64) (model.Meeting, error) {
	list, err := queryMeetings(ctx, q, `WHERE id = ?`, id)
	if err != nil {
		return model.Meeting{}, err
	}
	if len(list) == 0 {
		return model.Meeting{}, fmt.Errorf("meeting %d: %w", id, ErrNotFound)
	}
	return list[0], nil
}

// Meetings returns the meetings that start at or after from and before to,
// in order of start. A zero from or to leaves that end open.
func (s *Store) Meetings(ctx context.Context, from, to time.Time) ([]model.Meeting, error) {
	return queryMeetings(ctx, s.db, `WHERE (? IS NULL OR start_at >= ?) AND (? IS NULL OR start_at < ?)`,
		instant(from), instant(from), instant(to), instant(to))
}

// MeetingsWith returns the meetings with a person, in order of start.
func (s *Store) MeetingsWith(ctx context.Context, personID int64) ([]model.Meeting, error) {
	return queryMeetings(ctx, s.db, `WHERE person_id = ?`, personID)
}

func queryMeetings(ctx context.Context, q querier, where string, args ...any) ([]model.Meeting, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+meetingColumns+` FROM meeting `+where+
		` ORDER BY start_at, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("list meetings: %w", err)
	}
	defer rows.Close()
	var out []model.Meeting
	for rows.Next() {
		var m model.Meeting
		var minutes int64
		if err := rows.Scan(meetingFields(&m, &minutes)...); err != nil {
			return nil, fmt.Errorf("list meetings: %w", err)
		}
		m.Duration = time.Duration(minutes) * time.Minute
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list meetings: %w", err)
	}
	return out, nil
}

// DeleteMeeting removes a meeting. Promises made in it keep existing,
// without the link.
func (s *Store) DeleteMeeting(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM meeting WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete meeting: %w", err)
		}
		return checkAffected(res, "meeting", id)
	})
}

// FollowAgenda brings the agenda of the meeting with the given ID up to
// date and returns the meeting. While the agenda is Rapport's draft
// (AgendaDrafted) and the meeting is planned, it is drafted afresh from
// what is known about the person now, so that an advisor linked or a
// promise made since the meeting was scheduled appears in the invite;
// when the draft changed it is saved and the sequence grows by one, so a
// re-sent invite replaces the calendar entry. An agenda the user edited,
// or that of a meeting held or cancelled, is returned as stored.
func (s *Store) FollowAgenda(ctx context.Context, id int64, now time.Time) (model.Meeting, error) {
	var m model.Meeting
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if m, err = meetingByID(ctx, tx, id); err != nil {
			return err
		}
		if !m.AgendaDrafted || m.Status != model.MeetingPlanned {
			return nil
		}
		p, err := personByID(ctx, tx, m.PersonID)
		if err != nil {
			return err
		}
		promises, err := queryPromises(ctx, tx, `WHERE person_id = ?`, m.PersonID)
		if err != nil {
			return err
		}
		advises, err := advisedBy(ctx, tx, m.PersonID)
		if err != nil {
			return err
		}
		draft := model.DraftAgenda(model.AgendaInput{Kind: m.Kind, Person: p, Promises: promises,
			AskAbout: model.AskAbout(advises, m.PersonID), Now: now})
		if draft == m.Agenda {
			return nil
		}
		m.Agenda, m.Sequence, m.UpdatedAt = draft, m.Sequence+1, s.now()
		_, err = tx.ExecContext(ctx, `UPDATE meeting SET agenda = ?, sequence = ?, updated_at = ? WHERE id = ?`,
			m.Agenda, m.Sequence, instant(m.UpdatedAt), m.ID)
		return err
	})
	if err != nil {
		return model.Meeting{}, fmt.Errorf("follow the agenda of meeting %d: %w", id, err)
	}
	return m, nil
}
