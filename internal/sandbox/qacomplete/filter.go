package qacomplete

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A parser for the search filters of qacomplete-api.md §3, following its
// "Emulator" note: =, !=, <, >, <=, >=, ~, in {…}, not in {…}, is [not] empty,
// parentheses and AND/OR/NOT, single-quoted strings, true/false.
//
// [I] §3: the operator tables are cut off, so these readings are the
// emulator's:
//   - precedence is NOT over AND over OR, as in SQL;
//   - keywords and string comparisons ignore case (SQL Server's default
//     collation); ~ is a case-insensitive "contains";
//   - a quote inside a string literal is doubled ('O''Brien');
//   - `is 'value'` and `is not 'value'` mean = and != (the document's
//     example `SecurityGroup is not 'Security Admin'`);
//   - the right-hand side may name another field of the same type ("equals a
//     constant or another numeric field");
//   - date literals are strings in the answer's format, RFC 3339 or
//     YYYY-MM-DD, in the server's time zone;
//   - a missing optional string compares as "" and `is empty` is true for it;
//     numbers, booleans and dates are never empty;
//   - a type mismatch (Email = 5, IsActive ~ 'x', unknown field) is a parse
//     error, answered 400.

// predicate is a compiled filter.
type predicate[T any] func(*T) bool

// operand yields a comparable value for a record: string, float64, bool or
// time.Time.
type operand[T any] func(*T) any

type tokKind int

const (
	tokEOF tokKind = iota
	tokIdent
	tokString
	tokNumber
	tokOp
	tokLParen
	tokRParen
	tokLBrace
	tokRBrace
	tokComma
)

type token struct {
	kind tokKind
	text string
	pos  int
}

func (t token) String() string {
	if t.kind == tokEOF {
		return "end of filter"
	}
	if t.kind == tokString {
		return "'" + t.text + "'"
	}
	return strconv.Quote(t.text)
}

