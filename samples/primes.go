// primes: the concurrent prime sieve. A generator goroutine sends 2, 3, 4, ...
// down a daisy chain of filter goroutines; each filter owns one prime and drops
// its multiples. Every prime that reaches the end of the chain starts a new
// filter. Channels keep everything in order, so the output is deterministic.
package main

import "fmt"

// generate sends 2, 3, 4, ... on ch forever.
func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

// filter copies values from in to out, dropping multiples of prime.
func filter(in <-chan int, out chan<- int, prime int) {
	for {
		n := <-in
		if n%prime != 0 {
			out <- n
		}
	}
}

func main() {
	const count = 100
	ch := make(chan int)
	go generate(ch)
	for i := 1; i <= count; i++ {
		prime := <-ch
		fmt.Printf("%4d", prime)
		if i%10 == 0 {
			fmt.Println()
		}
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
	// Returning from main ends the program; the filters still blocked on
	// their channels are simply discarded.
	fmt.Printf("the first %d primes, found by %d filter goroutines\n", count, count)
}
