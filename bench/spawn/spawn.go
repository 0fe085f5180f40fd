// spawn: goroutine creation — 1,000,000 goroutines, each adds its number to
// a shared counter, joined by a sync.WaitGroup. Prints the sum.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

const count = 1000000

func main() {
	var wg sync.WaitGroup
	var sum int64
	wg.Add(count)
	for i := 0; i < count; i++ {
		go func(n int64) {
			atomic.AddInt64(&sum, n)
			wg.Done()
		}(int64(i))
	}
	wg.Wait()
	fmt.Println(sum)
}
