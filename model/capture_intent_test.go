package model

import "testing"

func TestCaptureIntended(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"coffee with Da yesterday: the reorg", true},
		{"coffee with", true},
		{"Coffee With helena", true},
		{"phone call with Kenji", true},
		{"feedback to", true},
		{"lunch; I owe her the plan", true},
		{"coffee", false},
		{"coffee reorg", false},
		{"asked about the reorg", false},
		{"helena reorg", false},
		{"migration plan", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := CaptureIntended(tt.line); got != tt.want {
			t.Errorf("CaptureIntended(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
