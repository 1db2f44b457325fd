package sandbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// Switch is one point a vendor's document leaves open that changes what the
// provider must send or how it must read an answer. The emulator takes the
// least forgiving reading by default; every other reading the document
// allows is a position of the switch, selected by emulator options. The
// provider must be right under every position: the matrix tests run each
// vendor's lifecycle under each one, and the vendor-assumptions guide is
// rendered from these values.
type Switch struct {
	// Name identifies the switch within its vendor, snake_case.
	Name string

	// Point is the open question, in the words of a user who knows the
	// vendor's API: "Does getUserList number its pages from 0 or from 1?".
	Point string

	// Source is where the vendor's document leaves it open, such as
	// "quickhelp-api.md §3".
	Source string

	// Readings are the answers the document allows. Readings[0] is the
	// emulator's default, the least forgiving; the others are switched on
	// by their Options.
	Readings []Reading

	// Kind is the index in Readings of the most forgiving reading: the one
	// the all-kind position selects.
	Kind int

	// Check is what a user with a real tenant can look at to tell which
	// reading is the vendor's.
	Check string
}

// Reading is one answer to a Switch's open point.
type Reading struct {
	// Name is the reading in a few words: "pages numbered from 0".
	Name string

	// Options are the emulator options that select this reading, keyed as
	// in a seed file's "options" object; the default reading names the
	// same keys with their default values, so that it can be selected
	// again after another.
	Options map[string]any
}

// Position is one setting of every switch of an emulator: the defaults, one
// switch moved to another reading, or every switch at its kindest.
type Position struct {
	Name    string         // "all-strict", "all-kind" or "<switch>=<reading>"
	Options map[string]any // the emulator options it sets, merged
}

// Position names of the two whole-emulator positions.
const (
	AllStrict = "all-strict"
	AllKind   = "all-kind"
)

// Positions lists the matrix of one emulator's switches: all-strict (the
// defaults), each non-default reading of each switch alone, and all-kind.
func (d Descriptor) Positions() []Position {
	out := []Position{{Name: AllStrict, Options: map[string]any{}}}
	kind := map[string]any{}
	for _, s := range d.Switches {
		for i, r := range s.Readings {
			if i > 0 {
				out = append(out, Position{Name: s.Name + "=" + r.Name, Options: maps.Clone(r.Options)})
			}
		}
		if s.Kind >= 0 && s.Kind < len(s.Readings) {
			maps.Copy(kind, s.Readings[s.Kind].Options)
		}
	}
	return append(out, Position{Name: AllKind, Options: kind})
}

// SetPosition sets an emulator's options to a position: its current options
// with the position's keys replaced.
func SetPosition(e Emulator, p Position) error {
	if len(p.Options) == 0 {
		return nil
	}
	raw, err := json.Marshal(p.Options)
	if err != nil {
		return fmt.Errorf("position %s: %w", p.Name, err)
	}
	if err := e.MergeOptions(raw); err != nil {
		return fmt.Errorf("position %s: %w", p.Name, err)
	}
	return nil
}

// MergeOptionsJSON decodes raw into opts, replacing only the keys raw
// names, and rejects a key opts does not have.
func MergeOptionsJSON(raw json.RawMessage, opts any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(opts); err != nil {
		return fmt.Errorf("emulator options: %w", err)
	}
	return nil
}

// MergedOptions is what an emulator's MergeOptions computes under its lock:
// current with the keys raw names replaced, checked by validate (nil: no
// check). On an error the emulator keeps current, so a misspelt reading
// never half-applies.
func MergedOptions[O any](current O, raw json.RawMessage, validate func(O) error) (O, error) {
	merged := current
	if err := MergeOptionsJSON(raw, &merged); err != nil {
		return current, err
	}
	if validate != nil {
		if err := validate(merged); err != nil {
			return current, err
		}
	}
	return merged, nil
}

// ValidateSwitches checks every switch of a descriptor: named, documented,
// with at least two readings that each select the same option keys, and a
// kind reading.
func (d Descriptor) ValidateSwitches() error {
	var errs []error
	seen := map[string]bool{}
	for _, s := range d.Switches {
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("%s switch %q: %s", d.Vendor, s.Name, fmt.Sprintf(format, args...)))
		}
		if s.Name == "" || seen[s.Name] {
			bad("name empty or used twice")
		}
		seen[s.Name] = true
		if s.Point == "" || s.Source == "" || s.Check == "" {
			bad("point, source and check are all needed by the guide")
		}
		if len(s.Readings) < 2 {
			bad("has %d readings; a switch needs at least two", len(s.Readings))
		}
		if s.Kind < 0 || s.Kind >= len(s.Readings) {
			bad("kind %d is not a reading", s.Kind)
		}
		names := map[string]bool{}
		for i, r := range s.Readings {
			if r.Name == "" || names[r.Name] {
				bad("reading %d: name empty or used twice", i)
			}
			names[r.Name] = true
			if len(r.Options) == 0 {
				bad("reading %q selects no option", r.Name)
			}
			if i > 0 && !slices.Equal(slices.Sorted(maps.Keys(r.Options)), slices.Sorted(maps.Keys(s.Readings[0].Options))) {
				bad("reading %q sets other options than the default reading; each reading must name the same keys", r.Name)
			}
		}
	}
	return errors.Join(errs...)
}