func tokenize(src string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')' || c == '{' || c == '}' || c == ',':
			kind := map[byte]tokKind{'(': tokLParen, ')': tokRParen, '{': tokLBrace, '}': tokRBrace, ',': tokComma}[c]
			toks = append(toks, token{kind, string(c), i})
			i++
		case c == '\'':
			var b strings.Builder
			j := i + 1
			for {
				if j >= len(src) {
					return nil, fmt.Errorf("unterminated string starting at position %d", i+1)
				}
				if src[j] == '\'' {
					if j+1 < len(src) && src[j+1] == '\'' {
						b.WriteByte('\'')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(src[j])
				j++
			}
			toks = append(toks, token{tokString, b.String(), i})
			i = j + 1
		case c == '!' || c == '<' || c == '>' || c == '=' || c == '~':
			op := string(c)
			if (c == '!' || c == '<' || c == '>') && i+1 < len(src) && src[i+1] == '=' {
				op += "="
			}
			if op == "!" {
				return nil, fmt.Errorf("unexpected '!' at position %d", i+1)
			}
			toks = append(toks, token{tokOp, op, i})
			i += len(op)
		case isDigit(c) || (c == '-' && i+1 < len(src) && isDigit(src[i+1])):
			j := i + 1
			for j < len(src) && (isDigit(src[j]) || src[j] == '.') {
				j++
			}
			toks = append(toks, token{tokNumber, src[i:j], i})
			i = j
		case isIdentStart(c):
			j := i + 1
			for j < len(src) && (isIdentStart(src[j]) || isDigit(src[j])) {
				j++
			}
			toks = append(toks, token{tokIdent, src[i:j], i})
			i = j
		default:
			return nil, fmt.Errorf("unexpected %q at position %d", c, i+1)
		}
	}
	return append(toks, token{kind: tokEOF, pos: len(src)}), nil
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isIdentStart(c byte) bool { return c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z') }

type filterParser[T any] struct {
	toks   []token
	pos    int
	fields fieldTable[T]
}

// parseFilter compiles src against an entity's field table. An empty filter
// matches everything.
func parseFilter[T any](src string, fields fieldTable[T]) (predicate[T], error) {
	if strings.TrimSpace(src) == "" {
		return func(*T) bool { return true }, nil
	}
	toks, err := tokenize(src)
	if err != nil {
		return nil, err
	}
	p := &filterParser[T]{toks: toks, fields: fields}
	pred, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return nil, fmt.Errorf("unexpected %s at position %d", t, t.pos+1)
	}
	return pred, nil
}

func (p *filterParser[T]) peek() token { return p.toks[p.pos] }

func (p *filterParser[T]) next() token {
	t := p.toks[p.pos]
	if t.kind != tokEOF {
		p.pos++
	}
	return t
}

func isKeyword(t token, kw string) bool { return t.kind == tokIdent && strings.EqualFold(t.text, kw) }

func (p *filterParser[T]) acceptKeyword(kw string) bool {
	if isKeyword(p.peek(), kw) {
		p.pos++
		return true
	}
	return false
}

// or parses: and { OR and }.
func (p *filterParser[T]) or() (predicate[T], error) {
	left, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.acceptKeyword("or") {
		right, err := p.and()
		if err != nil {
			return nil, err
		}
		l := left
		left = func(x *T) bool { return l(x) || right(x) }
	}
	return left, nil
}

// and parses: not { AND not }.
func (p *filterParser[T]) and() (predicate[T], error) {
	left, err := p.not()
	if err != nil {
		return nil, err
	}
	for p.acceptKeyword("and") {
		right, err := p.not()
		if err != nil {
			return nil, err
		}
		l := left
		left = func(x *T) bool { return l(x) && right(x) }
	}
	return left, nil
}

// not parses: NOT not | primary.
func (p *filterParser[T]) not() (predicate[T], error) {
	if p.acceptKeyword("not") {
		inner, err := p.not()
		if err != nil {
			return nil, err
		}
		return func(x *T) bool { return !inner(x) }, nil
	}
	return p.primary()
}

// primary parses: ( or ) | condition.
func (p *filterParser[T]) primary() (predicate[T], error) {
	if p.peek().kind == tokLParen {
		p.next()
		inner, err := p.or()
		if err != nil {
			return nil, err
		}
		if t := p.next(); t.kind != tokRParen {
			return nil, fmt.Errorf("expected ')' at position %d, found %s", t.pos+1, t)
		}
		return inner, nil
	}
	return p.condition()
}

// condition parses: field op operand | field [not] in { operand, ... } |
// field is [not] (empty | operand).
func (p *filterParser[T]) condition() (predicate[T], error) {
	ft := p.next()
	if ft.kind != tokIdent {
		return nil, fmt.Errorf("expected a field name at position %d, found %s", ft.pos+1, ft)
	}
	f, ok := p.fields.lookup(ft.text)
	if !ok {
		return nil, fmt.Errorf("unknown field %q", ft.text)
	}
	lhs := operand[T](func(x *T) any { return normalize(f.get(x)) })

	t := p.next()
	switch {
	case t.kind == tokOp:
		if err := checkOperator(f, t.text); err != nil {
			return nil, err
		}
		rhs, err := p.operand(f)
		if err != nil {
			return nil, err
		}
		return comparison(lhs, t.text, rhs), nil
	case isKeyword(t, "in"):
		return p.inList(f, lhs, false)
	case isKeyword(t, "not"):
		if !p.acceptKeyword("in") {
			return nil, fmt.Errorf("expected 'in' after 'not' at position %d", t.pos+1)
		}
		return p.inList(f, lhs, true)
	case isKeyword(t, "is"):
		op := "="
		if p.acceptKeyword("not") {
			op = "!="
		}
		if p.acceptKeyword("empty") {
			empty := func(x *T) bool { return isEmpty(f.get(x)) }
			if op == "!=" {
				return func(x *T) bool { return !empty(x) }, nil
			}
			return empty, nil
		}
		rhs, err := p.operand(f)
		if err != nil {
			return nil, err
		}
		return comparison(lhs, op, rhs), nil
	default:
		return nil, fmt.Errorf("expected an operator after %q at position %d, found %s", ft.text, t.pos+1, t)
	}
}

func checkOperator[T any](f *fieldDef[T], op string) error {
	switch {
	case op == "~" && f.kind != kindString:
		return fmt.Errorf("operator ~ needs a string field; %s is %s", f.name, f.kind)
	case f.kind == kindBool && op != "=" && op != "!=":
		return fmt.Errorf("operator %s does not apply to boolean field %s", op, f.name)
	}
	return nil
}

// operand reads a literal or a field reference of f's type.
func (p *filterParser[T]) operand(f *fieldDef[T]) (operand[T], error) {
	t := p.next()
	mismatch := func(what string) error {
		return fmt.Errorf("field %s is %s and cannot be compared with %s %s", f.name, f.kind, what, t)
	}
	switch t.kind {
	case tokString:
		switch f.kind {
		case kindString:
			v := t.text
			return func(*T) any { return v }, nil
		case kindDate:
			d, err := parseDate(t.text)
			if err != nil {
				return nil, err
			}
			return func(*T) any { return d }, nil
		}
		return nil, mismatch("string")
	case tokNumber:
		if f.kind != kindInt && f.kind != kindNumber {
			return nil, mismatch("number")
		}
		n, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, fmt.Errorf("bad number %s at position %d", t, t.pos+1)
		}
		return func(*T) any { return n }, nil
	case tokIdent:
		if isKeyword(t, "true") || isKeyword(t, "false") {
			if f.kind != kindBool {
				return nil, mismatch("boolean")
			}
			b := isKeyword(t, "true")
			return func(*T) any { return b }, nil
		}
		other, ok := p.fields.lookup(t.text)
		if !ok {
			return nil, fmt.Errorf("unknown field %q", t.text)
		}
		if numeric(other.kind) != numeric(f.kind) || (!numeric(f.kind) && other.kind != f.kind) {
			return nil, mismatch("field")
		}
		return func(x *T) any { return normalize(other.get(x)) }, nil
	}
	return nil, fmt.Errorf("expected a value at position %d, found %s", t.pos+1, t)
}

