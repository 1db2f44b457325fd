package qacomplete

import "fmt"

// QAComplete's DELETE disables a user and keeps the record, and its API has
// no call that enables one again. Terraform does not manage a disabled user
// (Read drops it from state), so importing or adopting one can only fail:
// the messages here send the user to the QAComplete UI first, then to the
// import or adoption that works once the user is enabled.

// disabledExistingDetail explains a create whose e-mail belongs to a
// disabled user of the department, and what to do next.
func disabledExistingDetail(deptID int64, email string, userID int64, adopting bool) string {
	next := fmt.Sprintf("then import it:\n\n  terraform import <resource address> %d/%d\n\nor add an import block with id = \"%d/%d\", or set adopt_existing = true and apply again.", deptID, userID, deptID, userID)
	if adopting {
		next = fmt.Sprintf("then apply again: adopt_existing = true takes it over (or import it with id \"%d/%d\").", deptID, userID)
	}
	return fmt.Sprintf("Department %d already has a user with the e-mail %s: user id %d, which is disabled. QAComplete's API has no call that re-enables a user, and Terraform does not manage a disabled one, so it can be neither imported nor adopted as it is.\n\n"+
		"To manage it with Terraform, re-enable user %d in the QAComplete UI first, %s\n\nTo create a new user instead, use another e-mail address.",
		deptID, email, userID, userID, next)
}

// disabledImportDetail explains why a disabled user cannot be imported.
func disabledImportDetail(deptID, userID int64, email string) string {
	return fmt.Sprintf("User %d in department %d%s is disabled. QAComplete's API has no call that re-enables a user, and Terraform does not manage a disabled one, so importing it now would leave nothing in state. Re-enable it in the QAComplete UI first, then import it again with the same id.",
		userID, deptID, inParens(email))
}
