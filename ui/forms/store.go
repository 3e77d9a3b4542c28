package forms

import (
	"context"

	"rapport/model"
)

// PersonStore is what the person form writes.
type PersonStore interface {
	CreatePerson(ctx context.Context, p *model.Person) error
	UpdatePerson(ctx context.Context, p *model.Person) error
}

// InteractionStore is what the interaction form reads (the people who
// could have been there) and writes: the interaction and its promises in
// one transaction, and their undoing.
type InteractionStore interface {
	People(ctx context.Context, archived bool) ([]model.PersonSummary, error)
	LogCapture(ctx context.Context, c model.Capture) (model.CaptureResult, error)
	UndoCapture(ctx context.Context, r model.CaptureResult) error
}

// PromiseWriter is what changing a promise's status writes.
type PromiseWriter interface {
	UpdatePromise(ctx context.Context, p *model.Promise) error
}

// PromiseStore is what the promise form and the promise dialog read (the
// people to choose from, a promise's history) and write.
type PromiseStore interface {
	PromiseWriter
	People(ctx context.Context, archived bool) ([]model.PersonSummary, error)
	Person(ctx context.Context, id int64) (model.Person, error)
	CreatePromise(ctx context.Context, p *model.Promise) error
	PromiseHistory(ctx context.Context, promiseID int64) ([]model.PromiseChange, error)
	RemovePromise(ctx context.Context, id int64) (model.RemovedPromise, error)
	RestorePromise(ctx context.Context, r model.RemovedPromise) (model.Promise, error)
}

// AgendaStore is what drafting a meeting's agenda reads about its person.
type AgendaStore interface {
	Person(ctx context.Context, id int64) (model.Person, error)
	PromisesFor(ctx context.Context, personID int64) ([]model.Promise, error)
	AdvisedBy(ctx context.Context, personID int64) ([]model.Requirement, error)
}

// MeetingStore is what the meeting form reads (the people to choose from,
// what drafts a new meeting's agenda) and writes.
type MeetingStore interface {
	AgendaStore
	People(ctx context.Context, archived bool) ([]model.PersonSummary, error)
	CreateMeeting(ctx context.Context, m *model.Meeting) error
	UpdateMeeting(ctx context.Context, m *model.Meeting) error
}

// OutcomeStore is what the outcome form writes.
type OutcomeStore interface {
	LogMeetingOutcome(ctx context.Context, meetingID int64, o model.MeetingOutcome) (model.Interaction, error)
}

// SettingsStore is what the settings form writes.
type SettingsStore interface {
	SaveSettings(ctx context.Context, s model.Settings) error
}

// Store is everything the forms read and write: what the window hands
// them.
type Store interface {
	PersonStore
	InteractionEditStore
	InteractionRemover
	PromiseStore
	MeetingStore
	OutcomeStore
	SettingsStore
}
