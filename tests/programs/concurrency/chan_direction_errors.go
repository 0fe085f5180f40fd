// chan_direction_errors: directional channels are checked at compile time.
package main

func main() {
	c := make(chan int)
	var r <-chan int = c
	var s chan<- int = c
	r <- 1
	<-s
	close(r)
	for range s {
	}
}
