// Tour 2 — The lifecycle of a goroutine: creation, execution, termination.
//
//   - Creation: a goroutine exists from the moment a `go` statement runs.
//   - Execution: the scheduler decides when it runs and on which thread.
//   - Termination: it ends when its function returns (or the program ends).
//
// sync.WaitGroup is the standard way to wait for a group of goroutines to
// terminate. It is a counter:
//   wg.Add(n)  — before starting goroutines, add how many to wait for;
//   wg.Done()  — each goroutine calls it when it finishes (usually deferred);
//   wg.Wait()  — blocks until the counter is back to zero.
package main

import (
	"fmt"
	"sort"
	"sync"
)

// task does some work and records its result. The results slice is shared,
// so access to it is protected by a mutex (more on that in tour 10).
func task(id int, wg *sync.WaitGroup, mu *sync.Mutex, finished *[]int) {
	// defer runs wg.Done() when task returns, however it returns:
	// the goroutine's termination is what the WaitGroup counts.
	defer wg.Done()

	work := 0
	for i := 0; i <= id*1000; i++ {
		work += i % 7
	}

	mu.Lock()
	*finished = append(*finished, id)
	mu.Unlock()
	_ = work
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var finished []int

	const n = 5
	for id := 1; id <= n; id++ {
		// Add BEFORE the go statement: if Add ran inside the goroutine,
		// Wait might run first and see a counter of zero.
		wg.Add(1)
		go task(id, &wg, &mu, &finished)
	}
	fmt.Println("started", n, "goroutines")

	// Wait until every task has called Done.
	wg.Wait()

	// The goroutines finished in an order chosen by the scheduler. After
	// Wait they have all terminated, so sorting gives a fixed answer.
	sort.Ints(finished)
	fmt.Println("all terminated:", finished)

	// A WaitGroup can be reused once its counter is back at zero.
	// Here each goroutine also passes back a value over a buffered channel
	// (tour 5) that is big enough to hold every result.
	squares := make(chan int, n)
	for i := 1; i <= n; i++ {
		wg.Add(1)
		go func(x int) {
			defer wg.Done()
			squares <- x * x
		}(i)
	}
	wg.Wait()
	close(squares) // nothing else will be sent (tour 6)
	total := 0
	for s := range squares {
		total += s
	}
	fmt.Println("sum of squares 1..5:", total)

	// A goroutine's lifetime can outlast the function that started it.
	// startBackground returns at once; its goroutine lives on until it is
	// told to stop. Waiting for "stopped" proves it terminated.
	stop, stopped := startBackground()
	fmt.Println("background goroutine running; its starter already returned")
	close(stop)
	fmt.Println(<-stopped)
}

func startBackground() (chan struct{}, chan string) {
	stop := make(chan struct{})
	stopped := make(chan string)
	go func() {
		<-stop // block until asked to stop
		stopped <- "background goroutine terminated"
	}()
	return stop, stopped
}
