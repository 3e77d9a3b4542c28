package model

// PromiseList is every promise with the people they are with, read in one
// go (see storage's Store.PromiseList): what the Promises screen lists.
type PromiseList struct {
	// Promises are all the promises, pending first, then by due date
	// (undated last), then by the day they were made.
	Promises []Promise
	// People are whom the promises are with, by ID, archived or not.
	People map[int64]Person
}
