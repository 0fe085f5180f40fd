// chan_nil_deadlock: a receive from a nil channel blocks forever; a nil
// channel's case in a select is never chosen. When nothing else can run,
// the program ends with Go's deadlock report and exit status 2.
package main

import "fmt"

func main() {
	var c chan int
	fmt.Println(len(c), cap(c), c == nil)
	ready := make(chan int, 1)
	ready <- 1
	for i := 0; i < 3; i++ {
		select {
		case v := <-c:
			fmt.Println("nil receive", v)
		case c <- 1:
			fmt.Println("nil send")
		case v := <-ready:
			fmt.Println("ready", v)
			ready <- v + 1
		}
	}
	<-c
}
