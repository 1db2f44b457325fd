package qacomplete

import "sync"

// The emulator answers list rows and GET in one shape, but the document
// only infers it (§4.2: "probably carry every field in 4.1", complete key
// set [?]). So a department's list serves reads only once it has been seen
// to carry, for some user, every key that user's direct GET carried, and
// never after a row was seen lacking one. The comparison uses the GETs the
// provider makes anyway (the first reads of a burst, the read an update
// builds on) and the rows of the last walk: it costs no call of its own.

// maxParityGets bounds how many GET answers are kept per department for the
// comparison; a burst compares the first few.
const maxParityGets = 64

// listParity is what was seen of one department's list rows against
// direct GETs of the same users.
type listParity struct {
	proven  bool     // a row carried every key its user's GET carried
	lacking fieldSet // keys a GET carried that the same user's row did not
	gets    map[int64]fieldSet
	rows    map[int64]fieldSet
}

// parityBook holds the listParity of every department a client read.
type parityBook struct {
	mu    sync.Mutex
	depts map[int64]*listParity
}

func newParityBook() *parityBook { return &parityBook{depts: map[int64]*listParity{}} }

func (b *parityBook) deptLocked(deptID int64) *listParity {
	p := b.depts[deptID]
	if p == nil {
		p = &listParity{gets: map[int64]fieldSet{}}
		b.depts[deptID] = p
	}
	return p
}

// noteGet records the keys a direct GET answered for a user and compares
// them with the user's row of the last walk.
func (b *parityBook) noteGet(deptID int64, u *User) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.deptLocked(deptID)
	if _, known := p.gets[u.ID]; !known && len(p.gets) >= maxParityGets {
		return
	}
	p.gets[u.ID] = u.present()
	p.compare(u.ID)
}

// noteWalk records the keys of every row of a walk and compares them with
// the GETs seen so far.
func (b *parityBook) noteWalk(deptID int64, users []User) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.deptLocked(deptID)
	p.rows = make(map[int64]fieldSet, len(users))
	for i := range users {
		p.rows[users[i].ID] = users[i].present()
	}
	for id := range p.gets {
		p.compare(id)
	}
}

// forget drops what was seen of a user the provider just wrote: its row
// and its earlier GET no longer describe the same state.
func (b *parityBook) forget(deptID, userID int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.deptLocked(deptID)
	delete(p.gets, userID)
	delete(p.rows, userID)
}

// serves reports whether the department's list may answer reads, and the
// keys its rows were seen to lack (when not empty, it never serves).
func (b *parityBook) serves(deptID int64) (bool, fieldSet) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.deptLocked(deptID)
	return p.proven && p.lacking == 0, p.lacking
}

func (p *listParity) compare(userID int64) {
	got, okGet := p.gets[userID]
	row, okRow := p.rows[userID]
	if !okGet || !okRow {
		return
	}
	if missing := got &^ row; missing != 0 {
		p.lacking |= missing
		return
	}
	p.proven = true
}
