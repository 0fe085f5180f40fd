// select_timeout: select waits on several channel operations at once.
// time.After gives a channel that delivers a value after a delay, which turns
// a blocking receive into one with a deadline. The timings here differ by
// orders of magnitude, so the outcome never depends on the machine's speed.
package main

import (
	"fmt"
	"time"
)

// sumTo computes 1+2+...+n in a goroutine and delivers the answer on a channel.
func sumTo(n int) <-chan int {
	out := make(chan int, 1)
	go func() {
		s := 0
		for i := 1; i <= n; i++ {
			s += i
		}
		out <- s
	}()
	return out
}

func main() {
	// 1. Work that finishes in microseconds against a 10-second timeout.
	select {
	case s := <-sumTo(1000):
		fmt.Println("fast work finished:", s)
	case <-time.After(10 * time.Second):
		fmt.Println("fast work timed out (should never happen)")
	}

	// 2. Work that can never finish: nobody sends on never.
	never := make(chan int)
	start := time.Now()
	select {
	case v := <-never:
		fmt.Println("impossible value", v)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("impossible work timed out")
	}
	fmt.Println("waited at least 50ms:", time.Since(start) >= 50*time.Millisecond)

	// 3. A default case makes select non-blocking.
	select {
	case v := <-never:
		fmt.Println("impossible value", v)
	default:
		fmt.Println("nothing ready, default taken")
	}

	// 4. A timeout around a loop of requests: each reply is immediate.
	replies := 0
	for i := 0; i < 5; i++ {
		select {
		case <-sumTo(i):
			replies++
		case <-time.After(10 * time.Second):
		}
	}
	fmt.Println("replies before their deadline:", replies)
}
