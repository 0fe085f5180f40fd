// chan_close_rules: Go's panics around channels (close of nil channel, close
// of closed channel, send on closed channel, in a select too, a negative
// buffer size) and what a closed channel gives: buffered values first, then
// zero values with ok == false, and range ends. A sender parked on a channel
// that gets closed panics too.
package main

import (
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Println(name+":", r)
		if e, ok := r.(runtime.Error); ok {
			fmt.Println("  runtime.Error:", e.Error())
		}
	}()
	f()
}

type pair struct {
	a int
	b string
}

func main() {
	try("close nil", func() { var c chan int; close(c) })
	try("close closed", func() { c := make(chan int); close(c); close(c) })
	try("send closed", func() { c := make(chan int, 1); close(c); c <- 1 })
	try("make negative", func() { n := -1; _ = make(chan int, n) })
	try("select send closed", func() {
		c := make(chan int, 1)
		close(c)
		select {
		case c <- 1:
		default:
		}
	})

	b := make(chan pair, 3)
	b <- pair{1, "x"}
	b <- pair{2, "y"}
	close(b)
	fmt.Println(len(b), cap(b))
	for p := range b {
		fmt.Println("got", p)
	}
	p, ok := <-b
	fmt.Printf("after close: %+v %v %d\n", p, ok, len(b))

	// A sender parked on an unbuffered channel panics when it is closed.
	c := make(chan int)
	done := make(chan string)
	go func() {
		defer func() { done <- fmt.Sprint("parked sender: ", recover()) }()
		c <- 1
	}()
	for i := 0; i < 100; i++ {
		runtime.Gosched() // let the sender park (if it does not, it panics anyway)
	}
	close(c)
	fmt.Println(<-done)

	// Receivers parked on a channel all wake up on close.
	gate := make(chan struct{})
	res := make(chan bool)
	for i := 0; i < 10; i++ {
		go func() {
			_, ok := <-gate
			res <- ok
		}()
	}
	close(gate)
	oks := 0
	for i := 0; i < 10; i++ {
		if <-res {
			oks++
		}
	}
	fmt.Println("woken receivers with ok:", oks)
}
