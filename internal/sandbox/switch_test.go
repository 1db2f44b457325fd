package sandbox

import (
	"strings"
	"testing"
)

func testSwitches() Descriptor {
	return Descriptor{Vendor: "fake", Switches: []Switch{
		{
			Name: "numbering", Point: "From where?", Source: "fake.md §1", Check: "Look.",
			Readings: []Reading{
				{Name: "from 1", Options: map[string]any{"zero": false}},
				{Name: "from 0", Options: map[string]any{"zero": true}},
			},
			Kind: 1,
		},
		{
			Name: "no_match", Point: "What?", Source: "fake.md §2", Check: "Search.",
			Readings: []Reading{
				{Name: "404", Options: map[string]any{"no_match": "404"}},
				{Name: "empty list", Options: map[string]any{"no_match": "empty"}},
				{Name: "null", Options: map[string]any{"no_match": "null"}},
			},
			Kind: 1,
		},
	}}
}

func TestPositions_strictEachReadingThenKind(t *testing.T) {
	var names []string
	ps := testSwitches().Positions()
	for _, p := range ps {
		names = append(names, p.Name)
	}
	want := "all-strict numbering=from 0 no_match=empty list no_match=null all-kind"
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("positions %q, want %q", got, want)
	}
	if len(ps[0].Options) != 0 {
		t.Errorf("all-strict sets %v; it must leave the defaults", ps[0].Options)
	}
	kind := ps[len(ps)-1].Options
	if kind["zero"] != true || kind["no_match"] != "empty" {
		t.Errorf("all-kind sets %v, want every switch's kind reading", kind)
	}
}

func TestValidateSwitches_rejectsWhatTheMatrixOrGuideCannotUse(t *testing.T) {
	if err := testSwitches().ValidateSwitches(); err != nil {
		t.Fatalf("valid switches rejected: %v", err)
	}
	bad := testSwitches()
	bad.Switches[0].Check = ""
	bad.Switches[1].Kind = 3
	bad.Switches[1].Readings[2].Options = map[string]any{"other": true}
	err := bad.ValidateSwitches()
	if err == nil {
		t.Fatal("invalid switches accepted")
	}
	for _, want := range []string{`"numbering": point, source and check`, `"no_match": kind 3`, `reading "null" sets other options`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestSetPosition_mergesOnlyNamedOptionsAndRejectsUnknownKeys(t *testing.T) {
	e := &fakeEmulator{name: "fake"}
	if err := SetPosition(e, Position{Name: "p", Options: map[string]any{"loud": true}}); err != nil {
		t.Fatalf("known option refused: %v", err)
	}
	err := SetPosition(e, Position{Name: "typo", Options: map[string]any{"lowd": true}})
	if err == nil || !strings.Contains(err.Error(), `position typo`) || !strings.Contains(err.Error(), `"lowd"`) {
		t.Fatalf("unknown option: error %v, want one naming the position and the key", err)
	}
}
