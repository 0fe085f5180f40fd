// Tour 7 — Errors and goroutines.
//
// A goroutine has no caller to return an error to: `go f()` discards f's
// results. The usual fix is to send errors over a channel, either on their
// own channel or — as here — inside a result value that carries both the
// answer and the error.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"sync"
)

// result pairs each input with its outcome.
type result struct {
	index int
	input string
	value int
	err   error
}

var errNegative = errors.New("negative numbers are not allowed")

// parse converts a string to a non-negative number.
func parse(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		// %w wraps errNegative so that errors.Is can find it later.
		return 0, fmt.Errorf("parse %q: %w", s, errNegative)
	}
	return n, nil
}

func main() {
	inputs := []string{"42", "7", "x9", "-3", "100", ""}

	// 1. One goroutine per input; each sends a result, error or not.
	results := make(chan result)
	var wg sync.WaitGroup
	for i, s := range inputs {
		wg.Add(1)
		go func(i int, s string) {
			defer wg.Done()
			v, err := parse(s)
			results <- result{index: i, input: s, value: v, err: err}
		}(i, s)
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Results arrive in any order; sort them by input position.
	var all []result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].index < all[j].index })

	sum, failures := 0, 0
	for _, r := range all {
		switch {
		case r.err == nil:
			fmt.Printf("%-6q ok    %d\n", r.input, r.value)
			sum += r.value
		case errors.Is(r.err, errNegative):
			fmt.Printf("%-6q error (negative): %v\n", r.input, r.err)
			failures++
		default:
			fmt.Printf("%-6q error: %v\n", r.input, r.err)
			failures++
		}
	}
	fmt.Println("sum of good inputs:", sum, "failures:", failures)

	// 2. The first error wins: workers send on a buffered error channel of
	//    size 1 with a non-blocking send, so later errors are dropped
	//    instead of blocking the workers forever.
	firstErr := make(chan error, 1)
	for _, s := range []string{"1", "-5", "2", "-8"} {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			if _, err := parse(s); err != nil {
				select {
				case firstErr <- err:
				default: // an error is already stored
				}
			}
		}(s)
	}
	wg.Wait()
	select {
	case err := <-firstErr:
		// Which negative input failed first depends on scheduling, but
		// both failures wrap the same sentinel error.
		fmt.Println("batch failed; caused by a negative number:", errors.Is(err, errNegative))
	default:
		fmt.Println("batch succeeded")
	}
}
