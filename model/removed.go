package model

// RemovedInteraction is an interaction as it was when it was deleted, with
// what pointed at it, so that deleting it can be undone exactly.
type RemovedInteraction struct {
	Interaction Interaction
	// PromiseIDs are the promises made at it, which lost the link.
	PromiseIDs []int64
	// MeetingIDs are the meetings it was the outcome of, which lost the link.
	MeetingIDs []int64
}

// RemovedPromise is a promise as it was when it was deleted, its history
// included, so that deleting it can be undone exactly.
type RemovedPromise struct {
	Promise Promise
	History []PromiseChange
}

// RemovedMeeting is a meeting (a whole series, when it repeats) as it was
// when it was deleted, with the promises made in it, so that deleting it
// can be undone exactly.
type RemovedMeeting struct {
	Meeting Meeting
	// PromiseIDs are the promises made in it, which lost the link.
	PromiseIDs []int64
}
