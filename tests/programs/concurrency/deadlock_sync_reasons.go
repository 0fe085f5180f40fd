package main

import (
	"fmt"
	"runtime"
	"sync"
)

// Every sync wait reason in one deadlock: a writer waiting for a reader,
// a reader queued behind that writer, a Cond waiter nobody signals, and
// main waiting on a WaitGroup nobody finishes.
func main() {
	var rw sync.RWMutex
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	var wg sync.WaitGroup

	rw.RLock()
	go func() {
		rw.Lock() // waits for main's read lock
	}()
	for rw.TryRLock() { // fails once the writer is pending
		rw.RUnlock()
		runtime.Gosched()
	}
	go func() {
		rw.RLock() // queued behind the pending writer
	}()
	go func() {
		mu.Lock()
		cond.Wait() // nobody signals
	}()
	fmt.Println("waiting")
	wg.Add(1)
	wg.Wait()
}
