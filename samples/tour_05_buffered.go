// Tour 5 — Buffered channels: a queue between goroutines.
//
//   ch := make(chan int, 3)  // room for 3 values
//
// A send on a buffered channel blocks only when the buffer is full; a
// receive blocks only when it is empty. len(ch) is how many values are
// waiting in the buffer, cap(ch) its capacity. Values come out in the order
// they went in (first in, first out).
package main

import (
	"fmt"
	"sync"
)

func main() {
	// 1. One goroutine can send into a buffer without anyone receiving yet
	//    (with an unbuffered channel this would deadlock).
	ch := make(chan string, 3)
	fmt.Println("len", len(ch), "cap", cap(ch))
	ch <- "first"
	ch <- "second"
	ch <- "third"
	fmt.Println("after 3 sends: len", len(ch), "cap", cap(ch))
	// A fourth send would block here until someone received: the buffer is full.

	fmt.Println(<-ch) // FIFO: "first" comes out first
	fmt.Println("after 1 receive: len", len(ch))
	ch <- "fourth" // there is room again
	for len(ch) > 0 {
		fmt.Println(<-ch)
	}

	// 2. A buffer lets a producer run ahead of a slow consumer. The producer
	//    below sends 10 values through a buffer of 4; it blocks only when the
	//    consumer is 4 values behind. The consumer still sees every value in
	//    order.
	queue := make(chan int, 4)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 1; i <= 10; i++ {
			queue <- i
		}
		close(queue)
	}()
	sum, prev, ordered := 0, 0, true
	for v := range queue {
		if v != prev+1 {
			ordered = false
		}
		prev = v
		sum += v
	}
	wg.Wait()
	fmt.Println("consumer got 1..10 in order:", ordered, "sum:", sum)

	// 3. A buffered channel as a semaphore: at most 2 goroutines hold a slot
	//    at once. Each goroutine sends to acquire and receives to release.
	slots := make(chan struct{}, 2)
	var mu sync.Mutex
	inside, maxInside := 0, 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{} // acquire (blocks while 2 are inside)
			mu.Lock()
			inside++
			if inside > maxInside {
				maxInside = inside
			}
			mu.Unlock()

			mu.Lock()
			inside--
			mu.Unlock()
			<-slots // release
		}()
	}
	wg.Wait()
	fmt.Println("never more than 2 inside:", maxInside <= 2)
}
