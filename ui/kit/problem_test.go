package kit_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"rapport/model"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

func TestProblemsSayWhatFailedAndWhy(t *testing.T) {
	kittest.NewApp(t)
	invalid := &model.ValidationError{Record: "person", Fields: []model.FieldError{{Field: "name", Problem: "is required"}}}
	tests := []struct {
		name string
		got  []string
		want string
	}{
		{"page", kittest.Texts(kit.PageProblem("Could not open this person", errors.New("disk gone"))),
			"Could not open this person: disk gone"},
		{"page, invalid data in its own words", kittest.Texts(kit.PageProblem("Could not open this person",
			fmt.Errorf("person page 7: %w", invalid))), "Could not open this person: " + invalid.Error()},
		{"screen", kittest.Texts(kit.ScreenProblem("Could not read the meetings", errors.New("disk gone"))),
			"Could not read the meetings: disk gone\nThe other screens may still work; restarting Rapport may help."},
	}
	for _, tt := range tests {
		if !slices.Contains(tt.got, tt.want) {
			t.Errorf("%s: shows %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
