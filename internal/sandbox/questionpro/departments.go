package questionpro

import (
	"fmt"
	"sort"
)

// wireDepartment is the department object of questionpro-api.md §5.9 (from
// the update-department response).
type wireDepartment struct {
	DepartmentID     int    `json:"departmentID"`
	OrganizationID   int    `json:"organizationID"`
	Name             string `json:"name"`
	PrimaryAccountID int    `json:"primaryAccountID"`
}

func (d *SeedDepartment) wire() wireDepartment {
	return wireDepartment{
		DepartmentID:     d.ID,
		OrganizationID:   d.OrganizationID,
		Name:             d.Name,
		PrimaryAccountID: d.PrimaryAccountID,
	}
}

// departmentIn reads {departmentID} and finds it in org; a department of
// another organization is not found ([I] §5.9). Callers hold mu.
func (e *Emulator) departmentIn(rq *request, org int) (*SeedDepartment, *apiError) {
	id, err := rq.pathID("departmentID")
	if err != nil {
		return nil, err
	}
	d, ok := e.depts[id]
	if !ok || d.OrganizationID != org {
		return nil, errNotFound()
	}
	return d, nil
}

// departmentBody is what a department POST or PUT may carry (§5.9: `name`,
// `primaryAccountID`).
type departmentBody struct {
	name             field[string]
	primaryAccountID field[int]
}

// readDepartmentBody decodes and checks a department body for org.
// [I] §5.9: required flags are not stated; name is required and must not be
// empty, primaryAccountID is 0 or a user of the organization (else 400/1002);
// other keys are refused unless Options.IgnoreUnknownFields.
func (e *Emulator) readDepartmentBody(raw []byte, org int) (departmentBody, *apiError) {
	var b departmentBody
	obj, err := decodeObject(raw)
	if err != nil {
		return b, err
	}
	writable := map[string]any{"name": &b.name, "primaryAccountID": &b.primaryAccountID}
	if err := bodyFields(obj, writable, []string{"departmentID", "organizationID"}, e.opts.IgnoreUnknownFields); err != nil {
		return b, err
	}
	if b.primaryAccountID.v != 0 {
		if u, ok := e.users[b.primaryAccountID.v]; !ok || u.OrganizationID != org {
			return b, errSchema(fmt.Sprintf("primaryAccountID %d is not a user of organization %d", b.primaryAccountID.v, org))
		}
	}
	return b, nil
}

// listDepartments follows §5.9 "list — GET
// /organizations/{organization-id}/departments", paginated like the user
// lists. [I] §5.9: any key of the organization may read its departments.
func (e *Emulator) listDepartments(rq *request) reply {
	org, err := rq.requireOrg()
	if err != nil {
		return fail(err)
	}
	page, perPage, err := rq.pageRequest(e.opts.MaxPerPage)
	if err != nil {
		return fail(err)
	}
	var all []wireDepartment
	for _, d := range e.depts {
		if d.OrganizationID == org {
			all = append(all, d.wire())
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].DepartmentID < all[j].DepartmentID })
	items, p := paginate(rq.Request, all, page, perPage)
	return successPage(items, p)
}

// getDepartment follows §5.9 "get — GET
// /organizations/{organization-id}/departments/{department-id}"; [I] the
// response is the department object.
func (e *Emulator) getDepartment(rq *request) reply {
	org, err := rq.requireOrg()
	if err != nil {
		return fail(err)
	}
	d, err := e.departmentIn(rq, org)
	if err != nil {
		return fail(err)
	}
	return success(d.wire())
}

// createDepartment follows §5.9 "create — POST
// /organizations/{organization-id}/departments"; [I] the response (not
// visible in the document) is the new department object.
func (e *Emulator) createDepartment(rq *request) reply {
	if err := requireAdmin(rq.key); err != nil {
		return fail(err)
	}
	org, err := rq.requireOrg()
	if err != nil {
		return fail(err)
	}
	b, err := e.readDepartmentBody(rq.body, org)
	if err != nil {
		return fail(err)
	}
	if b.name.v == "" {
		return fail(errSchema("name is required"))
	}
	e.lastDeptID++
	d := &SeedDepartment{ID: e.lastDeptID, OrganizationID: org, Name: b.name.v, PrimaryAccountID: b.primaryAccountID.v}
	e.depts[d.ID] = d
	return success(d.wire())
}

// updateDepartment follows §5.9 "update — PUT
// /organizations/{organization-id}/departments/{department-id}".
// [I] §5.9: like PUT /users, an omitted primaryAccountID becomes 0 unless
// Options.MergeOnUpdate; name is always required unless merging.
func (e *Emulator) updateDepartment(rq *request) reply {
	if err := requireAdmin(rq.key); err != nil {
		return fail(err)
	}
	org, err := rq.requireOrg()
	if err != nil {
		return fail(err)
	}
	d, err := e.departmentIn(rq, org)
	if err != nil {
		return fail(err)
	}
	b, err := e.readDepartmentBody(rq.body, org)
	if err != nil {
		return fail(err)
	}
	next := *d
	if e.opts.MergeOnUpdate {
		setIf(&next.Name, b.name)
		setIf(&next.PrimaryAccountID, b.primaryAccountID)
	} else {
		next.Name = b.name.v
		next.PrimaryAccountID = b.primaryAccountID.v
	}
	if next.Name == "" {
		return fail(errSchema("name is required"))
	}
	*d = next
	return success(d.wire())
}
