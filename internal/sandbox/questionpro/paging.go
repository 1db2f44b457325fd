package questionpro

import (
	"net/http"
	"net/url"
	"strconv"
)

// Paging defaults of questionpro-api.md §3 "Pagination".
const (
	defaultPerPage = 100
	// maxPerPage is the cap when Options.MaxPerPage is 0. [I] §3: the
	// document's sentence is cut off; a third party states 1000.
	maxPerPage = 1000
)

// pagination is the block every list example carries (§3).
type pagination struct {
	PerPage     int   `json:"perPage"`
	TotalItems  int   `json:"totalItems"`
	CurrentPage int   `json:"currentPage"`
	TotalPages  int   `json:"totalPages"`
	Links       links `json:"links"`
}

// links are absolute URLs of the same list; prev and next are null when there
// is no such page (§3).
type links struct {
	Self  string  `json:"self"`
	Prev  *string `json:"prev"`
	Next  *string `json:"next"`
	First string  `json:"first"`
	Last  string  `json:"last"`
}

// pageRequest reads `page` (1-based, default 1) and `perPage` (default 100)
// from the query (§3: the pages call them path parameters, every sample puts
// them in the query). [I] §3: a value that is not a positive integer gets
// 400/1003; perPage above the cap is clamped, and the block reports the size
// used, so a client must trust totalPages rather than its own arithmetic.
func (rq *request) pageRequest(limit int) (page, perPage int, err *apiError) {
	if limit <= 0 {
		limit = maxPerPage
	}
	q := rq.URL.Query()
	page, perPage = 1, defaultPerPage
	if v := q.Get("page"); v != "" {
		n, convErr := strconv.Atoi(v)
		if convErr != nil || n < 1 {
			return 0, 0, errQuery("page must be a positive integer")
		}
		page = n
	}
	if v := q.Get("perPage"); v != "" {
		n, convErr := strconv.Atoi(v)
		if convErr != nil || n < 1 {
			return 0, 0, errQuery("perPage must be a positive integer")
		}
		perPage = min(n, limit)
	}
	return page, perPage, nil
}

// paginate cuts one page out of items and builds the pagination block.
// [I] §3: an empty list has totalPages 0 (the loop "while currentPage <
// totalPages" stops at once); a page past the end is an empty array, not an
// error; links.last never points below page 1.
func paginate[T any](r *http.Request, items []T, page, perPage int) ([]T, *pagination) {
	total := len(items)
	pages := (total + perPage - 1) / perPage
	start := min((page-1)*perPage, total)
	end := min(start+perPage, total)
	out := make([]T, 0, end-start)
	out = append(out, items[start:end]...)

	link := func(p int) string { return pageURL(r, p, perPage) }
	p := &pagination{
		PerPage:     perPage,
		TotalItems:  total,
		CurrentPage: page,
		TotalPages:  pages,
		Links: links{
			Self:  link(page),
			First: link(1),
			Last:  link(max(pages, 1)),
		},
	}
	if page > 1 {
		prev := link(min(page-1, max(pages, 1)))
		p.Links.Prev = &prev
	}
	if page < pages {
		next := link(page + 1)
		p.Links.Next = &next
	}
	return out, p
}

// pageURL is the request's URL with page and perPage replaced; other query
// parameters are kept.
func pageURL(r *http.Request, page, perPage int) string {
	u, err := url.Parse(resourceURL(r))
	if err != nil {
		return ""
	}
	q := u.Query()
	q.Set("page", strconv.Itoa(page))
	q.Set("perPage", strconv.Itoa(perPage))
	u.RawQuery = q.Encode()
	return u.String()
}
