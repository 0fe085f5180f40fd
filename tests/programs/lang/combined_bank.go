// Tests: a bank-account simulation combining interfaces, custom errors,
// errors.Is/As, wrapping with %w, maps of pointers, sorting and defer.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

var ErrInsufficient = errors.New("insufficient funds")
var ErrFrozen = errors.New("account frozen")

type TxError struct {
	Op      string
	Account string
	Amount  int
	Err     error
}

func (e *TxError) Error() string {
	return fmt.Sprintf("%s %d on %s: %v", e.Op, e.Amount, e.Account, e.Err)
}

func (e *TxError) Unwrap() error { return e.Err }

type Account interface {
	ID() string
	Balance() int
	Deposit(n int) error
	Withdraw(n int) error
}

type basic struct {
	id      string
	balance int
	frozen  bool
	history []string
}

func (a *basic) ID() string   { return a.id }
func (a *basic) Balance() int { return a.balance }

func (a *basic) Deposit(n int) error {
	if a.frozen {
		return &TxError{"deposit", a.id, n, ErrFrozen}
	}
	a.balance += n
	a.history = append(a.history, fmt.Sprintf("+%d", n))
	return nil
}

func (a *basic) Withdraw(n int) error {
	if a.frozen {
		return &TxError{"withdraw", a.id, n, ErrFrozen}
	}
	if n > a.balance {
		return &TxError{"withdraw", a.id, n, ErrInsufficient}
	}
	a.balance -= n
	a.history = append(a.history, fmt.Sprintf("-%d", n))
	return nil
}

// overdraft accounts embed basic and allow going negative up to a limit.
type overdraft struct {
	basic
	limit int
}

func (o *overdraft) Withdraw(n int) error {
	if o.frozen {
		return &TxError{"withdraw", o.id, n, ErrFrozen}
	}
	if n > o.balance+o.limit {
		return &TxError{"withdraw", o.id, n, fmt.Errorf("over limit %d: %w", o.limit, ErrInsufficient)}
	}
	o.balance -= n
	o.history = append(o.history, fmt.Sprintf("-%d", n))
	return nil
}

type Bank struct {
	accounts map[string]Account
	log      []string
}

func (b *Bank) Transfer(from, to string, n int) (err error) {
	defer func() {
		status := "ok"
		if err != nil {
			status = "failed"
		}
		b.log = append(b.log, fmt.Sprintf("%s->%s %d %s", from, to, n, status))
	}()
	src, ok := b.accounts[from]
	if !ok {
		return fmt.Errorf("no account %q", from)
	}
	dst, ok := b.accounts[to]
	if !ok {
		return fmt.Errorf("no account %q", to)
	}
	if err := src.Withdraw(n); err != nil {
		return fmt.Errorf("transfer: %w", err)
	}
	if err := dst.Deposit(n); err != nil {
		src.Deposit(n) // refund
		return fmt.Errorf("transfer: %w", err)
	}
	return nil
}

func main() {
	b := &Bank{accounts: map[string]Account{}}
	alice := &basic{id: "alice", balance: 100}
	bob := &overdraft{basic: basic{id: "bob", balance: 20}, limit: 50}
	carol := &basic{id: "carol", frozen: true}
	for _, a := range []Account{alice, bob, carol} {
		b.accounts[a.ID()] = a
	}
	attempts := []struct {
		from, to string
		n        int
	}{
		{"alice", "bob", 30}, {"bob", "alice", 90}, {"bob", "alice", 10},
		{"alice", "carol", 5}, {"alice", "dave", 1}, {"alice", "bob", 500},
	}
	for _, t := range attempts {
		err := b.Transfer(t.from, t.to, t.n)
		var te *TxError
		switch {
		case err == nil:
			fmt.Println("ok:", t.from, "->", t.to, t.n)
		case errors.Is(err, ErrFrozen):
			fmt.Println("frozen:", err)
		case errors.As(err, &te) && errors.Is(err, ErrInsufficient):
			fmt.Printf("insufficient (%s on %s): %v\n", te.Op, te.Account, err)
		default:
			fmt.Println("error:", err)
		}
	}
	ids := make([]string, 0, len(b.accounts))
	for id := range b.accounts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Printf("%-6s %5d\n", id, b.accounts[id].Balance())
	}
	fmt.Println(strings.Join(b.log, "; "))
	fmt.Println(alice.history, bob.history)
}
