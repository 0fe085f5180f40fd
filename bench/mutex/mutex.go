// mutex: lock contention — 8 goroutines make 1,000,000 increments of one
// counter in total, each under one shared sync.Mutex. Prints the counter.
package main

import (
	"fmt"
	"sync"
)

const workers = 8
const total = 1000000

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < total/workers; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
