package kit

import (
	"testing"

	"rapport/model"
)

// TestPromisePhraseKeepsTheUsersCase: mid-sentence, only the app's "You"
// is lowered; names and what was promised keep the user's case.
func TestPromisePhraseKeepsTheUsersCase(t *testing.T) {
	tests := []struct {
		dir  model.Direction
		name string
		what string
		want string
	}{
		{model.DirectionMine, "Dana", "Send the deck", "you owe Dana: Send the deck"},
		{model.DirectionTheirs, "Priya Shah", "An intro to Lee", "Priya Shah owes you: An intro to Lee"},
		{model.DirectionTheirs, "Élodie", "iOS notes", "Élodie owes you: iOS notes"},
	}
	for _, tt := range tests {
		p := model.Promise{Direction: tt.dir, What: tt.what}
		if got := PromisePhrase(p, tt.name); got != tt.want {
			t.Errorf("PromisePhrase(%v, %q, %q) = %q, want %q", tt.dir, tt.name, tt.what, got, tt.want)
		}
	}
}
