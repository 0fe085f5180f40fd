// buffered: channel throughput — 5,000,000 ints from one goroutine to
// another through a channel of capacity 128. Prints the count and a checksum.
package main

import "fmt"

const count = 5000000

func main() {
	ch := make(chan int, 128)
	go func() {
		for i := 0; i < count; i++ {
			ch <- i
		}
		close(ch)
	}()
	n, sum := 0, 0
	for v := range ch {
		n++
		sum = (sum*31 + v) % 1000003
	}
	fmt.Println(n, sum)
}
