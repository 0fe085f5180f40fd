// Tour 8 — Cancellation: telling goroutines to stop.
//
// A goroutine cannot be killed from outside; it has to be asked to stop and
// has to check for the request. Two standard ways:
//   - a done channel that is closed to signal "stop" (close is a broadcast,
//     tour 6), and
//   - a context.Context, which carries a Done() channel plus the reason for
//     cancellation (ctx.Err()), and can be cancelled by hand or by a timeout.
// Workers select on the done channel alongside their normal work.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// numbers sends 1, 2, 3, ... until done is closed.
func numbers(done <-chan struct{}, wg *sync.WaitGroup) <-chan int {
	out := make(chan int)
	go func() {
		defer wg.Done()
		defer close(out)
		for i := 1; ; i++ {
			select {
			case out <- i:
			case <-done:
				return // asked to stop
			}
		}
	}()
	return out
}

// squares reads from in and sends squares until ctx is cancelled or in ends.
func squares(ctx context.Context, in <-chan int, wg *sync.WaitGroup) <-chan int {
	out := make(chan int)
	go func() {
		defer wg.Done()
		defer close(out)
		for v := range in {
			select {
			case out <- v * v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func main() {
	// 1. A done channel: take five numbers from an endless generator, then
	//    close done. The WaitGroup proves the generator really stopped.
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(1)
	gen := numbers(done, &wg)
	for i := 0; i < 5; i++ {
		fmt.Print(<-gen, " ")
	}
	fmt.Println()
	close(done)
	wg.Wait()
	fmt.Println("generator stopped")

	// 2. context.WithCancel: the same idea with a Context. cancel() closes
	//    ctx.Done() for every goroutine that holds ctx (or a child of it).
	ctx, cancel := context.WithCancel(context.Background())
	stop := make(chan struct{})
	wg.Add(2)
	sq := squares(ctx, numbers(stop, &wg), &wg)
	total := 0
	for i := 0; i < 4; i++ {
		total += <-sq
	}
	fmt.Println("sum of the first 4 squares:", total)
	cancel()    // stops the squares stage
	close(stop) // stops its generator
	wg.Wait()
	fmt.Println("pipeline stopped; ctx.Err():", ctx.Err())

	// 3. context.WithTimeout cancels by itself when the deadline passes.
	//    This worker waits for work that never arrives, so the deadline
	//    always wins.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel2() // always release a context's resources
	never := make(chan int)
	select {
	case v := <-never:
		fmt.Println("impossible", v)
	case <-ctx2.Done():
		fmt.Println("gave up:", ctx2.Err())
	}

	// 4. Cancelling a parent cancels its children too.
	parent, cancelParent := context.WithCancel(context.Background())
	child, cancelChild := context.WithCancel(parent)
	defer cancelChild()
	cancelParent()
	<-child.Done()
	fmt.Println("child cancelled with its parent:", child.Err())
}
