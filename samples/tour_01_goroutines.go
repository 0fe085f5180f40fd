// Tour 1 — Goroutines: creating them with the `go` keyword.
//
// A goroutine is a function call that runs independently of the code that
// started it. It is much lighter than an operating-system thread: a goroutine
// starts with a tiny stack, and the Go runtime (in goi: the interpreter's own
// scheduler) runs many goroutines on a few threads.
//
// What to notice in this program:
//   1. `go f(x)` starts f in a new goroutine and returns immediately.
//   2. The arguments of a `go` call are evaluated right away, in the caller.
//   3. main does NOT wait for the goroutines it starts. When main returns,
//      the program ends, and goroutines that are still running are dropped.
//      To wait for a goroutine, main needs some synchronisation — here a
//      channel; tour 2 shows sync.WaitGroup.
package main

import "fmt"

// greet sends a greeting on done when it has finished its work.
// `chan<- string` means: this function may only send on the channel.
func greet(name string, done chan<- string) {
	done <- "hello from the goroutine for " + name
}

func main() {
	fmt.Println("main: starting")

	// A channel is how goroutines hand values to each other (tours 4-6).
	done := make(chan string)

	// 1. Start a goroutine with the go keyword. The call returns at once:
	//    main carries on while greet runs concurrently.
	go greet("Ada", done)
	fmt.Println("main: the go statement returned immediately")

	// Receiving from the channel blocks main until greet has sent its
	// message — this is how main waits for the goroutine.
	fmt.Println("main: received:", <-done)

	// 2. Arguments are evaluated when the go statement runs, so each
	//    goroutine gets its own value of i (0, 1, 2).
	results := make(chan int)
	for i := 0; i < 3; i++ {
		go func(n int) {
			results <- n * n
		}(i)
	}
	// The three goroutines finish in any order, so add up their results
	// instead of printing them as they come: the sum is always 0+1+4 = 5.
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-results
	}
	fmt.Println("main: sum of squares from 3 goroutines:", sum)

	// 3. main does not wait. This goroutine waits on a channel that nobody
	//    ever sends on, so it is still blocked when main returns — and its
	//    message is never printed. No error, no waiting: the program ends.
	never := make(chan bool)
	go func() {
		<-never
		fmt.Println("this line is never printed")
	}()

	fmt.Println("main: returning; the blocked goroutine is abandoned")
}
