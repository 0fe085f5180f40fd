// worker_pool: parallel speed-up — 4 workers take 64 CPU-bound jobs (a
// small integer hash loop each) from a channel and send back results.
// Run at GOMAXPROCS=1 and 2 (bench/run --scaling) to see how much faster
// two processors are. Prints a checksum of the results.
package main

import "fmt"

const jobs = 64
const workers = 4
const work = 400000

func hash(seed int) int {
	h := seed
	for i := 0; i < work; i++ {
		h = (h*1103515245 + 12345) & 0x7fffffff
		h ^= h >> 7
	}
	return h
}

func main() {
	in := make(chan int, jobs)
	out := make(chan int, jobs)
	for w := 0; w < workers; w++ {
		go func() {
			for j := range in {
				out <- hash(j)
			}
		}()
	}
	for j := 0; j < jobs; j++ {
		in <- j
	}
	close(in)
	sum := 0
	for j := 0; j < jobs; j++ {
		sum = (sum + <-out) % 1000000007
	}
	fmt.Println(sum)
}
