package qacomplete

import "fmt"

// Helpers for tests that change data behind a client's back, the way
// another administrator would in the QAComplete UI.

// Users returns copies of the users whose primary department is deptID, by
// id; deptID 0 returns every user.
func (e *Emulator) Users(deptID int) []User {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []User
	for _, u := range e.sortedUsers() {
		if deptID == 0 || u.DeptID == deptID {
			out = append(out, u.toUser())
		}
	}
	return out
}

// User returns a copy of one user.
func (e *Emulator) User(id int) (User, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	u, ok := e.users[id]
	if !ok {
		return User{}, false
	}
	return u.toUser(), true
}

// SetUserField changes one field of a stored user and moves date_updated.
// The field is named as in the seed or the API, in snake_case or PascalCase
// ("phone", "work_phone", "company_name", "is_active", "dept_id",
// "custom3"). Values: string, or nil for an optional string (null); bool;
// int; time.Time or a date string. No API validation applies: the point is
// to reach states a client could not.
func (e *Emulator) SetUserField(id int, field string, value any) error {
	def, ok := userFields.lookup(field)
	if !ok {
		return fmt.Errorf("qacomplete: unknown user field %q", field)
	}
	if def.set == nil {
		return fmt.Errorf("qacomplete: user field %s cannot be set", def.name)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	u, ok := e.users[id]
	if !ok {
		return fmt.Errorf("qacomplete: no user %d", id)
	}
	changed := u.clone()
	if err := def.set(&changed, value); err != nil {
		return fmt.Errorf("qacomplete: %w", err)
	}
	if _, ok := e.depts[changed.DeptID]; !ok {
		return fmt.Errorf("qacomplete: no department %d", changed.DeptID)
	}
	if def.kind != kindDate {
		changed.DateUpdated = Timestamp{e.now()}
	}
	*u = changed
	return nil
}

// DeleteUserHard removes a user entirely, as if it had never existed: the
// next GET answers 404.
func (e *Emulator) DeleteUserHard(id int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.users, id)
}

// Disable does what DELETE does (§5.1.6): is_active false, record kept.
func (e *Emulator) Disable(id int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if u, ok := e.users[id]; ok {
		u.IsActive = false
		u.DateUpdated = Timestamp{e.now()}
	}
}

// AddUser stores u and returns it as stored. A zero ID takes the next id, a
// zero DeptID the lowest department id, zero dates the current time.
// IsActive is kept as given: set it for an active user. An empty optional
// string is stored as never set (omitted from answers). No API validation
// applies (duplicate e-mails are allowed). It panics on an id already in
// use or an unknown department, which only a broken test can cause.
func (e *Emulator) AddUser(u User) User {
	e.mu.Lock()
	defer e.mu.Unlock()
	stored := u.toRecord()
	if stored.ID == 0 {
		stored.ID = e.nextID
	}
	if _, taken := e.users[stored.ID]; taken {
		panic(fmt.Sprintf("qacomplete: AddUser: id %d is in use", stored.ID))
	}
	if stored.DeptID == 0 {
		stored.DeptID = e.sortedDeptIDs()[0]
	}
	if _, ok := e.depts[stored.DeptID]; !ok {
		panic(fmt.Sprintf("qacomplete: AddUser: no department %d", stored.DeptID))
	}
	if stored.DateCreated.IsZero() {
		stored.DateCreated = Timestamp{e.now()}
	}
	if stored.DateUpdated.IsZero() {
		stored.DateUpdated = stored.DateCreated
	}
	e.users[stored.ID] = &stored
	e.nextID = max(e.nextID, stored.ID+1)
	return stored.toUser()
}

// DeleteDepartment removes a department and the users whose primary
// department it is, as deleting it in the QAComplete UI would (the REST API
// has no department delete, §5.4.2): every call naming it then answers 404.
func (e *Emulator) DeleteDepartment(id int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.depts, id)
	for uid, u := range e.users {
		if u.DeptID == id {
			delete(e.users, uid)
		}
	}
}
