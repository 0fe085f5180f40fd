// deadlock_many: 10,000 goroutines and main blocked on one channel. Go's
// report lists every goroutine; goi's why-lines name a few of the others
// blocked on the channel and count the rest, and the report takes time
// linear in the number of goroutines (this would time out otherwise).
package main

import "sync"

func main() {
	gate := make(chan int)
	var started sync.WaitGroup
	started.Add(10000)
	for i := 0; i < 10000; i++ {
		go func() {
			started.Done()
			<-gate
		}()
	}
	started.Wait()
	<-gate
}
