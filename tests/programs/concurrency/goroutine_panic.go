// goroutine_panic: an unrecovered panic in any goroutine ends the whole
// program with status 2, even while main is blocked.
package main

import "fmt"

func main() {
	ready := make(chan bool)
	go func() {
		<-ready
		var m map[string]int
		m["boom"] = 1 // assignment to entry in nil map
	}()
	fmt.Println("main: releasing the worker")
	ready <- true
	select {} // block forever; the worker's panic ends the program
}
