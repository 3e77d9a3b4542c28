package model

import "time"

// SearchQuery is a stand-in for the search-store branch's parsed query,
// so that the window can be built against the agreed contract before
// that branch merges. TEMPORARY: deleted when search-store merges.
type SearchQuery struct {
	Text string
}

// ParseSearch is a stand-in for the search-store branch's parser.
// TEMPORARY: deleted when search-store merges.
func ParseSearch(text string, now time.Time) SearchQuery {
	_ = now
	return SearchQuery{Text: text}
}
