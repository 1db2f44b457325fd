package apiclient

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// The budget side of the retry policy: when a call must end, how long the
// next wait may be, and what the error says when time runs out.

// limitKind is the limit that ended a call's retries.
type limitKind int

const (
	budgetLimit   limitKind = iota + 1 // Config.RetryBudget
	deadlineLimit                      // the caller's context deadline
	countLimit                         // Config.MaxRetries
)

// schedule decides whether a failure a retry could fix is retried, and after
// what wait. When it is not, it records why in gaveUp.
func (st *call) schedule(ctx context.Context, reason string, asked time.Duration, hasAsked bool) (time.Duration, bool) {
	c := st.client
	if c.retryCap >= 0 && st.attempt > c.retryCap {
		st.giveUp(ctx, countLimit, fmt.Sprintf("max_retries allows %d %s", c.retryCap, plural(c.retryCap, "retry", "retries")), reason)
		return 0, false
	}
	end, byBudget := st.limit()
	at := deadlineLimit
	if byBudget {
		at = budgetLimit
	}
	left := time.Until(end)
	if st.budgetCut || left <= 0 {
		st.giveUp(ctx, at, st.spent(byBudget), reason)
		return 0, false
	}
	if hasAsked {
		// Asked to come back after the end, the call ends now: the
		// vendor said no earlier attempt will be served.
		if asked >= left {
			st.retryAfter = asked
			st.giveUp(ctx, at, fmt.Sprintf("it asked to wait %s before retrying, more than the %s left %s", asked, readable(left), st.limitName(byBudget)), reason)
			return 0, false
		}
		return min(asked, c.maxRetryAfter), true
	}
	// A backoff that would outlast the time left is shortened so that one
	// last attempt starts with its share of the budget still ahead of it:
	// an outage that ends shortly before the budget does is still ridden out.
	wait := c.backoff(st.attempt)
	if last := left - st.finalShare(end); wait > last {
		if last <= 0 {
			st.giveUp(ctx, at, fmt.Sprintf("only %s was left %s, too little for another attempt", readable(left), st.limitName(byBudget)), reason)
			return 0, false
		}
		wait = last
	}
	return wait, true
}

// limit is when the call must end: the budget's end or, when it comes
// first, the caller's deadline. byBudget says which.
func (st *call) limit() (end time.Time, byBudget bool) {
	if d, ok := st.caller.Deadline(); ok && d.Before(st.budgetEnd) {
		return d, false
	}
	return st.budgetEnd, true
}

// limitName names the limit for messages: "of the 2m0s retry budget" or
// "before the operation's deadline".
func (st *call) limitName(byBudget bool) string {
	if byBudget {
		return fmt.Sprintf("of the %s retry budget", st.client.retryBudget)
	}
	return "before the operation's deadline"
}

// spent says that the time is up.
func (st *call) spent(byBudget bool) string {
	if byBudget {
		return fmt.Sprintf("the %s retry budget is spent", st.client.retryBudget)
	}
	return "the operation's deadline has come"
}

// finalShare is the time a last attempt is given before the call's end:
// a request timeout, but no more than a tenth of the time from the call's
// start to that end.
func (st *call) finalShare(end time.Time) time.Duration {
	return min(st.client.timeout, end.Sub(st.start)/10)
}

// cutByBudget reports whether err is the budget's deadline ending an
// attempt (or the rate-limit wait before it), rather than the attempt's own
// timeout or the caller's end.
func (st *call) cutByBudget(err error) bool {
	var ate *attemptTimeoutError
	return st.budget.Err() != nil && st.caller.Err() == nil &&
		errors.Is(err, context.DeadlineExceeded) && !errors.As(err, &ate)
}

// budgetCutError is an attempt the budget's deadline ended. It does not
// wrap context.DeadlineExceeded: the caller's context has not ended, and
// callers that check for that must not think it has.
type budgetCutError struct {
	budget  time.Duration
	attempt int
	before  string // why the attempt before failed, masked; empty for a first attempt
}

func (e *budgetCutError) Error() string {
	msg := fmt.Sprintf("the %s retry budget ran out during attempt %d", e.budget, e.attempt)
	if e.before != "" {
		msg += "; the attempt before it failed with " + e.before
	}
	return msg
}

// readable rounds a duration for a message: to 10ms from a second up, to
// the millisecond below.
func readable(d time.Duration) time.Duration {
	if d >= time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}