func (p *filterParser[T]) inList(f *fieldDef[T], lhs operand[T], negate bool) (predicate[T], error) {
	if t := p.next(); t.kind != tokLBrace {
		return nil, fmt.Errorf("expected '{' at position %d, found %s", t.pos+1, t)
	}
	if f.kind == kindBool {
		return nil, fmt.Errorf("operator in does not apply to boolean field %s", f.name)
	}
	var items []operand[T]
	for p.peek().kind != tokRBrace {
		if len(items) > 0 {
			if t := p.next(); t.kind != tokComma {
				return nil, fmt.Errorf("expected ',' or '}' at position %d, found %s", t.pos+1, t)
			}
		}
		item, err := p.operand(f)
		if err != nil {
			return nil, err
		}
		items = append(items, item)
	}
	p.next()
	return func(x *T) bool {
		v := lhs(x)
		for _, item := range items {
			if eq, _ := compare(v, item(x)); eq == 0 {
				return !negate
			}
		}
		return negate
	}, nil
}

func comparison[T any](lhs operand[T], op string, rhs operand[T]) predicate[T] {
	return func(x *T) bool {
		a, b := lhs(x), rhs(x)
		if op == "~" {
			as, _ := a.(string)
			bs, _ := b.(string)
			return strings.Contains(strings.ToLower(as), strings.ToLower(bs))
		}
		c, ok := compare(a, b)
		if !ok {
			return false
		}
		switch op {
		case "=":
			return c == 0
		case "!=":
			return c != 0
		case "<":
			return c < 0
		case ">":
			return c > 0
		case "<=":
			return c <= 0
		case ">=":
			return c >= 0
		}
		return false
	}
}

// compare orders two normalized values of the same type.
func compare(a, b any) (int, bool) {
	switch av := a.(type) {
	case string:
		bv, ok := b.(string)
		return strings.Compare(strings.ToLower(av), strings.ToLower(bv)), ok
	case float64:
		bv, ok := b.(float64)
		switch {
		case !ok:
			return 0, false
		case av < bv:
			return -1, true
		case av > bv:
			return 1, true
		}
		return 0, true
	case bool:
		bv, ok := b.(bool)
		if !ok || av == bv {
			return 0, ok
		}
		return 1, true
	case time.Time:
		bv, ok := b.(time.Time)
		return av.Compare(bv), ok
	}
	return 0, false
}

// normalize turns every number into float64 so fields and literals compare.
func normalize(v any) any {
	if n, ok := v.(int); ok {
		return float64(n)
	}
	return v
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case string:
		return x == ""
	case time.Time:
		return x.IsZero()
	}
	return false
}

func numeric(k fieldKind) bool { return k == kindInt || k == kindNumber }
