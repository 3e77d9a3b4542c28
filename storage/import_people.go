package storage

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"rapport/model"
)

// ImportPeople applies matches, as model.MatchImport made them and the
// user chose their actions, in one transaction, and returns how many
// people it added, merged and skipped:
//
//   - ImportAdd adds the imported person (model.ImportedPerson.AsNew: the
//     defaults of model.NewPerson for relation, influence, stance and
//     cadence).
//   - ImportMerge saves model.Merged of the existing person (ExistingID) and
//     the imported one, so no field of theirs is overwritten. A merge into
//     someone earlier in the same file (ExistingID -1) merges into the
//     person that match became (added, or merged into); when that one was
//     skipped, the person is added instead, and counted as added.
//   - ImportSkip writes nothing.
//
// Any invalid person (or action, or a merge into a person who does not
// exist: ErrNotFound) is an error naming its line in the file ("line 12:
// …"), and nothing is written.
func (s *Store) ImportPeople(ctx context.Context, format model.ContactFormat, matches []model.ImportMatch) (added, merged, skipped int, err error) {
	now := s.now()
	earlier := model.InFileDuplicates(matches)
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		added, merged, skipped = 0, 0, 0
		became := make([]int64, len(matches)) // the stored person each match became, 0 if none
		for i, m := range matches {
			line := m.Imported.Line
			target := m.ExistingID
			if m.Action == model.ImportMerge && target == -1 {
				target = 0
				if j := earlier[i]; j >= 0 {
					target = became[j]
				}
			}
			switch {
			case m.Action == model.ImportSkip:
				skipped++
			case m.Action == model.ImportAdd || (m.Action == model.ImportMerge && target == 0):
				p := m.Imported.AsNew()
				p.Normalize()
				if err := p.Validate(); err != nil {
					return fmt.Errorf("line %d: %w", line, err)
				}
				p.CreatedAt, p.UpdatedAt = now, now
				if err := insertPerson(ctx, tx, &p); err != nil {
					return fmt.Errorf("line %d: %w", line, err)
				}
				became[i] = p.ID
				added++
			case m.Action == model.ImportMerge && target > 0:
				if err := mergePerson(ctx, tx, target, m, format, now); err != nil {
					return fmt.Errorf("line %d: %w", line, err)
				}
				became[i] = target
				merged++
			default:
				return fmt.Errorf("line %d: cannot %s %q (person #%d)", line, m.Action, m.Imported.Person.Name, m.ExistingID)
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, 0, fmt.Errorf("import people: %w", err)
	}
	return added, merged, skipped, nil
}

// mergePerson saves model.Merged of the person with the given ID and the
// imported one. When the file gives them another title or organisation
// (model.DetectJobChange, against the person as stored now, and only when
// the match found one: m.Job), they take the new role and the old one is
// kept in their role history.
func mergePerson(ctx context.Context, tx *sql.Tx, id int64, m model.ImportMatch, format model.ContactFormat, now time.Time) error {
	var existing model.Person
	err := tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM person WHERE id = ?`, id).
		Scan(personFields(&existing)...)
	if err != nil {
		return notFound(err, "person", id)
	}
	merging := existing
	if m.Job.Changed() {
		if job, ok := model.DetectJobChange(existing, m.Imported.Person); ok {
			if err := recordRoleChange(ctx, tx, id, job, now); err != nil {
				return err
			}
			merging.Title, merging.Organisation = job.Title, job.Organisation
		}
	}
	p := model.Merged(merging, m.Imported, format)
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	if p == existing {
		return nil // the file adds nothing to them
	}
	p.UpdatedAt = now
	res, err := tx.ExecContext(ctx, `UPDATE person SET title = ?, team = ?, organisation = ?,
		email = ?, phone = ?, notes = ?, first_met = ?, updated_at = ? WHERE id = ?`,
		p.Title, p.Team, p.Organisation, p.Email, p.Phone, p.Notes, day(p.FirstMet),
		instant(p.UpdatedAt), id)
	if err != nil {
		return fmt.Errorf("merge person: %w", err)
	}
	return checkAffected(res, "person", id)
}
