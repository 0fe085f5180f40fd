// os_exit: os.Exit ends the program at once with its status: buffered
// stdout written so far is flushed, deferred calls do not run, and other
// goroutines are abandoned.
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	defer fmt.Println("deferred: never printed")
	go func() {
		time.Sleep(time.Hour)
		fmt.Println("never printed either")
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("line", i)
	}
	fmt.Fprintln(os.Stderr, "exiting with status 3")
	func() {
		defer fmt.Println("inner deferred: never printed")
		os.Exit(3)
	}()
	fmt.Println("unreachable")
}
