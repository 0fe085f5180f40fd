// Tour 6 — Closing channels, ranging over them, and the "v, ok" receive.
//
//   close(ch)          // the sender says: no more values will come
//   for v := range ch  // receives until ch is closed and empty
//   v, ok := <-ch      // ok is false once ch is closed and empty
//
// Rules worth remembering:
//   - Only the sender closes a channel, and only once. Closing it twice, or
//     sending on a closed channel, panics.
//   - Receiving from a closed channel never blocks: buffered values still
//     come out first, then the zero value with ok == false.
//   - Closing is a broadcast: every goroutine waiting to receive wakes up.
//   - A channel that is never closed is fine; close it only when receivers
//     need to know that the stream has ended (e.g. to finish a range loop).
package main

import (
	"fmt"
	"sync"
)

// countdown is a generator: it returns a channel and a goroutine that fills
// it and closes it when done.
func countdown(from int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out) // always close when the generator finishes
		for i := from; i > 0; i-- {
			out <- i
		}
	}()
	return out
}

func main() {
	// 1. range stops by itself when the channel is closed.
	for n := range countdown(5) {
		fmt.Print(n, " ")
	}
	fmt.Println("liftoff!")

	// 2. v, ok: buffered values survive close; after them comes the zero value.
	ch := make(chan int, 2)
	ch <- 10
	ch <- 20
	close(ch)
	for i := 0; i < 4; i++ {
		v, ok := <-ch
		fmt.Printf("receive %d: v=%d ok=%v\n", i+1, v, ok)
	}

	// 3. close as a broadcast: five goroutines wait on one channel; a single
	//    close wakes all of them (a send would wake only one).
	start := make(chan struct{})
	var wg sync.WaitGroup
	woken := make(chan int, 5)
	for id := 1; id <= 5; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			<-start // blocks until start is closed
			woken <- id
		}(id)
	}
	close(start)
	wg.Wait()
	close(woken)
	sum := 0
	for id := range woken {
		sum += id
	}
	fmt.Println("all 5 waiters woke up; sum of ids:", sum)

	// 4. Sending on a closed channel panics. recover (in a deferred
	//    function) catches the panic so this program can show the message.
	func() {
		defer func() {
			fmt.Println("recovered:", recover())
		}()
		done := make(chan int, 1)
		close(done)
		done <- 1
	}()
}
