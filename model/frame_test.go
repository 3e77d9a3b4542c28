package model

import "testing"

func TestNeedsFrameCheck(t *testing.T) {
	tests := []struct {
		name        string
		sensitivity Sensitivity
		influence   int
		onPanel     bool
		want        bool
	}{
		{"low, influence 5", SensitivityLow, 5, false, false},
		{"low, on panel", SensitivityLow, 1, true, false},
		{"medium, influence 5 on panel", SensitivityMedium, 5, true, false},
		{"high, influence 1", SensitivityHigh, 1, false, false},
		{"high, influence 3", SensitivityHigh, 3, false, false},
		{"high, influence 4", SensitivityHigh, 4, false, true},
		{"high, influence 5", SensitivityHigh, 5, false, true},
		{"high, influence 2 on panel", SensitivityHigh, 2, true, true},
	}
	for _, tt := range tests {
		d := Disclosure{PersonID: 1, Topic: "Thinking of leaving", Sensitivity: tt.sensitivity}
		p := Person{ID: 1, Name: "Lee Park", Influence: tt.influence}
		if got := NeedsFrameCheck(d, p, tt.onPanel); got != tt.want {
			t.Errorf("%s: NeedsFrameCheck = %v, want %v", tt.name, got, tt.want)
		}
	}
}
