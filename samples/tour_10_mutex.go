// Tour 10 — Sharing memory safely: sync.Mutex and sync/atomic.
//
// "Do not communicate by sharing memory; share memory by communicating" —
// channels are Go's first choice. But sometimes goroutines do share a
// variable, and then every access must be synchronised. Otherwise two
// goroutines can read the same old value, both add one, and both write
// back: an update is lost. That is a data race, and the result is undefined.
//
//   var mu sync.Mutex
//   mu.Lock()   // only one goroutine at a time gets past this line
//   ...         // the critical section
//   mu.Unlock()
//
// sync/atomic offers single operations (add, load, store, compare-and-swap)
// that are indivisible, for simple counters and flags.
package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

// Counter is safe for concurrent use: the mutex guards the map.
type Counter struct {
	mu     sync.Mutex
	counts map[string]int
}

func (c *Counter) Inc(key string) {
	c.mu.Lock()
	defer c.mu.Unlock() // unlock even if the code below panicked
	c.counts[key]++
}

func (c *Counter) Snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int, len(c.counts))
	for k, v := range c.counts {
		out[k] = v
	}
	return out
}

// Account shows why a whole operation, not just each access, must be locked:
// checking the balance and withdrawing must happen as one step.
type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Withdraw(amount int) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.balance < amount {
		return false
	}
	a.balance -= amount
	return true
}

func main() {
	const workers = 50
	const perWorker = 200
	var wg sync.WaitGroup

	// 1. A plain int guarded by a mutex.
	var mu sync.Mutex
	total := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				mu.Lock()
				total++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println("mutex counter:", total, "expected:", workers*perWorker)

	// 2. The same with an atomic add: no lock needed for one integer.
	var atomicTotal int64
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				atomic.AddInt64(&atomicTotal, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("atomic counter:", atomic.LoadInt64(&atomicTotal))

	// 3. A map shared by many goroutines. Go maps are not safe for
	//    concurrent writes, so the Counter type locks around each update.
	c := &Counter{counts: make(map[string]int)}
	colours := []string{"red", "green", "blue"}
	for w := 0; w < 30; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			c.Inc(colours[w%len(colours)])
		}(w)
	}
	wg.Wait()
	snap := c.Snapshot()
	keys := make([]string, 0, len(snap))
	for k := range snap {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s=%d ", k, snap[k])
	}
	fmt.Println()

	// 4. 100 goroutines each try to withdraw 10 from an account holding 500.
	//    Exactly 50 succeed, and the balance never goes below zero.
	acct := &Account{balance: 500}
	var ok, refused int64
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if acct.Withdraw(10) {
				atomic.AddInt64(&ok, 1)
			} else {
				atomic.AddInt64(&refused, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println("withdrawals:", ok, "refused:", refused, "balance:", acct.balance)

	// 5. sync.Once runs a function exactly once, however many goroutines ask.
	var once sync.Once
	var inits int64
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { atomic.AddInt64(&inits, 1) })
		}()
	}
	wg.Wait()
	fmt.Println("initialised", inits, "time")
}
