// goexit_main: main calling runtime.Goexit ends only the main goroutine
// (its deferred calls run); the other goroutines go on, and when the last
// one ends Go reports "no goroutines (main called runtime.Goexit) -
// deadlock!" with exit status 2.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	go func() {
		for i := 0; i < 3; i++ {
			runtime.Gosched()
		}
		fmt.Println("other goroutine still runs")
	}()
	defer fmt.Println("main's deferred call")
	runtime.Goexit()
	fmt.Println("not reached")
}
