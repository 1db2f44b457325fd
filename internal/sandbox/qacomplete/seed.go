package qacomplete

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// maskedPassword stands for a password in Snapshot. Seeding an account with
// it (or with no password) keeps that login's current password, so a
// snapshot loads back without exposing or losing credentials.
const maskedPassword = "***"

// seedDoc is the seed format:
//
//	{"options": {...}, "accounts": [{"login","password","admin"}],
//	 "departments": [{"id","dept_name"}], "users": [record...]}
//
// Every key is optional. Accounts and departments fall back to the defaults
// when absent or empty; users to none; options to those in force.
type seedDoc struct {
	Options     *Options          `json:"options,omitempty"`
	Accounts    []Account         `json:"accounts,omitempty"`
	Departments []Department      `json:"departments,omitempty"`
	Users       []json.RawMessage `json:"users,omitempty"`
}

// snapshotDoc is what Snapshot returns: the seed format, passwords masked.
type snapshotDoc struct {
	Options     Options      `json:"options"`
	Accounts    []Account    `json:"accounts"`
	Departments []Department `json:"departments"`
	Users       []record     `json:"users"`
}

// Seed replaces the emulator's data with a seed document (see seedDoc).
// Unknown keys are errors, so a typo in a seed file does not pass silently.
// On error nothing changes.
func (e *Emulator) Seed(raw json.RawMessage) error {
	var doc seedDoc
	if trimmed := bytes.TrimSpace(raw); len(trimmed) > 0 && string(trimmed) != "null" {
		if err := decodeStrict(trimmed, &doc); err != nil {
			return fmt.Errorf("qacomplete seed: %w", err)
		}
	}
	if doc.Options != nil {
		if err := doc.Options.validate(); err != nil {
			return fmt.Errorf("qacomplete seed: %w", err)
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	accounts, err := seedAccounts(doc.Accounts, e.accounts)
	if err != nil {
		return err
	}
	depts, err := seedDepartments(doc.Departments)
	if err != nil {
		return err
	}
	users, err := e.seedUsers(doc.Users, depts)
	if err != nil {
		return err
	}
	if doc.Options != nil {
		e.opts = *doc.Options
	}
	e.reset(accounts, depts, users)
	return nil
}

// Snapshot returns the data in the seed format, with every password
// replaced by "***".
func (e *Emulator) Snapshot() any { return e.snapshot() }

func (e *Emulator) snapshot() snapshotDoc {
	e.mu.Lock()
	defer e.mu.Unlock()
	doc := snapshotDoc{Options: e.opts, Accounts: []Account{}, Departments: []Department{}, Users: []record{}}
	for _, a := range e.accounts {
		a.Password = maskedPassword
		doc.Accounts = append(doc.Accounts, a)
	}
	for _, id := range e.sortedDeptIDs() {
		doc.Departments = append(doc.Departments, *e.depts[id])
	}
	for _, u := range e.sortedUsers() {
		doc.Users = append(doc.Users, u.clone())
	}
	return doc
}

func seedAccounts(in, current []Account) ([]Account, error) {
	if len(in) == 0 {
		return defaultAccounts(), nil
	}
	out := make([]Account, 0, len(in))
	seen := map[string]bool{}
	for i, a := range in {
		key := strings.ToLower(a.Login)
		if key == "" {
			return nil, fmt.Errorf("qacomplete seed: accounts[%d] has no login", i)
		}
		if seen[key] {
			return nil, fmt.Errorf("qacomplete seed: account %q listed twice", a.Login)
		}
		seen[key] = true
		if a.Password == "" || a.Password == maskedPassword {
			a.Password = ""
			for _, c := range current {
				if strings.EqualFold(c.Login, a.Login) {
					a.Password = c.Password
				}
			}
			if a.Password == "" {
				return nil, fmt.Errorf("qacomplete seed: account %q needs a password", a.Login)
			}
		}
		out = append(out, a)
	}
	return out, nil
}

func seedDepartments(in []Department) ([]Department, error) {
	if len(in) == 0 {
		return defaultDepartments(), nil
	}
	seen := map[int]bool{}
	out := make([]Department, 0, len(in))
	for i, d := range in {
		if d.ID <= 0 {
			return nil, fmt.Errorf("qacomplete seed: departments[%d] needs a positive id", i)
		}
		if seen[d.ID] {
			return nil, fmt.Errorf("qacomplete seed: department %d listed twice", d.ID)
		}
		seen[d.ID] = true
		if d.DeptName == "" {
			d.DeptName = fmt.Sprintf("Department %d", d.ID)
		}
		out = append(out, d)
	}
	return out, nil
}

// seedUsers decodes users with the defaults the format promises: active,
// primary department the lowest department id, dates now, ids from 24793
// (after any explicit id) for users without one.
func (e *Emulator) seedUsers(raws []json.RawMessage, depts []Department) ([]record, error) {
	deptIDs := map[int]bool{}
	firstDept := 0
	for _, d := range depts {
		deptIDs[d.ID] = true
		if firstDept == 0 || d.ID < firstDept {
			firstDept = d.ID
		}
	}
	now := Timestamp{e.now()}
	users := make([]record, 0, len(raws))
	ids := map[int]bool{}
	emails := map[string]bool{}
	next := firstUserID
	for i, raw := range raws {
		u := record{IsActive: true}
		if err := decodeStrict(raw, &u); err != nil {
			return nil, fmt.Errorf("qacomplete seed: users[%d]: %w", i, err)
		}
		if u.Email == "" {
			return nil, fmt.Errorf("qacomplete seed: users[%d] needs an email", i)
		}
		key := strings.ToLower(u.Email)
		if emails[key] {
			return nil, fmt.Errorf("qacomplete seed: email %q used twice", u.Email)
		}
		emails[key] = true
		if u.DeptID == 0 {
			u.DeptID = firstDept
		}
		if !deptIDs[u.DeptID] {
			return nil, fmt.Errorf("qacomplete seed: users[%d] names unknown department %d", i, u.DeptID)
		}
		if u.ID < 0 {
			return nil, fmt.Errorf("qacomplete seed: users[%d] has a negative id", i)
		}
		if u.ID > 0 {
			if ids[u.ID] {
				return nil, fmt.Errorf("qacomplete seed: user id %d listed twice", u.ID)
			}
			ids[u.ID] = true
			next = max(next, u.ID+1)
		}
		if u.DateCreated.IsZero() {
			u.DateCreated = now
		}
		if u.DateUpdated.IsZero() {
			u.DateUpdated = u.DateCreated
		}
		users = append(users, u)
	}
	for i := range users {
		if users[i].ID == 0 {
			users[i].ID = next
			next++
		}
	}
	return users, nil
}

// sortedDeptIDs lists department ids in order; callers hold e.mu.
func (e *Emulator) sortedDeptIDs() []int {
	ids := make([]int, 0, len(e.depts))
	for id := range e.depts {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	return ids
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}
