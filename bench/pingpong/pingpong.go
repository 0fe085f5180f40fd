// pingpong: goroutine switching — 1,000,000 round trips between two
// goroutines over two unbuffered channels. Each round trip is two channel
// handoffs. Prints the final value and a checksum.
package main

import "fmt"

const rounds = 1000000

func main() {
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v, sum := 0, 0
	for i := 0; i < rounds; i++ {
		ping <- v
		v = <-pong
		sum = (sum*31 + v) % 1000003
	}
	close(ping)
	<-pong // wait for the partner to finish
	fmt.Println(v, sum)
}
