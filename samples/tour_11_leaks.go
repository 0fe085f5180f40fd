// Tour 11 — Goroutine leaks and how to avoid them.
//
// A goroutine that blocks forever is never cleaned up: its stack and
// everything it references stay in memory for the rest of the program. That
// is a goroutine leak. The classic cause: a goroutine sends a result that
// nobody receives any more, because the receiver gave up (a timeout, an
// early return, the first of several answers was enough).
//
// The rule: whenever you start a goroutine, know how it will end. Give it a
// way out — a done channel or context it selects on, or a buffered channel
// with room for the one value it sends.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// running counts goroutines that have started and not yet returned.
var running int64

// firstAnswer asks three replicas the same question and returns the first
// answer. The other replicas still want to send their answers.
//
// The LEAKY version would be:
//
//	results := make(chan int)          // unbuffered
//	for r := 0; r < 3; r++ {
//		go func() { results <- work(q) }()
//	}
//	return <-results                   // takes one, two senders block forever
//
// The fixed version below adds a done channel: when the caller is finished
// it closes done, and every replica that is still trying to send gives up.
func firstAnswer(q int, wg *sync.WaitGroup) int {
	results := make(chan int)
	done := make(chan struct{})
	defer close(done) // runs when firstAnswer returns: releases the others

	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			// Deferred calls run last-in first-out: the count goes down
			// before wg.Done, so main's Wait sees the final count.
			defer wg.Done()
			atomic.AddInt64(&running, 1)
			defer atomic.AddInt64(&running, -1)
			answer := q * q // every replica computes the same answer
			select {
			case results <- answer:
			case <-done: // nobody wants the answer any more: exit
			}
		}()
	}
	return <-results
}

// firstAnswerBuffered is the other fix: a buffer with room for every answer,
// so no sender ever blocks, and the unread answers are garbage collected.
func firstAnswerBuffered(q int, wg *sync.WaitGroup) int {
	results := make(chan int, 3)
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&running, 1)
			defer atomic.AddInt64(&running, -1)
			results <- q + q // never blocks: there is room for all three
		}()
	}
	return <-results
}

// ticker produces values until it is told to stop — a worker with an explicit
// termination condition.
func ticker(done <-chan struct{}, wg *sync.WaitGroup) <-chan int {
	out := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		atomic.AddInt64(&running, 1)
		defer atomic.AddInt64(&running, -1)
		for i := 0; ; i++ {
			select {
			case out <- i:
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	var wg sync.WaitGroup

	fmt.Println("first answer for 7:", firstAnswer(7, &wg))
	fmt.Println("first answer for 8:", firstAnswerBuffered(8, &wg))

	done := make(chan struct{})
	t := ticker(done, &wg)
	fmt.Println("ticks:", <-t, <-t, <-t)
	close(done) // without this, the ticker would block on its send forever

	// Wait proves that every goroutine started above has returned. With
	// the leaky version, this Wait would never return: the runtime would
	// report a deadlock (see deadlock.go), because the blocked replicas
	// can never finish.
	wg.Wait()
	fmt.Println("goroutines still running:", atomic.LoadInt64(&running))
}
