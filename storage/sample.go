package storage

import (
	"context"
	"database/sql"
	"fmt"

	"rapport/model/sample"
)

// SampleSeed is the seed of the sample network the app offers to explore.
const SampleSeed = 1

// LoadSample fills an empty database with the sample career network, dated
// so that its year of history ends today. It refuses a database that has
// any person in it (ErrNotEmpty).
func (s *Store) LoadSample(ctx context.Context) error {
	return s.InsertNetwork(ctx, sample.Generate(sample.Options{Seed: SampleSeed, Now: s.Now()}))
}

// InsertNetwork writes a whole generated network into an empty database in
// one transaction, keeping its IDs: all of it is stored, or none.
func (s *Store) InsertNetwork(ctx context.Context, n *sample.Network) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var people int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM person`).Scan(&people); err != nil {
			return fmt.Errorf("insert network: %w", err)
		}
		if people > 0 {
			return fmt.Errorf("insert network: %w (%d people)", ErrNotEmpty, people)
		}
		for i := range n.People {
			if err := insertPerson(ctx, tx, &n.People[i]); err != nil {
				return err
			}
		}
		for i := range n.Ties {
			if err := insertTie(ctx, tx, &n.Ties[i]); err != nil {
				return err
			}
		}
		for i := range n.Interactions {
			if err := insertInteraction(ctx, tx, &n.Interactions[i]); err != nil {
				return err
			}
		}
		for i := range n.Meetings {
			if err := insertMeeting(ctx, tx, &n.Meetings[i]); err != nil {
				return err
			}
		}
		for i := range n.Promises {
			if err := insertPromise(ctx, tx, &n.Promises[i]); err != nil {
				return err
			}
		}
		for i := range n.Roles {
			if err := insertRole(ctx, tx, &n.Roles[i]); err != nil {
				return err
			}
		}
		for i := range n.Requirements {
			if err := insertRequirement(ctx, tx, &n.Requirements[i]); err != nil {
				return err
			}
		}
		for i := range n.Actions {
			if err := insertAction(ctx, tx, &n.Actions[i]); err != nil {
				return err
			}
		}
		for _, l := range n.Levels {
			if err := insertLevel(ctx, tx, l.RequirementID, l.Level, l.At); err != nil {
				return err
			}
		}
		for _, m := range n.Panel {
			if _, err := tx.ExecContext(ctx, `INSERT INTO panel_member (role_id, person_id, part) VALUES (?, ?, ?)`,
				m.RoleID, m.PersonID, m.Part); err != nil {
				return fmt.Errorf("insert network: panel: %w", err)
			}
		}
		for i := range n.Disclosures {
			if err := insertDisclosure(ctx, tx, &n.Disclosures[i]); err != nil {
				return err
			}
		}
		if err := s.refreshPeople(ctx, tx, nil); err != nil {
			return fmt.Errorf("insert network: %w", err)
		}
		return nil
	})
}
