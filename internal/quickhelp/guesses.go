package quickhelp

// Every value in this file is a guess: the vendor document
// (quickhelp-api.md) marks it [INF] or [UNKNOWN]. They live together so that
// the day the live portal settles one (quickhelp-api.md §11), the correction
// is a one-line change here.

// Paths, relative to the base URL https://qhapi.quickhelp.com/v1.
const (
	// pathUpdate is documented (§4, the seed's code samples).
	pathUpdate = "/User/Update"
	// pathList is a guess (§0, §3): getUserList's path is not visible; the
	// document offers /v1/User/List and /v1/User.
	pathList = "/User/List"
	// pathDelete is a guess (§0, §5): deleteUser's path is not visible;
	// /v1/User/Delete follows /v1/User/Update.
	pathDelete = "/User/Delete"
)

// getUserList query parameter names (§3: the names are not visible; these
// follow the response fields).
const (
	paramCustomerIDs = "customerIds" // repeated: customerIds=1&customerIds=2 (Web API default)
	paramPage        = "page"
	paramPageSize    = "pageSize"
)

// Paging numbers the document does not give (§3).
const (
	// firstPage is where a walk starts: "page" read as a page number from
	// 1, the likeliest reading since the response echoes it. walk.go tells
	// pages numbered from 0 and page as a record offset from what comes back.
	firstPage = 1
	// listPageSize is the largest page size there is any evidence for:
	// deleteUser's documented batch limit of 100. A server that caps lower
	// echoes its own pageSize, and the walk follows totalCount, so a wrong
	// guess costs calls, not correctness.
	listPageSize = 100
)

// maxDeleteUsers is deleteUser's documented batch limit (§5).
const maxDeleteUsers = 100
