// blocked: many parked goroutines — 1,000,000 goroutines block at once on
// one channel, then a close releases them all. Measures what a parked
// goroutine costs (bench/run --rss prints the peak RSS per goroutine).
// Prints how many goroutines were released.
package main

import (
	"fmt"
	"sync"
)

const count = 1000000

func main() {
	gate := make(chan struct{})
	var started, done sync.WaitGroup
	started.Add(count)
	done.Add(count)
	for i := 0; i < count; i++ {
		go func() {
			started.Done()
			<-gate
			done.Done()
		}()
	}
	started.Wait() // every goroutine is running or parked on the gate
	close(gate)
	done.Wait()
	fmt.Println(count)
}
