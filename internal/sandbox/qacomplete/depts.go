package qacomplete

import (
	"net/http"
	"sort"
	"strconv"
)

// §5.4.1 GET /depts: departments of the calling user, with paging and filter.
// [I] qacomplete-api.md §5.4.1: accounts belong to no department in the
// emulator, so every account sees every department; an administrator's acl
// is 7, anyone else's 1.
func (e *Emulator) listDepartments(w http.ResponseWriter, r *http.Request, acct Account) {
	offset, limit, ok := paging(w, r)
	if !ok {
		return
	}
	filter, _ := queryValue(r.URL.Query(), "filter")
	match, err := parseFilter(filter, deptFields)
	if err != nil {
		writeError(w, http.StatusBadRequest, "Invalid filter: "+err.Error())
		return
	}

	e.mu.Lock()
	items := make([]departmentObject, 0, len(e.depts))
	for _, d := range e.depts {
		if match(d) {
			items = append(items, departmentObject(*d))
		}
	}
	e.mu.Unlock()

	sort.Slice(items, func(i, j int) bool { return items[i].ID < items[j].ID })
	acl := aclRead
	if acct.Admin {
		acl = aclFull
	}
	writeJSON(w, http.StatusOK, page(items, offset, limit, acl))
}

// §5.4.2 GET /depts/{DeptId}: one department; 404 when unknown.
func (e *Emulator) getDepartment(w http.ResponseWriter, r *http.Request, _ Account) {
	e.mu.Lock()
	d, ok := e.department(r)
	var obj departmentObject
	if ok {
		obj = departmentObject(*d)
	}
	e.mu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, msgNotFound)
		return
	}
	writeJSON(w, http.StatusOK, obj)
}

// department resolves {DeptId}; callers hold e.mu.
// [I] qacomplete-api.md §2: an unknown or non-numeric DeptId is 404 "File or
// directory not found" (a non-numeric one fails ASP.NET's route match).
func (e *Emulator) department(r *http.Request) (*Department, bool) {
	id, err := strconv.Atoi(r.PathValue("DeptId"))
	if err != nil {
		return nil, false
	}
	d, ok := e.depts[id]
	return d, ok
}
