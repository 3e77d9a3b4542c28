package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"rapport/model"
)

// TestMapTintsWhoKnowsSensitiveThings is the map's: the rest of the frame
// log's tests moved with the People screen to ui/people.
func TestMapTintsWhoKnowsSensitiveThings(t *testing.T) {
	st := mapStore(t)
	ctx := context.Background()
	for _, d := range []model.Disclosure{
		{PersonID: mapAnaID, Topic: "Interviewing elsewhere", Sensitivity: model.SensitivityHigh, SharedOn: testNow},
		{PersonID: mapEvaID, Topic: "Health", Sensitivity: model.SensitivityHigh, SharedOn: testNow},
		{PersonID: mapEvaID, Topic: "Holiday plans", Sensitivity: model.SensitivityLow, SharedOn: testNow},
		{PersonID: mapBenID, Topic: "Want to lead", Sensitivity: model.SensitivityMedium, SharedOn: testNow},
	} {
		if err := st.CreateDisclosure(ctx, &d); err != nil {
			t.Fatal(err)
		}
	}
	w, s := openMap(t, st)
	if st.knowerReads != 0 {
		t.Errorf("the map read who knows what %d times with the tint off and nobody selected", st.knowerReads)
	}
	tinted := func() []int64 {
		var out []int64
		for _, n := range s.view.Layout().Nodes {
			if n.Color == frameTint {
				out = append(out, n.ID)
			}
		}
		slices.Sort(out)
		return out
	}
	if got := tinted(); len(got) != 0 {
		t.Fatalf("tinted %v with the check off", got)
	}

	s.sensitive.SetChecked(true)
	if got, want := tinted(), []int64{mapAnaID, mapEvaID}; !slices.Equal(got, want) {
		t.Errorf("tinted %v, want exactly the knowers %v", got, want)
	}
	for _, n := range s.view.Layout().Nodes {
		if n.Shape != stanceShape(s.byID[n.ID].Person.Stance) {
			t.Errorf("%s drawn as %v: the tint must keep the stance's shape", n.Label, n.Shape)
		}
	}
	if !strings.Contains(s.count.Text, "2 know something sensitive") {
		t.Errorf("count = %q, want it to say 2 know something sensitive", s.count.Text)
	}
	if !slices.Contains(cardLines(s), "Knows something sensitive") {
		t.Errorf("the legend does not explain the tint; it shows:\n%s", strings.Join(cardLines(s), "\n"))
	}

	tapNode(t, w, mapAnaID)
	if !cardHas(s, knowsSensitive) {
		t.Errorf("Ana's card does not say she knows something sensitive; it shows:\n%s", strings.Join(cardLines(s), "\n"))
	}
	tapNode(t, w, mapBenID)
	if cardHas(s, knowsSensitive) {
		t.Error("Ben's card says he knows something sensitive; he was told medium things only")
	}
	if st.knowerReads != 1 {
		t.Errorf("read who knows what %d times since the map was loaded, want once", st.knowerReads)
	}

	s.sensitive.SetChecked(false)
	if got := tinted(); len(got) != 0 {
		t.Errorf("still tinted %v with the check off", got)
	}
}
