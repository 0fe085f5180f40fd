// goexit_main_blocked: main calls runtime.Goexit while another goroutine
// stays blocked forever: that is an ordinary deadlock (exit status 2).
package main

import "runtime"

func main() {
	c := make(chan int)
	go func() {
		<-c
	}()
	runtime.Goexit()
}
