// Tour 4 — Unbuffered channels: communication that synchronises.
//
//   ch := make(chan int)   // no capacity: an unbuffered channel
//   ch <- v                // send: blocks until a receiver takes v
//   v := <-ch              // receive: blocks until a sender provides a value
//
// A send on an unbuffered channel completes only when another goroutine
// receives it, so the two goroutines meet at that moment: a rendezvous.
// Everything the sender did before the send happens before everything the
// receiver does after the receive. That is why the output of this program
// has a fixed order even though two goroutines print.
package main

import "fmt"

func main() {
	// 1. A handoff: the worker cannot print before main has sent.
	ch := make(chan string)
	done := make(chan bool)
	go func() {
		msg := <-ch // waits for main
		fmt.Println("worker: received", msg)
		done <- true // tells main it has printed
	}()
	fmt.Println("main: sending")
	ch <- "a message" // waits for the worker
	<-done
	fmt.Println("main: worker confirmed")

	// 2. Ping-pong: two goroutines take turns, strictly alternating,
	//    because each one waits for the other's message.
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for n := range ping { // receives until ping is closed (tour 6)
			fmt.Println("  pong", n)
			pong <- n + 1
		}
		close(pong)
	}()
	n := 0
	for i := 0; i < 3; i++ {
		fmt.Println("ping", n)
		ping <- n
		n = <-pong
	}
	close(ping)
	fmt.Println("final count:", n)

	// 3. A channel of channels: each request carries its own reply channel,
	//    a common way to ask a goroutine a question and wait for the answer.
	type request struct {
		x     int
		reply chan int
	}
	requests := make(chan request)
	go func() {
		for r := range requests {
			r.reply <- r.x * r.x
		}
	}()
	for x := 2; x <= 4; x++ {
		r := request{x: x, reply: make(chan int)}
		requests <- r
		fmt.Printf("square of %d is %d\n", x, <-r.reply)
	}
	close(requests)
}
