// Tour 3 — Scheduling: many goroutines on a few threads.
//
// The scheduler multiplexes M goroutines onto N operating-system threads.
// N is GOMAXPROCS: the number of threads that may run Go code at the same
// time. runtime.GOMAXPROCS(0) reads the setting without changing it; a
// positive argument sets it and returns the previous value.
//
// Even with GOMAXPROCS = 1 — a single thread — thousands of goroutines make
// progress, because the scheduler switches between them whenever one blocks,
// yields with runtime.Gosched(), or has run for too long (preemption).
//
// The values this program prints do not depend on how many CPUs the machine
// has, nor on the order in which the scheduler happens to run goroutines.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	// GOMAXPROCS depends on the machine, so print a property, not the value.
	fmt.Println("GOMAXPROCS is at least 1:", runtime.GOMAXPROCS(0) >= 1)

	// Use a single thread for the rest of the program. The previous value
	// is returned so that it can be restored at the end.
	previous := runtime.GOMAXPROCS(1)
	fmt.Println("now running on", runtime.GOMAXPROCS(0), "thread")

	// 1. Ten thousand goroutines, one thread. Each goroutine is cheap:
	//    it costs a small stack, not an OS thread.
	const n = 10000
	var wg sync.WaitGroup
	var sum int64
	wg.Add(n)
	for i := 1; i <= n; i++ {
		go func(x int64) {
			defer wg.Done()
			atomic.AddInt64(&sum, x)
		}(int64(i))
	}
	wg.Wait()
	fmt.Println("sum from", n, "goroutines:", atomic.LoadInt64(&sum))

	// 2. runtime.Gosched() yields: the current goroutine steps aside so
	//    others can run, and is resumed later. These goroutines take turns
	//    on the one thread; each still completes all of its steps.
	var steps int64
	wg.Add(3)
	for g := 0; g < 3; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				atomic.AddInt64(&steps, 1)
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
	fmt.Println("steps taken by 3 yielding goroutines:", atomic.LoadInt64(&steps))

	// 3. Preemption: this goroutine spins in a loop without ever blocking
	//    or yielding. On one thread it would starve main forever if the
	//    scheduler could not interrupt it. Because the scheduler preempts
	//    long-running goroutines, main still gets to run and stop it.
	var stop int32
	spun := make(chan bool)
	go func() {
		for atomic.LoadInt32(&stop) == 0 {
			// busy loop: no channel operation, no function that blocks
		}
		spun <- true
	}()
	runtime.Gosched() // let the spinner start
	atomic.StoreInt32(&stop, 1)
	fmt.Println("spinning goroutine stopped:", <-spun)

	runtime.GOMAXPROCS(previous)
	fmt.Println("GOMAXPROCS restored:", runtime.GOMAXPROCS(0) == previous)
}
