// runtime_funcs: Gosched, NumGoroutine, GOMAXPROCS (get and set), NumCPU,
// Goexit (runs deferred calls, recover returns nil during it, the
// goroutine ends).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	fmt.Println("goroutines at start:", runtime.NumGoroutine())
	fmt.Println("NumCPU >= 1:", runtime.NumCPU() >= 1)
	old := runtime.GOMAXPROCS(0)
	fmt.Println("GOMAXPROCS >= 1:", old >= 1)
	fmt.Println("set 3, got old back:", runtime.GOMAXPROCS(3) == old, "now:", runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(old)

	block := make(chan bool)
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() { wg.Done(); <-block }()
	}
	wg.Wait()
	fmt.Println("with 10 blocked:", runtime.NumGoroutine())
	close(block)
	for runtime.NumGoroutine() > 1 {
		runtime.Gosched()
	}
	fmt.Println("after release:", runtime.NumGoroutine())

	// With one processor, Gosched lets the other goroutine run.
	runtime.GOMAXPROCS(1)
	turns := make([]string, 0, 6)
	var tmu sync.Mutex
	var twg sync.WaitGroup
	twg.Add(2)
	for _, name := range []string{"a", "b"} {
		name := name
		go func() {
			defer twg.Done()
			for i := 0; i < 3; i++ {
				tmu.Lock()
				turns = append(turns, name)
				tmu.Unlock()
				runtime.Gosched()
			}
		}()
	}
	twg.Wait()
	na := 0
	for _, t := range turns {
		if t == "a" {
			na++
		}
	}
	fmt.Println("turns:", len(turns), "a:", na)
	runtime.GOMAXPROCS(old)

	done := make(chan bool)
	go func() {
		defer close(done)
		defer fmt.Println("deferred call ran during Goexit")
		func() {
			defer fmt.Println("inner deferred call ran")
			runtime.Goexit()
		}()
		fmt.Println("not reached")
	}()
	<-done
	done2 := make(chan bool)
	go func() {
		defer close(done2)
		defer func() { fmt.Println("recover during Goexit:", recover()) }()
		runtime.Goexit()
	}()
	<-done2
	fmt.Println("end")
}
