// Tour 9 — select: waiting on several channels at once.
//
//   select {
//   case v := <-a:   // runs if a value can be received from a
//   case b <- x:     // runs if x can be sent on b
//   case <-time.After(d): // runs if nothing else happened within d
//   default:         // runs at once if no other case is ready
//   }
//
// select blocks until one of its cases can proceed. If several are ready,
// it picks one at random — so a correct program must not depend on which.
// A nil channel is never ready: setting a channel variable to nil switches
// its case off.
package main

import (
	"fmt"
	"time"
)

func produce(prefix string, n int) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- fmt.Sprintf("%s%d", prefix, i)
		}
	}()
	return out
}

func main() {
	// 1. Merge two streams until both are closed. A closed channel is always
	//    ready (it yields zero values), so once a stream ends, its variable
	//    is set to nil to switch that case off.
	a, b := produce("a", 3), produce("b", 4)
	fromA, fromB := 0, 0
	for a != nil || b != nil {
		select {
		case _, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			fromA++
		case _, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			fromB++
		}
	}
	// The interleaving varies from run to run; the counts do not.
	fmt.Println("merged:", fromA, "from a,", fromB, "from b")

	// 2. default makes select non-blocking: try to send, or drop the value.
	mailbox := make(chan int, 2)
	delivered, dropped := 0, 0
	for i := 0; i < 5; i++ {
		select {
		case mailbox <- i:
			delivered++
		default:
			dropped++ // the mailbox is full
		}
	}
	fmt.Println("delivered", delivered, "dropped", dropped)

	// 3. When several cases are ready, select chooses at random. Both
	//    channels always have a value here; over many rounds each is
	//    chosen, but only the total is printed because the split varies.
	x, y := make(chan int, 1), make(chan int, 1)
	picks := map[string]int{}
	for i := 0; i < 1000; i++ {
		x <- 1
		y <- 1
		select {
		case <-x:
			picks["x"]++
			<-y
		case <-y:
			picks["y"]++
			<-x
		}
	}
	fmt.Println("rounds:", picks["x"]+picks["y"], "both cases chosen:", picks["x"] > 0 && picks["y"] > 0)

	// 4. A timeout: nothing is ever sent on quiet, so time.After fires.
	quiet := make(chan int)
	select {
	case v := <-quiet:
		fmt.Println("unexpected", v)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timed out waiting on a quiet channel")
	}

	// 5. A quit channel stops a loop that serves requests.
	requests := make(chan int)
	quit := make(chan bool)
	served := make(chan int)
	go func() {
		count := 0
		for {
			select {
			case <-requests:
				count++
			case <-quit:
				served <- count
				return
			}
		}
	}()
	for i := 0; i < 7; i++ {
		requests <- i
	}
	quit <- true
	fmt.Println("server handled", <-served, "requests before quitting")
}
